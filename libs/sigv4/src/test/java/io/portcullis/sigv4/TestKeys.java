package io.portcullis.sigv4;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A secret lookup over a fixed table, handing out a fresh copy of a secret on each call as the contract asks. */
final class TestKeys implements SecretLookup<String> {

    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, String> principals = new HashMap<>();

    TestKeys with(String accessKeyId, String secret, String principal) {
        secrets.put(accessKeyId, secret);
        principals.put(accessKeyId, principal);
        return this;
    }

    @Override
    public Optional<SigningIdentity<String>> find(String accessKeyId) {
        return Optional.ofNullable(secrets.get(accessKeyId)).map(secret -> new SigningIdentity<>(
                SecretAccessKey.copyOf(secret.toCharArray()), principals.get(accessKeyId)));
    }
}
