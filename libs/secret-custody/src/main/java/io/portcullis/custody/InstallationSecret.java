package io.portcullis.custody;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's own secret: the root of trust from which the suite derives the credentials it never stores.
 *
 * <ul>
 *   <li>An <b>account root key</b> for any account ({@link #accountRoot}): access key id {@code PCRT<account>} and a
 *       secret only the holder of this secret can work out. It is how an operator acts as an account's root user
 *       (the first administrator of a new installation, an account's first credential); nothing issues it over a route.</li>
 *   <li>A <b>service key</b> per suite service ({@link #service}): {@code PCSV} and 16 characters, with which a service
 *       proves itself on the calls it makes to another (identity-service asking authz-service about its caller,
 *       authz-service reporting a key's use to credential-service). Each service is given only its own.</li>
 * </ul>
 *
 * <p>Every value is HMAC-SHA256 of this secret over a label, so knowing one derived secret tells nothing of this one
 * or of another. Only the verifier (authz-service) and the operator's tools hold it. Rotating it (a new value)
 * invalidates every derived key at once. Its bytes never appear in {@link #toString()}.
 */
public final class InstallationSecret {

    /** Derived account root keys: {@code PCRT} and the 12-digit account. */
    public static final String ROOT_KEY_PREFIX = "PCRT";
    /** Derived service keys: {@code PCSV} and 16 characters of AWS's key alphabet. */
    public static final String SERVICE_KEY_PREFIX = "PCSV";

    private static final int MIN_BYTES = 32;
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecretKeySpec key;

    private InstallationSecret(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        Arrays.fill(bytes, (byte) 0);
    }

    /** The secret as configured: base64 of at least 32 bytes. Errors never quote it. */
    public static InstallationSecret parse(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("No installation secret is configured (base64 of at least 32 bytes)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("The installation secret is not base64");
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("The installation secret has " + bytes.length + " bytes; at least " + MIN_BYTES + " are needed");
        }
        return new InstallationSecret(bytes);
    }

    /** A new random secret, base64 (what the launcher writes on the first start). */
    public static String generate() {
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The root key of {@code account} (12 digits). */
    public DerivedKey accountRoot(String account) {
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("An account id is 12 digits");
        }
        return new DerivedKey(ROOT_KEY_PREFIX + account, secret("portcullis/account-root/" + account));
    }

    /** The key of the suite service named {@code serviceName}, e.g. {@code identity-service}. */
    public DerivedKey service(String serviceName) {
        Objects.requireNonNull(serviceName, "serviceName");
        byte[] id = hmac("portcullis/service-key-id/" + serviceName);
        StringBuilder keyId = new StringBuilder(SERVICE_KEY_PREFIX);
        // 16 base32 characters from the first 10 bytes, 5 bits at a time.
        long bits = 0;
        int held = 0;
        for (int i = 0; i < 10; i++) {
            bits = (bits << 8) | (id[i] & 0xff);
            held += 8;
            while (held >= 5) {
                keyId.append(BASE32[(int) (bits >>> (held - 5)) & 31]);
                held -= 5;
            }
        }
        Arrays.fill(id, (byte) 0);
        return new DerivedKey(keyId.toString(), secret("portcullis/service-secret/" + serviceName));
    }

    /** The account whose root key this is, when {@code accessKeyId} has the form of one. */
    public static Optional<String> rootKeyAccount(String accessKeyId) {
        if (accessKeyId == null || !accessKeyId.startsWith(ROOT_KEY_PREFIX)) {
            return Optional.empty();
        }
        String account = accessKeyId.substring(ROOT_KEY_PREFIX.length());
        return ACCOUNT.matcher(account).matches() ? Optional.of(account) : Optional.empty();
    }

    /** 40 characters of base64, as AWS's secrets: the first 30 bytes of the label's HMAC. */
    private char[] secret(String label) {
        byte[] mac = hmac(label);
        byte[] encoded = Base64.getEncoder().encode(Arrays.copyOf(mac, 30));
        char[] chars = new char[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            chars[i] = (char) encoded[i];
        }
        Arrays.fill(mac, (byte) 0);
        Arrays.fill(encoded, (byte) 0);
        return chars;
    }

    private byte[] hmac(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "InstallationSecret[redacted]";
    }
}
