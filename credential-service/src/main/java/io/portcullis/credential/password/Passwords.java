package io.portcullis.credential.password;

import io.portcullis.credential.domain.PasswordTraits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Console passwords, hashed at the edge with Argon2id (Bouncy Castle) so that only the hash reaches a command or
 * an event. Parameters are OWASP's Password Storage Cheat Sheet minimum for Argon2id: 19 MiB of memory, 2
 * iterations, parallelism 1, with a 16-byte salt and a 32-byte hash. Hashes are PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so a stronger setting later still verifies old ones.
 */
public final class Passwords {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private Passwords() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    /** True when the password is the one hashed; false for anything else, a malformed hash included. Constant time. */
    public static boolean matches(String password, String phc) {
        String[] parts = phc == null ? new String[0] : phc.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            int memory = 0;
            int iterations = 0;
            int parallelism = 0;
            for (String setting : parts[3].split(",")) {
                int value = Integer.parseInt(setting.substring(2));
                if (setting.startsWith("m=")) {
                    memory = value;
                } else if (setting.startsWith("t=")) {
                    iterations = value;
                } else if (setting.startsWith("p=")) {
                    parallelism = value;
                }
            }
            byte[] expected = B64D.decode(parts[5]);
            return MessageDigest.isEqual(expected, argon2(password, B64D.decode(parts[4]), memory, iterations, parallelism, expected.length));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * The password's traits, with how recently it was used: the index of the first hash in {@code history} (newest
     * first; only as many as the account's reuse prevention covers) it matches.
     */
    public static PasswordTraits traits(String password, List<String> history) {
        int reusedAt = -1;
        for (int i = 0; i < history.size() && reusedAt < 0; i++) {
            if (matches(password, history.get(i))) {
                reusedAt = i;
            }
        }
        return PasswordTraits.of(password, reusedAt);
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
