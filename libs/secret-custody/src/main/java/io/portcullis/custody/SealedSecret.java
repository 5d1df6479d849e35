package io.portcullis.custody;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A secret sealed under the key-encryption key {@code kekId}: a fresh 96-bit nonce and the AES-GCM ciphertext
 * with its 128-bit tag. Safe to put in an event, a log line or a file: without the key it reveals nothing but
 * the secret's length. Its text form ({@link #encoded()}) is {@code kekId:nonce:ciphertext}, base64.
 */
public record SealedSecret(String kekId, byte[] nonce, byte[] ciphertext) {

    public SealedSecret {
        Objects.requireNonNull(kekId, "kekId");
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** One string, for an event field or a configuration value. */
    public String encoded() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return kekId + ":" + base64.encodeToString(nonce) + ":" + base64.encodeToString(ciphertext);
    }

    /** @throws IllegalArgumentException when the text is not one {@link #encoded()} made */
    public static SealedSecret decode(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A sealed secret is kekId:nonce:ciphertext");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new SealedSecret(parts[0], base64.decode(parts[1]), base64.decode(parts[2]));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && kekId.equals(that.kekId) && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kekId, Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "SealedSecret[" + kekId + ", " + ciphertext.length + " bytes]";
    }
}
