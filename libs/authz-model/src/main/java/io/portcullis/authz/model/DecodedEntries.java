package io.portcullis.authz.model;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
        private final Class<?> type;
        private final byte[] bytes;
        private final int hash;

        Encoded(Class<?> type, byte[] bytes) {
            this.type = type;
            this.bytes = bytes;
            this.hash = 31 * type.hashCode() + sampledHash(bytes);
        }

        /**
         * A hash of the length and of at most 64 bytes spread over the value. Hashing every byte of a multi-KB policy
         * took a quarter of a cached decision (JDK 17 does not vectorize {@code Arrays.hashCode}); equal hashes are
         * still compared byte for byte, so a collision costs a comparison, never a wrong value.
         */
        private static int sampledHash(byte[] bytes) {
            int step = Math.max(1, bytes.length / 64);
            int hash = bytes.length;
            for (int i = 0; i < bytes.length; i += step) {
                hash = 31 * hash + bytes[i];
            }
            return hash;
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
        this.decoded = Caffeine.newBuilder().maximumWeight(maximumBytes)
                .weigher((Encoded key, Object value) -> key.bytes.length).build();
    }

    <T> T decode(byte[] bytes, Class<T> type) {
        return type.cast(decoded.get(new Encoded(type, bytes), key -> ModelBatch.read(bytes, type)));
    }
}
