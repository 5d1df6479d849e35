package io.portcullis.custody;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key that seals secrets, named by an id that sealed secrets carry, so several can be
 * configured at once: the newest seals, the older ones still unseal what they sealed. Its bytes never appear
 * in {@link #toString()}.
 */
public final class KeyEncryptionKey {

    /** Ids are short, printable and free of the separators the configuration uses. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int KEY_BYTES = 32;

    private final String id;
    private final SecretKey key;

    public KeyEncryptionKey(String id, byte[] key) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A key-encryption key id must match " + ID.pattern() + ": '" + id + "'");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("Key-encryption key '" + id + "' has " + key.length + " bytes; AES-256 needs " + KEY_BYTES);
        }
        this.id = id;
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), "AES");
    }

    public String id() {
        return id;
    }

    SecretKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }
}
