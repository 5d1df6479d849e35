package io.portcullis.sigv4;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). It can sign
 * anything for that day, region and service, so it is as sensitive as the secret: wiped on {@link #close()}.
 */
final class SigningKey implements Destroyable, AutoCloseable {

    private final byte[] key;
    private boolean destroyed;

    private SigningKey(byte[] key) {
        this.key = key;
    }

    static SigningKey derive(SecretAccessKey secret, CredentialScope scope) {
        byte[] kSecret = secret.kSecret();
        byte[] kDate = Hashing.hmacSha256(kSecret, scope.date());
        byte[] kRegion = Hashing.hmacSha256(kDate, scope.region());
        byte[] kService = Hashing.hmacSha256(kRegion, scope.service());
        byte[] kSigning = Hashing.hmacSha256(kService, CredentialScope.TERMINATOR);
        for (byte[] intermediate : new byte[][] {kSecret, kDate, kRegion, kService}) {
            Arrays.fill(intermediate, (byte) 0);
        }
        return new SigningKey(kSigning);
    }

    /** Lower-case hex HMAC-SHA256 of the string to sign: the signature a client sends. */
    String sign(StringToSign stringToSign) {
        if (destroyed) {
            throw new IllegalStateException("this signing key has been destroyed");
        }
        return Hashing.hex(Hashing.hmacSha256(key, stringToSign.text()));
    }

    /** For checking the derivation against AWS's published example only. */
    String hex() {
        return Hashing.hex(key);
    }

    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "SigningKey[redacted]";
    }
}
