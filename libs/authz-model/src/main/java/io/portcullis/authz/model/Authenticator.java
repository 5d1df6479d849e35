package io.portcullis.authz.model;

import io.portcullis.authz.model.ModelEntries.AccessKey;
import io.portcullis.authz.model.ModelEntries.User;
import io.portcullis.custody.KeyRing;
import io.portcullis.custody.SealedSecret;
import io.portcullis.sigv4.SecretAccessKey;
import io.portcullis.sigv4.SigV4Verifier;
import io.portcullis.sigv4.SignedRequest;
import io.portcullis.sigv4.SigningIdentity;
import io.portcullis.sigv4.VerificationResult;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4 requests with the keys the model holds: an Active key's secret, sealed by
 * credential-service, is unsealed with the configured key-encryption keys for this verification only, in memory,
 * and destroyed after it. Unknown, Inactive and deleted keys are {@code InvalidClientTokenId}; every other refusal
 * is the SigV4 library's, with AWS's codes.
 */
public final class Authenticator {

    private record Signer(String account, User user, String accessKeyId) {
    }

    private final ModelStore store;
    private final KeyRing keys;
    private final Clock clock;

    Authenticator(ModelStore store, KeyRing keys, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
    }

    /** Verifies the request as one for {@code service} in {@code region}, as the service that received it expects. */
    public Authentication authenticate(SignedRequest request, String region, String service) {
        VerificationResult<Signer> result;
        try (ModelStore.View snapshot = store.snapshot()) {
            ModelBatch view = new ModelBatch(snapshot);
            result = new SigV4Verifier<>(region, service, (String accessKeyId) -> signer(view, accessKeyId), clock).verify(request);
        }
        if (result instanceof VerificationResult.Verified<Signer> verified) {
            Signer signer = verified.principal();
            return new Authentication.Authenticated(signer.user().arn(), signer.account(), signer.user().id(), signer.accessKeyId(),
                    verified.region(), verified.service());
        }
        VerificationResult.Rejected<Signer> rejected = (VerificationResult.Rejected<Signer>) result;
        return new Authentication.Refused(rejected.code(), rejected.message(), rejected.httpStatus());
    }

    private Optional<SigningIdentity<Signer>> signer(ModelBatch view, String accessKeyId) {
        Optional<AccessKey> key = view.get(ModelFold.keyKey(accessKeyId), AccessKey.class).filter(k -> "Active".equals(k.status()));
        Optional<User> user = key.flatMap(k -> view.get(ModelFold.userKey(k.account(), k.userId()), User.class));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        char[] secret = keys.unsealChars(SealedSecret.decode(key.get().sealedSecret()), key.get().account() + "/" + accessKeyId);
        try {
            return Optional.of(new SigningIdentity<>(SecretAccessKey.copyOf(secret), new Signer(key.get().account(), user.get(), accessKeyId)));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
