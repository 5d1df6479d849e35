package io.portcullis.sigv4;

import java.util.Optional;

/**
 * Resolves an access key id to its secret. Empty means the key is unknown (or no longer active), which the
 * verifier answers with {@code InvalidClientTokenId}.
 */
@FunctionalInterface
public interface SecretLookup<P> {
    Optional<SigningIdentity<P>> find(String accessKeyId);
}
