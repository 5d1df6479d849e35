package io.portcullis.authz.model;

import java.util.Optional;

/** Point reads of the model: the live store, or a snapshot of it ({@link ModelStore#snapshot()}). */
public interface ModelReader {

    Optional<byte[]> get(String key);
}
