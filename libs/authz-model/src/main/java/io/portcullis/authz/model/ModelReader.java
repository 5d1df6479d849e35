package io.portcullis.authz.model;

import java.util.List;
import java.util.Optional;

/** Reads of the model: the live store, or a snapshot of it ({@link ModelStore#snapshot()}). */
public interface ModelReader {

    Optional<byte[]> get(String key);

    /** Every key starting with {@code prefix}, in key order: for compaction, never on a decision's path. */
    List<String> keysStartingWith(String prefix);
}
