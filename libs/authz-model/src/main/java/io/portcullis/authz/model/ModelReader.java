package io.portcullis.authz.model;

import java.util.List;
import java.util.Optional;

/** Reads of the model: the live store, or a snapshot of it ({@link ModelStore#snapshot()}). */
public interface ModelReader {

    Optional<byte[]> get(String key);

    /** A value read from this store as the given record type; equal bytes may give the same (immutable) instance. */
    <T> T decode(byte[] value, Class<T> type);

    /** Every key starting with {@code prefix}, in key order: for compaction, never on a decision's path. */
    List<String> keysStartingWith(String prefix);
}
