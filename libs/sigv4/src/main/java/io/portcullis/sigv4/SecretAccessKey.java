package io.portcullis.sigv4;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A secret access key, held as characters the verifier wipes once it has derived the signing key.
 *
 * <p>Why {@code char[]} and not {@code String}: a String cannot be wiped and lives until the collector
 * reclaims it (or for ever, if interned), and it slips into logs through concatenation. A char array prints
 * as its identity, is copied here on the way in, and is zeroed by {@link #destroy()}, which the verifier
 * calls after each verification. {@code toString()} never shows the characters.
 */
public final class SecretAccessKey implements Destroyable {

    private static final byte[] AWS4_PREFIX = "AWS4".getBytes(StandardCharsets.US_ASCII);

    private final char[] characters;
    private boolean destroyed;

    private SecretAccessKey(char[] characters) {
        this.characters = characters;
    }

    /** Copies {@code characters}: the caller may wipe its own array as soon as this returns. */
    public static SecretAccessKey copyOf(char[] characters) {
        Objects.requireNonNull(characters, "characters");
        if (characters.length == 0) {
            throw new IllegalArgumentException("a secret access key is never empty");
        }
        return new SecretAccessKey(characters.clone());
    }

    /**
     * {@code "AWS4" + secret} in UTF-8, the HMAC key of the first derivation step (kDate). The caller owns the
     * returned array and must zero it.
     */
    synchronized byte[] kSecret() {
        if (destroyed) {
            throw new IllegalStateException("this secret access key has been destroyed");
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(characters));
        byte[] key = new byte[AWS4_PREFIX.length + encoded.remaining()];
        System.arraycopy(AWS4_PREFIX, 0, key, 0, AWS4_PREFIX.length);
        encoded.get(key, AWS4_PREFIX.length, encoded.remaining());
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return key;
    }

    @Override
    public synchronized void destroy() {
        Arrays.fill(characters, '\0');
        destroyed = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "SecretAccessKey[redacted]";
    }
}
