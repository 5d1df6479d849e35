package io.portcullis.custody;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The key-encryption keys a service holds: the newest seals, every one unseals what it sealed, so a KEK can be
 * rotated by adding a new one (and dropped once nothing sealed under it is needed). Each seal binds the
 * secret to its {@code context} (for an access key: {@code accountId/accessKeyId}) as AES-GCM associated data,
 * with the KEK id: a sealed secret copied onto another key or account does not unseal.
 */
public final class KeyRing {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, KeyEncryptionKey> byId;
    private final KeyEncryptionKey current;
    private final SecureRandom random = new SecureRandom();

    /** @param keys oldest first; the last one seals */
    public KeyRing(List<KeyEncryptionKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("At least one key-encryption key is needed");
        }
        Map<String, KeyEncryptionKey> ids = new LinkedHashMap<>();
        for (KeyEncryptionKey key : keys) {
            if (ids.put(key.id(), key) != null) {
                throw new IllegalArgumentException("Key-encryption key id '" + key.id() + "' is configured twice");
            }
        }
        this.byId = ids;
        this.current = keys.get(keys.size() - 1);
    }

    /**
     * Keys from configuration text: {@code id:base64key} entries separated by commas, oldest first, for example
     * {@code 2026-11:q83v…=,2026-12:Zm9v…=}. Errors name the entry, never its key material.
     */
    public static KeyRing parse(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("No key-encryption keys are configured (id:base64key,...)");
        }
        List<KeyEncryptionKey> keys = new ArrayList<>();
        for (String entry : configured.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("A key-encryption key entry is id:base64key; entry " + (keys.size() + 1) + " is not");
            }
            String id = trimmed.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("Key-encryption key '" + id + "' is not base64");
            }
            keys.add(new KeyEncryptionKey(id, key));
        }
        return new KeyRing(keys);
    }

    /** A new random 256-bit key with this id, as {@code id:base64key} (what the launcher writes on first start). */
    public static String generateEntry(String id) {
        if (!KeyEncryptionKey.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A key-encryption key id must match " + KeyEncryptionKey.ID.pattern());
        }
        byte[] key = new byte[KeyEncryptionKey.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that seals. */
    public String currentId() {
        return current.id();
    }

    public SealedSecret seal(String secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(current.id(), context));
            return new SealedSecret(current.id(), nonce, cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The secret, when this ring holds the KEK it was sealed under and {@code context} is the one it was sealed for:
     * for showing it once (a String stays in memory until collected).
     *
     * @throws UnsealFailedException otherwise (unknown KEK, another context, altered bytes)
     */
    public String unseal(SealedSecret sealed, String context) {
        char[] secret = unsealChars(sealed, context);
        try {
            return new String(secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * The secret as characters the caller wipes when done with them, as {@link #unseal} but leaving no copy behind:
     * for using a secret (verifying a signature) rather than showing it.
     *
     * @throws UnsealFailedException as {@link #unseal}
     */
    public char[] unsealChars(SealedSecret sealed, String context) {
        KeyEncryptionKey key = byId.get(sealed.kekId());
        if (key == null) {
            throw new UnsealFailedException("No key-encryption key '" + sealed.kekId() + "' is configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData(key.id(), context));
            byte[] plain = cipher.doFinal(sealed.ciphertext());
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            try {
                return Arrays.copyOf(decoded.array(), decoded.limit());
            } finally {
                Arrays.fill(plain, (byte) 0);
                Arrays.fill(decoded.array(), '\0');
            }
        } catch (AEADBadTagException wrong) {
            throw new UnsealFailedException("The sealed secret does not belong to " + context + " or was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static byte[] associatedData(String kekId, String context) {
        return (kekId + "|" + context).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "KeyRing" + byId.keySet() + " sealing with " + current.id();
    }
}
