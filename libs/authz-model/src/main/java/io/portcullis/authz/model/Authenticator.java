package io.portcullis.authz.model;

import io.portcullis.authz.model.Authentication.PrincipalType;
import io.portcullis.authz.model.ModelEntries.AccessKey;
import io.portcullis.authz.model.ModelEntries.User;
import io.portcullis.custody.DerivedKey;
import io.portcullis.custody.InstallationSecret;
import io.portcullis.custody.KeyRing;
import io.portcullis.custody.SealedSecret;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.access.SuitePrincipals;
import io.portcullis.sigv4.Payload;
import io.portcullis.sigv4.SecretAccessKey;
import io.portcullis.sigv4.SigV4Verifier;
import io.portcullis.sigv4.SignedRequest;
import io.portcullis.sigv4.SigningIdentity;
import io.portcullis.sigv4.VerificationResult;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4 requests, for a service, in whatever region the client signed for, with three kinds
 * of key:
 * <ul>
 *   <li>an IAM user's access key the model holds: its secret, sealed by credential-service, is unsealed with the
 *       configured key-encryption keys for this verification only, in memory, and destroyed after it; unknown, Inactive
 *       and deleted keys are {@code InvalidClientTokenId};</li>
 *   <li>an account's root key ({@code PCRT<account>}) and a suite service's key ({@code PCSV…}), both derived from the
 *       installation secret ({@link InstallationSecret}) and never stored anywhere.</li>
 * </ul>
 * Every other refusal is the SigV4 library's, with AWS's codes. A request whose body was not signed
 * ({@code UNSIGNED-PAYLOAD}) is refused: the suite's APIs act on the body.
 */
public final class Authenticator {

    private record Signer(String principalArn, String account, String userId, String accessKeyId, PrincipalType type) {
    }

    private static final String EMPTY_BODY = Payload.empty().sha256Hex();

    private final ModelStore store;
    private final KeyRing keys;
    private final InstallationSecret installation;
    private final Map<String, String> serviceByKeyId = new HashMap<>();
    private final Authorizer authorizer;
    private final Clock clock;

    Authenticator(ModelStore store, KeyRing keys, InstallationSecret installation, Authorizer authorizer, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.installation = installation;
        this.authorizer = authorizer;
        this.clock = clock;
        if (installation != null) {
            for (String service : SuitePrincipals.SERVICES) {
                DerivedKey key = installation.service(service);
                serviceByKeyId.put(key.accessKeyId(), service);
                key.destroy();
            }
        }
    }

    /**
     * Verifies the request as one for {@code service}, in {@code region} when one is named (null: whatever region it
     * was signed for, as the AWS CLI and SDKs sign with the client's region for a custom endpoint).
     */
    public Authentication authenticate(SignedRequest request, String region, String service) {
        try (ModelStore.View snapshot = store.snapshot()) {
            return authenticate(new ModelBatch(snapshot), request, region, service);
        }
    }

    /**
     * Who signed the request (for {@code service}, any region), and whether that principal may do what
     * {@code question} asks (its principal is the signer's, whatever it says), on one snapshot. The region signed
     * for becomes {@code aws:RequestedRegion}.
     */
    public SignedAuthorization authorize(SignedRequest request, String service, AuthorizationQuestion question) {
        return authorize(request, service, List.of(question));
    }

    /** As {@link #authorize(SignedRequest, String, AuthorizationQuestion)} for several questions, all on one snapshot. */
    public SignedAuthorization authorize(SignedRequest request, String service, List<AuthorizationQuestion> questions) {
        try (ModelStore.View snapshot = store.snapshot()) {
            ModelBatch view = new ModelBatch(snapshot);
            Authentication authentication = authenticate(view, request, null, service);
            if (authentication instanceof Authentication.Refused refused) {
                return new SignedAuthorization.Refused(refused);
            }
            Authentication.Authenticated who = (Authentication.Authenticated) authentication;
            List<Authorization.Decided> decisions = new java.util.ArrayList<>(questions.size());
            for (AuthorizationQuestion question : questions) {
                Authorization decided = authorizer.authorize(question.about(who.principalArn(),
                        Map.of("aws:RequestedRegion", List.of(who.region()))), view);
                if (!(decided instanceof Authorization.Decided decision)) {
                    // The signer was found in this same snapshot, so this cannot happen; were it to, it is no one.
                    return new SignedAuthorization.Refused(new Authentication.Refused("InvalidClientTokenId",
                            "The security token included in the request is invalid.", 403));
                }
                decisions.add(decision);
            }
            return new SignedAuthorization.Decided(who, decisions);
        }
    }

    private Authentication authenticate(ModelBatch view, SignedRequest request, String region, String service) {
        SigV4Verifier<Signer> verifier = region == null
                ? SigV4Verifier.forAnyRegion(service, (String accessKeyId) -> signer(view, accessKeyId), clock)
                : new SigV4Verifier<>(region, service, (String accessKeyId) -> signer(view, accessKeyId), clock);
        VerificationResult<Signer> result = verifier.verify(request);
        if (result instanceof VerificationResult.Verified<Signer> verified) {
            if (!verified.payloadSigned() && !EMPTY_BODY.equals(request.payload().sha256Hex())) {
                return new Authentication.Refused("IncompleteSignature",
                        "x-amz-content-sha256 must be the SHA-256 of the body: this service does not accept UNSIGNED-PAYLOAD.", 400);
            }
            Signer signer = verified.principal();
            return new Authentication.Authenticated(signer.principalArn(), signer.account(), signer.userId(), signer.accessKeyId(),
                    verified.region(), verified.service(), signer.type());
        }
        VerificationResult.Rejected<Signer> rejected = (VerificationResult.Rejected<Signer>) result;
        return new Authentication.Refused(rejected.code(), rejected.message(), rejected.httpStatus());
    }

    private Optional<SigningIdentity<Signer>> signer(ModelBatch view, String accessKeyId) {
        Optional<String> rootAccount = InstallationSecret.rootKeyAccount(accessKeyId);
        if (installation != null && rootAccount.isPresent()) {
            AccountId account = new AccountId(rootAccount.get());
            return Optional.of(derived(installation.accountRoot(account.value()),
                    new Signer(account.rootArn(), account.value(), account.value(), accessKeyId, PrincipalType.ROOT)));
        }
        String service = serviceByKeyId.get(accessKeyId);
        if (service != null) {
            return Optional.of(derived(installation.service(service),
                    new Signer(SuitePrincipals.of(service), null, null, accessKeyId, PrincipalType.SERVICE)));
        }
        if (keys == null) {
            return Optional.empty();
        }
        Optional<AccessKey> key = view.get(ModelFold.keyKey(accessKeyId), AccessKey.class).filter(k -> "Active".equals(k.status()));
        Optional<User> user = key.flatMap(k -> view.get(ModelFold.userKey(k.account(), k.userId()), User.class));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        char[] secret = keys.unsealChars(SealedSecret.decode(key.get().sealedSecret()), key.get().account() + "/" + accessKeyId);
        try {
            return Optional.of(new SigningIdentity<>(SecretAccessKey.copyOf(secret),
                    new Signer(user.get().arn(), key.get().account(), user.get().id(), accessKeyId, PrincipalType.IAM_USER)));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static SigningIdentity<Signer> derived(DerivedKey key, Signer signer) {
        char[] secret = key.secret();
        try {
            return new SigningIdentity<>(SecretAccessKey.copyOf(secret), signer);
        } finally {
            Arrays.fill(secret, '\0');
            key.destroy();
        }
    }
}
