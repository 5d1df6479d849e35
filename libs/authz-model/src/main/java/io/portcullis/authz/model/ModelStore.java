package io.portcullis.authz.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The read model's storage: one RocksDB folder of keys and values, and the input offsets they reflect. A batch of
 * changes and the offsets it brings the model to are written in one atomic {@link WriteBatch}, so a crash never
 * leaves half of a batch applied, and a restart resumes from the offsets stored with the last one.
 */
public final class ModelStore implements ModelReader, AutoCloseable {

    /** The store as it was when the view was taken: reads see no later write. Close it to release the snapshot. */
    public final class View implements ModelReader, AutoCloseable {
        private final Snapshot snapshot = db.getSnapshot();
        private final ReadOptions read = new ReadOptions().setSnapshot(snapshot);

        @Override
        public Optional<byte[]> get(String key) {
            return ModelStore.this.get(read, key);
        }

        @Override
        public <T> T decode(byte[] value, Class<T> type) {
            return decoded.decode(value, type);
        }

        @Override
        public List<String> keysStartingWith(String prefix) {
            return ModelStore.this.keysStartingWith(read, prefix);
        }

        @Override
        public void close() {
            read.close();
            db.releaseSnapshot(snapshot);
        }
    }

    static {
        RocksDB.loadLibrary();
    }

    /** Offsets live under this prefix: {@code offset/<topic>/<partition>} → the next offset to read. */
    static final String OFFSET_PREFIX = "offset/";

    private final Options options;
    private final LRUCache cache;
    private final RocksDB db;
    private final WriteOptions writeOptions = new WriteOptions();
    /** Reads of the store as it is now (a {@link View} reads its snapshot instead). */
    private final ReadOptions latest = new ReadOptions();
    /**
     * The offsets as last written, kept in memory beside the store: every answer names them and the feeder compares
     * against them on every poll, so they are read from RocksDB once, at open, and updated with each write.
     */
    private volatile Map<String, Long> offsets;
    /** Decoded values, shared by the snapshots decisions read: 16 MiB of stored bytes at most. */
    private final DecodedEntries decoded = new DecodedEntries(16L * 1024 * 1024);

    private ModelStore(Path folder) throws RocksDBException {
        // Point reads dominate: a block cache and bloom filters (measured 4-6 µs per get on 1M keys, toolchain.md).
        this.cache = new LRUCache(64L * 1024 * 1024);
        this.options = new Options().setCreateIfMissing(true)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(new BloomFilter(10)));
        this.db = RocksDB.open(options, folder.toString());
        this.offsets = storedOffsets();
    }

    public static ModelStore open(Path folder) {
        try {
            folder.toFile().mkdirs();
            return new ModelStore(folder);
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot open the model at " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A consistent view of the store as it is now. */
    public View snapshot() {
        return new View();
    }

    @Override
    public Optional<byte[]> get(String key) {
        return get(latest, key);
    }

    private Optional<byte[]> get(ReadOptions read, String key) {
        try {
            return Optional.ofNullable(db.get(read, bytes(key)));
        } catch (RocksDBException e) {
            throw new IllegalStateException("Reading " + key + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The live store is read by the fold alone, which reads each entry it changes about once: caching those reads
     * slowed a rebuild of a million users by a quarter and evicted what decisions share. Snapshots use the cache.
     */
    @Override
    public <T> T decode(byte[] value, Class<T> type) {
        return ModelBatch.read(value, type);
    }

    @Override
    public List<String> keysStartingWith(String prefix) {
        return keysStartingWith(latest, prefix);
    }

    private List<String> keysStartingWith(ReadOptions read, String prefix) {
        List<String> keys = new ArrayList<>();
        try (RocksIterator it = db.newIterator(read)) {
            forEachStartingWith(it, prefix, (key, value) -> keys.add(key));
        }
        return keys;
    }

    private static void forEachStartingWith(RocksIterator it, String prefix, BiConsumer<String, byte[]> entry) {
        for (it.seek(bytes(prefix)); it.isValid(); it.next()) {
            String key = new String(it.key(), StandardCharsets.UTF_8);
            if (!key.startsWith(prefix)) {
                break;
            }
            entry.accept(key, it.value());
        }
    }

    /**
     * Writes the changes (a null value deletes its key) and the offsets they bring the model to, atomically.
     *
     * @param offsets {@code topic/partition} → the next offset to read
     */
    public void apply(Map<String, byte[]> changes, Map<String, Long> offsets) {
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<String, byte[]> change : changes.entrySet()) {
                if (change.getValue() == null) {
                    batch.delete(bytes(change.getKey()));
                } else {
                    batch.put(bytes(change.getKey()), change.getValue());
                }
            }
            for (Map.Entry<String, Long> offset : offsets.entrySet()) {
                batch.put(bytes(OFFSET_PREFIX + offset.getKey()), bytes(Long.toString(offset.getValue())));
            }
            db.write(writeOptions, batch);
            if (!offsets.isEmpty()) {
                Map<String, Long> after = new LinkedHashMap<>(this.offsets);
                after.putAll(offsets);
                this.offsets = Map.copyOf(after);
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("Writing a batch of " + changes.size() + " changes failed: " + e.getMessage(), e);
        }
    }

    /** The input offsets the model reflects: {@code topic/partition} → the next offset to read. */
    public Map<String, Long> offsets() {
        return offsets;
    }

    private Map<String, Long> storedOffsets() {
        Map<String, Long> offsets = new LinkedHashMap<>();
        try (RocksIterator it = db.newIterator()) {
            forEachStartingWith(it, OFFSET_PREFIX, (key, value) ->
                    offsets.put(key.substring(OFFSET_PREFIX.length()), Long.parseLong(new String(value, StandardCharsets.UTF_8))));
        }
        return Map.copyOf(offsets);
    }

    /**
     * SHA-256 over every key and value in key order, offsets included: two models with the same digest hold the same
     * permissions and reflect the same input. Reads the whole store: for checks, not for the hot path.
     */
    public String digest() {
        return digestWithOffsets().digest();
    }

    /** A digest and the offsets it covers, read from one snapshot while batches go on being written. */
    public record Digest(String digest, Map<String, Long> offsets) {
    }

    public Digest digestWithOffsets() {
        Snapshot snapshot = db.getSnapshot();
        try (ReadOptions read = new ReadOptions().setSnapshot(snapshot); RocksIterator it = db.newIterator(read)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Map<String, Long> offsets = new LinkedHashMap<>();
            for (it.seekToFirst(); it.isValid(); it.next()) {
                sha.update(lengthOf(it.key()));
                sha.update(it.key());
                sha.update(lengthOf(it.value()));
                sha.update(it.value());
                String key = new String(it.key(), StandardCharsets.UTF_8);
                if (key.startsWith(OFFSET_PREFIX)) {
                    offsets.put(key.substring(OFFSET_PREFIX.length()), Long.parseLong(new String(it.value(), StandardCharsets.UTF_8)));
                }
            }
            return new Digest(HexFormat.of().formatHex(sha.digest()), offsets);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            db.releaseSnapshot(snapshot);
        }
    }

    /** Deletes everything: the model is then empty and reflects no offset. */
    public void clear() {
        try (RocksIterator it = db.newIterator()) {
            it.seekToLast();
            if (!it.isValid()) {
                return;
            }
            byte[] last = it.key();
            byte[] end = Arrays.copyOf(last, last.length + 1);
            it.seekToFirst();
            db.deleteRange(it.key(), end);
            offsets = Map.of();
        } catch (RocksDBException e) {
            throw new IllegalStateException("Clearing the model failed: " + e.getMessage(), e);
        }
    }

    private static byte[] lengthOf(byte[] value) {
        int n = value.length;
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        writeOptions.close();
        latest.close();
        db.close();
        options.close();
        cache.close();
    }
}
