package io.portcullis.runtime.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What makes two commands sent with the same {@code Idempotency-Key} the same request: a digest of the
 * command's type and its canonical JSON. A create's command carries values the edge generated (its id, its
 * time), which differ on every retry, so the edge fingerprints it as built with fixed stamps instead
 * ({@code CommandEdge}): then only what the caller sent counts.
 */
public final class CommandFingerprint {

    private CommandFingerprint() {
    }

    /** 22 characters of base64url: the first 128 bits of SHA-256 over the command's type and fields. */
    public static String of(Object command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(WireFormat.canonicalJson(command).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
