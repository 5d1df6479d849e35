package io.portcullis.sigv4;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The request body as the verifier sees it: the bytes themselves, or their SHA-256 when the caller hashed the
 * body while streaming it and does not want to buffer it.
 */
public sealed interface Payload permits Payload.Body, Payload.Sha256 {

    /** Lower-case hex SHA-256 of the body, the form the canonical request uses. */
    String sha256Hex();

    static Payload empty() {
        return new Body(new byte[0]);
    }

    static Payload of(byte[] body) {
        return new Body(body);
    }

    static Payload sha256(String hex) {
        return new Sha256(hex);
    }

    /** The body bytes; copied in and out, so neither side can change what was verified. */
    final class Body implements Payload {
        private final byte[] bytes;
        private final String sha256Hex;

        private Body(byte[] bytes) {
            this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
            this.sha256Hex = Hashing.sha256Hex(this.bytes);
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String sha256Hex() {
            return sha256Hex;
        }

        @Override
        public String toString() {
            return "Body[" + bytes.length + " bytes, sha256=" + sha256Hex + "]";
        }
    }

    /** A body the caller has already hashed. */
    record Sha256(String hex) implements Payload {
        public Sha256 {
            Objects.requireNonNull(hex, "hex");
            if (hex.length() != 64 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalArgumentException("a SHA-256 is 64 hex digits");
            }
            hex = hex.toLowerCase(Locale.ROOT);
        }

        @Override
        public String sha256Hex() {
            return hex;
        }
    }
}
