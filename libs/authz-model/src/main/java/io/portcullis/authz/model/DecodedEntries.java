package io.portcullis.authz.model;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Model values decoded from their stored JSON, by their exact bytes, within a bounded weight of bytes. Decoding was
 * most of a decision's cost (JFR: 44 % of {@code POST /v1/authorize}); keyed by the bytes themselves, a cached value
 * is right for whichever snapshot the bytes came from, so nothing has to be invalidated when the model changes.
 * Values are immutable records, safe to share between request threads; sharing them also lets the compiled-policy
 * cache find a document by a string whose hash is already known.
 */
final class DecodedEntries {

    /** The stored bytes and the type they are read as. */
    private static final class Encoded {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        private final Class<?> type;
        private final byte[] bytes;
        private final int hash;

        Encoded(Class<?> type, byte[] bytes) {
            this.type = type;
            this.bytes = bytes;
            this.hash = 31 * type.hashCode() + hashOf(bytes);
        }

        /**
         * A hash of every byte, eight at a time. {@code Arrays.hashCode} took a quarter of a cached decision (JDK 17 does
         * not vectorize it); hashing a sample of the bytes was faster still but made a million users' entries, which
         * differ in a few digits, collide in long chains, and decisions slowed with the model's size.
         */
        private static int hashOf(byte[] bytes) {
            long hash = bytes.length;
            int i = 0;
            for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
                hash = hash * 0x9E3779B97F4A7C15L + (long) LONGS.get(bytes, i);
            }
            for (; i < bytes.length; i++) {
                hash = hash * 31 + bytes[i];
            }
            return (int) (hash ^ (hash >>> 32));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Encoded that && hash == that.hash && type == that.type && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Cache<Encoded, Object> decoded;

    DecodedEntries(long maximumBytes) {
        // Evictions on the calling thread: the common pool has one thread on a two-core machine, and a bound kept late
        // is memory the model promised not to take.
        this.decoded = Caffeine.newBuilder().maximumWeight(maximumBytes).executor(Runnable::run)
                .weigher((Encoded key, Object value) -> key.bytes.length).build();
    }

    <T> T decode(byte[] bytes, Class<T> type) {
        return type.cast(decoded.get(new Encoded(type, bytes), key -> ModelBatch.read(bytes, type)));
    }
}
