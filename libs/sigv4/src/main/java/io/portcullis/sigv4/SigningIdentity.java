package io.portcullis.sigv4;

import java.util.Objects;

/**
 * What an access key id resolves to: the secret that signs its requests and whatever the caller needs back on
 * success (a principal, an account id). The verifier destroys {@code secretAccessKey} after use, so a lookup
 * hands out a fresh copy each time.
 */
public record SigningIdentity<P>(SecretAccessKey secretAccessKey, P principal) {
    public SigningIdentity {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }
}
