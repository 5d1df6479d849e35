package io.portcullis.authz.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.custody.DerivedKey;
import io.portcullis.custody.InstallationSecret;
import io.portcullis.custody.KeyRing;
import io.portcullis.events.policy.UserInlinePolicyPut;
import io.portcullis.iam.access.SuitePrincipals;
import io.portcullis.sigv4.SigV4Signer;
import io.portcullis.events.EventEnvelope;
import io.portcullis.events.credential.AccessKeyCreated;
import io.portcullis.events.credential.AccessKeyStatusChanged;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.sigv4.Payload;
import io.portcullis.sigv4.SignedRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests signed by the AWS SDK for Java v2 with a key credential-service made, and with keys derived from the
 * installation secret, verified against the model; what a signed request may do, decided for its signer.
 */
class AuthenticatorTest {

    private static final String ACCOUNT = "222222222222";
    private static final String KEY_ID = "AKIAAAAAAAAAAAAAAAAA";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final KeyRing KEYS = KeyRing.parse(KeyRing.generateEntry("test"));

    @TempDir
    Path folder;

    private static EventEnvelope envelope(String type) {
        return EventEnvelope.newBuilder().setEventId(UUID.randomUUID().toString()).setEventType(type).setAccountId(ACCOUNT)
                .setAggregateId(ACCOUNT).setAggregateVersion(1).setTime(Instant.EPOCH).setActor("a").setRequestId("r")
                .setCorrelationId(null).setSourceService("test").build();
    }

    private static SignedRequest signed(String body) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("https://iam.portcullis.test/?Action=ListUsers"))
                .putHeader("Host", "iam.portcullis.test").build();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var result = AwsV4HttpSigner.create().sign(b -> b.identity(AwsCredentialsIdentity.create(KEY_ID, SECRET)).request(request)
                .payload(() -> new ByteArrayInputStream(bytes))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iam"));
        URI uri = result.request().getUri();
        return new SignedRequest(result.request().method().name(), uri.getRawPath(), uri.getRawQuery(), result.request().headers(),
                Payload.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anActiveKeysSignatureNamesItsUserAndNothingElsePasses() {
        try (AuthzModel model = AuthzModel.open(folder)) {
            String sealed = KEYS.seal(SECRET, ACCOUNT + "/" + KEY_ID).encoded();
            model.apply(List.of(new UserCreated(envelope("UserCreated"), "AIDABOBBOBBOBBOBBOBBO", "bob", "/",
                            "arn:aws:iam::" + ACCOUNT + ":user/bob", Instant.EPOCH, List.of(), null),
                    new AccessKeyCreated(envelope("AccessKeyCreated"), "AIDABOBBOBBOBBOBBOBBO", "bob", KEY_ID, sealed, "Active", Instant.EPOCH)),
                    Map.of());
            Authenticator authenticator = model.authenticator(KEYS);

            assertThat(authenticator.authenticate(signed("Version=2010-05-08"), "us-east-1", "iam")).isEqualTo(
                    new Authentication.Authenticated("arn:aws:iam::" + ACCOUNT + ":user/bob", ACCOUNT, "AIDABOBBOBBOBBOBBOBBO", KEY_ID,
                            "us-east-1", "iam", Authentication.PrincipalType.IAM_USER));
            SignedRequest tampered = signed("Version=2010-05-08");
            tampered = new SignedRequest(tampered.method(), tampered.rawPath(), tampered.rawQuery(), tampered.headers(),
                    Payload.of("Version=2010-05-09".getBytes(StandardCharsets.UTF_8)));
            assertThat(authenticator.authenticate(tampered, "us-east-1", "iam")).isInstanceOfSatisfying(Authentication.Refused.class,
                    refused -> assertThat(refused.code()).isEqualTo("SignatureDoesNotMatch"));
            assertThat(authenticator.authenticate(signed("x"), "eu-west-1", "iam")).isInstanceOf(Authentication.Refused.class);

            model.apply(List.of(new AccessKeyStatusChanged(envelope("AccessKeyStatusChanged"), "AIDABOBBOBBOBBOBBOBBO", "bob", KEY_ID,
                    "Inactive")), Map.of());
            assertThat(authenticator.authenticate(signed("x"), "us-east-1", "iam")).isInstanceOfSatisfying(Authentication.Refused.class,
                    refused -> assertThat(refused.code()).isEqualTo("InvalidClientTokenId"));
        }
    }

    private static final InstallationSecret INSTALLATION = InstallationSecret.parse(InstallationSecret.generate());
    private static final Instant NOW = Instant.now();

    private static SignedRequest signedBy(DerivedKey key, String region, String service, String body) {
        URI uri = URI.create("http://127.0.0.1:8081/v1/accounts/" + ACCOUNT + "/users");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new HashMap<>(Map.of("Content-Type", List.of("application/json")));
        SigV4Signer.of(key.accessKeyId(), key.secret(), region, service).sign("POST", uri, headers, bytes, NOW)
                .forEach((name, value) -> headers.put(name, List.of(value)));
        return SignedRequest.of("POST", uri, headers, Payload.of(bytes));
    }

    private static AuthorizationQuestion asked(String action, String resource, String account) {
        return new AuthorizationQuestion(null, null, action, resource, account, Map.of());
    }

    @Test
    void anAccountsDerivedRootKeyNamesItsRootInAnyRegion() {
        try (AuthzModel model = AuthzModel.open(folder)) {
            Authenticator authenticator = model.authenticator(Optional.empty(), Optional.of(INSTALLATION));

            Authentication who = authenticator.authenticate(signedBy(INSTALLATION.accountRoot(ACCOUNT), "ap-south-1", "iam", "{}"), null, "iam");

            assertThat(who).isEqualTo(new Authentication.Authenticated("arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, ACCOUNT,
                    "PCRT" + ACCOUNT, "ap-south-1", "iam", Authentication.PrincipalType.ROOT));
        }
    }

    @Test
    void aRootKeyOfAnotherInstallationIsRefused() {
        try (AuthzModel model = AuthzModel.open(folder)) {
            Authenticator authenticator = model.authenticator(Optional.empty(), Optional.of(INSTALLATION));
            InstallationSecret other = InstallationSecret.parse(InstallationSecret.generate());

            Authentication who = authenticator.authenticate(signedBy(other.accountRoot(ACCOUNT), "us-east-1", "iam", "{}"), null, "iam");

            assertThat(who).isInstanceOfSatisfying(Authentication.Refused.class,
                    refused -> assertThat(refused.code()).isEqualTo("SignatureDoesNotMatch"));
        }
    }

    @Test
    void aServiceKeyNamesItsServicePrincipal() {
        try (AuthzModel model = AuthzModel.open(folder)) {
            Authenticator authenticator = model.authenticator(Optional.empty(), Optional.of(INSTALLATION));

            Authentication who = authenticator.authenticate(signedBy(INSTALLATION.service("identity-service"), "us-east-1", "iam", ""), null, "iam");

            assertThat(who).isInstanceOfSatisfying(Authentication.Authenticated.class, ok -> {
                assertThat(ok.principalArn()).isEqualTo("identity-service.portcullis");
                assertThat(ok.account()).isNull();
                assertThat(ok.principalType()).isEqualTo(Authentication.PrincipalType.SERVICE);
            });
        }
    }

    @Test
    void theRootMayDoAnythingInItsOwnAccountAndNothingInAnother() {
        try (AuthzModel model = AuthzModel.open(folder)) {
            Authenticator authenticator = model.authenticator(Optional.empty(), Optional.of(INSTALLATION));
            SignedRequest request = signedBy(INSTALLATION.accountRoot(ACCOUNT), "us-east-1", "iam", "{}");

            SignedAuthorization own = authenticator.authorize(request, "iam", asked("iam:CreateUser",
                    "arn:aws:iam::" + ACCOUNT + ":user/alice", ACCOUNT));
            SignedAuthorization other = authenticator.authorize(request, "iam", asked("iam:CreateUser",
                    "arn:aws:iam::333333333333:user/alice", "333333333333"));

            assertThat(((SignedAuthorization.Decided) own).decision().decision()).isEqualTo("allowed");
            Authorization.Decided denied = ((SignedAuthorization.Decided) other).decision();
            assertThat(denied.decision()).isEqualTo("implicitDeny");
            assertThat(denied.blockedBy()).isEqualTo("resource");
            assertThat(denied.message()).isEqualTo("User: arn:aws:iam::" + ACCOUNT + ":root is not authorized to perform: iam:CreateUser"
                    + " on resource: arn:aws:iam::333333333333:user/alice because no resource-based policy allows the iam:CreateUser action");
        }
    }

    @Test
    void aServicePrincipalIsLetInOnlyByAResourcePolicyNamingIt() {
        try (AuthzModel model = AuthzModel.open(folder)) {
            Authenticator authenticator = model.authenticator(Optional.empty(), Optional.of(INSTALLATION));
            SignedRequest request = signedBy(INSTALLATION.service("authz-service"), "us-east-1", "iam", "{}");
            AuthorizationQuestion report = asked("portcullis:RecordAccessKeyUse", "*", ACCOUNT);

            SignedAuthorization without = authenticator.authorize(request, "iam", report);
            SignedAuthorization named = authenticator.authorize(request, "iam", withPolicy(report,
                    SuitePrincipals.allowing("portcullis:RecordAccessKeyUse", List.of("authz-service"))));
            SignedAuthorization other = authenticator.authorize(request, "iam", withPolicy(report,
                    SuitePrincipals.allowing("portcullis:RecordAccessKeyUse", List.of("identity-service"))));

            assertThat(((SignedAuthorization.Decided) without).decision().isAllowed()).isFalse();
            assertThat(((SignedAuthorization.Decided) named).decision().isAllowed()).isTrue();
            assertThat(((SignedAuthorization.Decided) other).decision().isAllowed()).isFalse();
        }
    }

    @Test
    void aUsersSignedRequestIsDecidedOnItsPoliciesWithTheRegionItWasSignedFor() {
        try (AuthzModel model = AuthzModel.open(folder)) {
            String sealed = KEYS.seal(SECRET, ACCOUNT + "/" + KEY_ID).encoded();
            model.apply(List.of(new UserCreated(envelope("UserCreated"), "AIDABOBBOBBOBBOBBOBBO", "bob", "/",
                            "arn:aws:iam::" + ACCOUNT + ":user/bob", Instant.EPOCH, List.of(), null),
                    new AccessKeyCreated(envelope("AccessKeyCreated"), "AIDABOBBOBBOBBOBBOBBO", "bob", KEY_ID, sealed, "Active", Instant.EPOCH),
                    new UserInlinePolicyPut(envelope("UserInlinePolicyPut"), "AIDABOBBOBBOBBOBBOBBO", "bob", "OnlyEu",
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListUsers\",\"Resource\":\"*\","
                                    + "\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}]}")), Map.of());
            Authenticator authenticator = model.authenticator(Optional.of(KEYS), Optional.of(INSTALLATION));
            DerivedKeyLike bob = new DerivedKeyLike();

            SignedAuthorization inEu = authenticator.authorize(bob.signed("eu-west-1"), "iam", asked("iam:ListUsers", "*", ACCOUNT));
            SignedAuthorization inUs = authenticator.authorize(bob.signed("us-east-1"), "iam", asked("iam:ListUsers", "*", ACCOUNT));

            assertThat(inEu).isInstanceOfSatisfying(SignedAuthorization.Decided.class, decided -> {
                assertThat(decided.principal().accessKeyId()).isEqualTo(KEY_ID);
                assertThat(decided.decision().isAllowed()).isTrue();
            });
            assertThat(((SignedAuthorization.Decided) inUs).decision().decision()).isEqualTo("implicitDeny");
        }
    }

    @Test
    void anUnsignedBodyIsRefused() {
        try (AuthzModel model = AuthzModel.open(folder)) {
            Authenticator authenticator = model.authenticator(Optional.empty(), Optional.of(INSTALLATION));
            URI uri = URI.create("http://127.0.0.1:8081/v1/accounts/" + ACCOUNT + "/users");
            Map<String, List<String>> headers = new HashMap<>(Map.of("X-Amz-Content-Sha256", List.of("UNSIGNED-PAYLOAD")));
            DerivedKey root = INSTALLATION.accountRoot(ACCOUNT);
            SigV4Signer.of(root.accessKeyId(), root.secret(), "us-east-1", "iam").sign("POST", uri, headers, "{}".getBytes(StandardCharsets.UTF_8), NOW)
                    .forEach((name, value) -> headers.put(name, List.of(value)));

            Authentication who = authenticator.authenticate(SignedRequest.of("POST", uri, headers, Payload.of("{}".getBytes(StandardCharsets.UTF_8))),
                    null, "iam");

            assertThat(who).isInstanceOfSatisfying(Authentication.Refused.class, refused -> assertThat(refused.code()).isEqualTo("IncompleteSignature"));
        }
    }

    private static AuthorizationQuestion withPolicy(AuthorizationQuestion question, String policy) {
        return new AuthorizationQuestion(null, null, question.action(), question.resource(), question.resourceAccount(), question.context(), policy);
    }

    /** Bob's access key, as a client holding it signs with it. */
    private static final class DerivedKeyLike {
        SignedRequest signed(String region) {
            URI uri = URI.create("http://127.0.0.1:8081/v1/accounts/" + ACCOUNT + "/users");
            Map<String, List<String>> headers = new HashMap<>();
            SigV4Signer.of(KEY_ID, SECRET.toCharArray(), region, "iam").sign("GET", uri, headers, new byte[0], NOW)
                    .forEach((name, value) -> headers.put(name, List.of(value)));
            return SignedRequest.of("GET", uri, headers, Payload.empty());
        }
    }
}
