package io.portcullis.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portcullis.events.EventEnvelope;
import io.portcullis.events.Envelopes;
import io.portcullis.events.topics.Topic;
import io.portcullis.operator.Bootstrap;
import io.portcullis.sigv4.SigV4Signer;
import io.portcullis.testkit.RealParts;
import io.portcullis.testkit.ServiceProcess;
import io.portcullis.testkit.TestSecrets;
import io.portcullis.testkit.TestSigning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Every call signed and authorized by the suite's own policies, through the packaged services (identity, policy, org,
 * credential; the test kit's authz-service verifies and decides for all of them): an account's administrator (made by
 * its root, as {@code ./portcullis up} makes the installation's) delegates user creation with AWS's
 * permissions-boundary pattern; a user with no policy writes nothing; a key of one account acts in no other; an SCP
 * stops a member account's administrator; a detached policy and a deactivated key are in force for the next call made
 * with the change's token; unsigned, mis-signed, skewed and expired requests get AWS's codes. Then every event written
 * names the principal that caused it, its key, address and user agent; and no secret of any key is in any topic or log.
 */
class SignedCallsIT {

    private static final Pattern KEY = Pattern.compile("\"accessKeyId\":\"(AKIA[A-Z2-7]{16})\"");
    private static final Pattern SECRET = Pattern.compile("\"secretAccessKey\":\"([A-Za-z0-9+/]{40})\"");
    private static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    private static ServiceProcess identity;
    private static ServiceProcess policy;
    private static ServiceProcess org;
    private static ServiceProcess credential;

    /** Every secret a caller was given, for the custody scan. */
    private static final List<String> secretsGiven = new ArrayList<>();
    /** Who may have caused an event in this test's accounts: principal ARN → the key it signs with. */
    private static final Map<String, String> keyOfPrincipal = new HashMap<>();

    @BeforeAll
    static void start() {
        identity = ServiceProcess.startModule("identity-service", "identity-s", Map.of());
        policy = ServiceProcess.startModule("policy-service", "policy-s", Map.of());
        org = ServiceProcess.startModule("org-service", "org-s", Map.of());
        credential = ServiceProcess.startModule("credential-service", "credential-s", Map.of());
    }

    @AfterAll
    static void stop() {
        credential.close();
        org.close();
        policy.close();
        identity.close();
    }

    /** A signed principal and every write's token so far, so that each call is decided at least as fresh as all of them. */
    private static final class Actor {
        final String arn;
        final TestSigning.Key key;
        private final List<String> tokens;

        Actor(String arn, TestSigning.Key key, List<String> tokens) {
            this.arn = arn;
            this.key = key;
            this.tokens = tokens;
            keyOfPrincipal.put(arn, key.accessKeyId());
        }

        static Actor rootOf(String account, List<String> tokens) {
            return new Actor("arn:aws:iam::" + account + ":root", TestSigning.Key.rootOf(account), tokens);
        }

        Http.Caller http() {
            return tokens.isEmpty() ? Http.as(key) : Http.as(key).after(tokens);
        }

        /** The write, checked for its status, its token kept for every later call. */
        HttpResponse<String> wrote(HttpResponse<String> write, int status) {
            assertThat(write.statusCode()).as(write.body()).isEqualTo(status);
            write.headers().firstValue("Consistency-Token").ifPresent(tokens::add);
            return write;
        }

        HttpResponse<String> post(String url, String json, int status) {
            return wrote(http().post(url, json), status);
        }

        HttpResponse<String> put(String url, String json, int status) {
            return wrote(http().put(url, json), status);
        }
    }

    @Test
    void everyCallIsSignedAuthorizedByTheSuitesPoliciesAndRecordedWithItsPrincipal() throws IOException {
        List<String> tokens = new ArrayList<>();
        String main = Routes.newAccount();
        String other = Routes.newAccount();
        Actor root = Actor.rootOf(main, tokens);

        // An organization of the main account; a member account made by it, with an administrator its root made
        String orgs = org.baseUrl() + "/v1/accounts/" + main + "/organization";
        String rootId = field(root.post(orgs, "{}", 201), "rootId");
        root.post(orgs + "/roots/" + rootId + "/policy-types", "{\"policyType\":\"SERVICE_CONTROL_POLICY\"}", 200);
        String member = field(root.post(orgs + "/accounts", "{\"accountName\":\"member\",\"email\":\"member-" + main
                + "@example.com\"}", 201), "accountId");
        Actor memberAdmin = administrator(Actor.rootOf(member, tokens), "admin");

        // The main account's administrator, made by the operator's bootstrap (as ./portcullis up makes it)
        Actor admin = bootstrapped(main, tokens);

        // The administrator delegates: dev-admin may create users only with the boundary (AWS's documented pattern)
        String boundary = field(admin.post(policies(main), "{\"policyName\":\"DevBoundary\",\"policyDocument\":{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}}", 201), "arn");
        admin.post(users(main), "{\"userName\":\"dev-admin\"}", 201);
        admin.put(identityPolicies(main, "dev-admin") + "/inline-policies/CreateBoundedUsers", "{\"policyDocument\":{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\",\"Condition\":"
                + "{\"StringEquals\":{\"iam:PermissionsBoundary\":\"" + boundary + "\"}}}]}}", 204);
        Actor devAdmin = keyed(admin, main, "dev-admin");

        // dev-admin creates a user with the boundary (identity-service learns of the new policy from its topic: await it)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(devAdmin.http().post(users(main),
                "{\"userName\":\"bounded\",\"permissionsBoundary\":\"" + boundary + "\"}").statusCode()).isIn(201, 409));
        assertThat(root.http().get(users(main) + "/bounded").body()).contains("\"permissionsBoundary\"").contains(boundary);
        // and is refused one without it: AWS's AccessDenied, AWS's message, nothing created
        HttpResponse<String> unbounded = devAdmin.http().post(users(main), "{\"userName\":\"unbounded\"}");
        assertDenied(unbounded, "AccessDenied", "User: " + devAdmin.arn + " is not authorized to perform: iam:CreateUser on resource: "
                + "arn:aws:iam::" + main + ":user/unbounded because no identity-based policy allows the iam:CreateUser action");
        assertThat(root.http().get(users(main) + "/unbounded").statusCode()).isEqualTo(404);

        // A user with no policy is refused every write
        admin.post(users(main), "{\"userName\":\"nobody\"}", 201);
        Actor nobody = keyed(admin, main, "nobody");
        assertDenied(nobody.http().post(users(main), "{\"userName\":\"x\"}"), "AccessDenied", "iam:CreateUser");
        assertDenied(nobody.http().post(identity.baseUrl() + "/v1/accounts/" + main + "/groups", "{\"groupName\":\"g\"}"), "AccessDenied",
                "iam:CreateGroup");
        assertDenied(nobody.http().put(identityPolicies(main, "nobody") + "/inline-policies/all", "{\"policyDocument\":{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}}"), "AccessDenied",
                "iam:PutUserPolicy");
        assertDenied(nobody.http().post(Routes.accessKeys(credential, main, "nobody"), ""), "AccessDenied", "iam:CreateAccessKey");
        assertDenied(nobody.http().post(org.baseUrl() + "/v1/accounts/" + main + "/organization/organizational-units",
                "{\"parentId\":\"" + rootId + "\",\"name\":\"Eng\"}"), "AccessDeniedException", "organizations:CreateOrganizationalUnit");

        // A key of one account acts in no other, however broad its policies
        assertDenied(admin.http().post(users(other), "{\"userName\":\"intruder\"}"), "AccessDenied",
                "User: " + admin.arn + " is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::" + other + ":user/intruder");
        assertThat(Actor.rootOf(other, tokens).http().get(users(other) + "/intruder").statusCode()).isEqualTo(404);

        // An SCP that denies iam:CreateUser in the member account stops its administrator (and its root)
        assertThat(memberAdmin.http().post(users(member), "{\"userName\":\"before-scp\"}").statusCode()).isEqualTo(201);
        String scp = field(root.post(orgs + "/policies", "{\"type\":\"SERVICE_CONTROL_POLICY\",\"name\":\"NoNewUsers\",\"description\":\"\","
                + "\"content\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Deny\\\",\\\"Action\\\":"
                + "\\\"iam:CreateUser\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}", 201), "id");
        root.post(orgs + "/policies/" + scp + "/targets", "{\"targetId\":\"" + member + "\"}", 204);
        assertDenied(memberAdmin.http().post(users(member), "{\"userName\":\"after-scp\"}"), "AccessDenied",
                "iam:CreateUser on resource: arn:aws:iam::" + member + ":user/after-scp with an explicit deny in a service control policy");
        assertDenied(Actor.rootOf(member, tokens).http().post(users(member), "{\"userName\":\"after-scp\"}"), "AccessDenied",
                "with an explicit deny in a service control policy");
        // The management account is not bound by SCPs
        assertThat(admin.http().post(users(main), "{\"userName\":\"after-scp\"}").statusCode()).isEqualTo(201);

        // A policy deleted is in force for the next call made with the deletion's token
        assertThat(devAdmin.http().post(users(main), "{\"userName\":\"bounded-2\",\"permissionsBoundary\":\"" + boundary + "\"}")
                .statusCode()).isEqualTo(201);
        admin.wrote(admin.http().delete(identityPolicies(main, "dev-admin") + "/inline-policies/CreateBoundedUsers"), 204);
        assertDenied(devAdmin.http().post(users(main), "{\"userName\":\"bounded-3\",\"permissionsBoundary\":\"" + boundary + "\"}"),
                "AccessDenied", "iam:CreateUser");
        // and a key deactivated is refused on the next call made with the deactivation's token
        admin.wrote(admin.http().patch(Routes.accessKeys(credential, main, "dev-admin") + "/" + devAdmin.key.accessKeyId(),
                "{\"status\":\"Inactive\"}"), 204);
        assertDenied(devAdmin.http().get(users(main)), "InvalidClientTokenId", "The security token included in the request is invalid");

        // Requests that prove nothing get AWS's codes, and change nothing
        URI create = URI.create(users(main));
        byte[] body = "{\"userName\":\"forged\"}".getBytes(StandardCharsets.UTF_8);
        assertDenied(Http.join(Http.sendAsIs("POST", create, "{\"userName\":\"forged\"}", Map.of())), "MissingAuthenticationToken",
                "Request is missing Authentication Token");
        assertDenied(Http.as(new TestSigning.Key(admin.key.accessKeyId(), "not-the-secret-" + "0".repeat(25))).post(create.toString(),
                "{\"userName\":\"forged\"}"), "SignatureDoesNotMatch", "The request signature we calculated does not match");
        assertDenied(Http.as(new TestSigning.Key("AKIAZZZZZZZZZZZZZZZZ", "0".repeat(40))).post(create.toString(), "{\"userName\":\"forged\"}"),
                "InvalidClientTokenId", "The security token included in the request is invalid");
        assertDenied(signedAt(admin.key, "POST", create, body, Instant.now().minus(Duration.ofMinutes(20))), "SignatureDoesNotMatch",
                "Signature expired");
        URI list = URI.create(users(main));
        assertThat(Http.join(Http.sendAsIs("GET", presigned(admin.key, list, Duration.ofMinutes(5), Instant.now()), null, Map.of()))
                .statusCode()).isEqualTo(200);
        assertDenied(Http.join(Http.sendAsIs("GET", presigned(admin.key, list, Duration.ofSeconds(60), Instant.now().minus(Duration.ofMinutes(5))),
                null, Map.of())), "RequestExpired", "Request has expired");
        assertThat(root.http().get(users(main) + "/forged").statusCode()).isEqualTo(404);

        // Any AWS SDK's signer signs for the suite: the AWS SDK for Java v2, in a region of its choosing, both signing names
        AwsCredentialsIdentity sdk = AwsCredentialsIdentity.create(admin.key.accessKeyId(), admin.key.secret());
        assertThat(sdkSigned(sdk, "POST", create, "{\"userName\":\"sdk-made\"}", "iam", "eu-west-1").statusCode()).isEqualTo(201);
        HttpResponse<String> described = sdkSigned(sdk, "GET", URI.create(orgs), null, "organizations", "ap-southeast-2");
        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);

        everyEventNamesItsPrincipal(Set.of(main, member, other), Map.of(
                "arn:aws:iam::" + main + ":user/bounded", devAdmin.arn, "arn:aws:iam::" + main + ":user/sdk-made", admin.arn));
        noSecretIsInAnyTopicOrLog(main, member, other);
    }

    /** The administrator the operator's bootstrap makes in {@code account}, signing as its root. */
    private static Actor bootstrapped(String account, List<String> tokens) throws IOException {
        io.portcullis.custody.DerivedKey root = TestSecrets.rootOf(account);
        try {
            Bootstrap bootstrap = new Bootstrap(new Bootstrap.Endpoints(identity.baseUrl(), policy.baseUrl(), credential.baseUrl()));
            Bootstrap.IssuedKey key = bootstrap.administrator(account, "admin", root);
            tokens.addAll(bootstrap.tokens());
            secretsGiven.add(new String(key.secret()));
            return new Actor(key.userArn(), new TestSigning.Key(key.accessKeyId(), new String(key.secret())), tokens);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            root.destroy();
        }
    }

    /** {@code name}, made by {@code maker} with AdministratorAccess and an access key: the bootstrap's administrator. */
    private static Actor administrator(Actor maker, String name) {
        String account = accountOf(maker.arn);
        maker.post(users(account), "{\"userName\":\"" + name + "\"}", 201);
        maker.post(identityPolicies(account, name) + "/attached-policies", "{\"policyArn\":\"" + ADMINISTRATOR_ACCESS + "\"}", 204);
        return keyed(maker, account, name);
    }

    /** The user {@code name}'s new access key, made by {@code maker}, as an actor sharing the maker's tokens. */
    private static Actor keyed(Actor maker, String account, String name) {
        HttpResponse<String> created = maker.post(Routes.accessKeys(credential, account, name), "", 201);
        Matcher key = KEY.matcher(created.body());
        Matcher secret = SECRET.matcher(created.body());
        assertThat(key.find() && secret.find()).as(created.body()).isTrue();
        secretsGiven.add(secret.group(1));
        return new Actor("arn:aws:iam::" + account + ":user/" + name, new TestSigning.Key(key.group(1), secret.group(1)), maker.tokens);
    }

    /** Every event of these accounts names a principal of this test (or a suite service acting by itself), its key and its caller. */
    private static void everyEventNamesItsPrincipal(Set<String> accounts, Map<String, String> creatorOfUser) {
        List<SpecificRecord> events = new ArrayList<>();
        for (Topic topic : List.of(Topic.IDENTITY_EVENTS, Topic.POLICY_EVENTS, Topic.CREDENTIAL_EVENTS, Topic.ORG_EVENTS)) {
            events.addAll(CommittedEvents.of(topic, accounts));
        }
        assertThat(events).hasSizeGreaterThan(20);
        Map<String, String> actorOfCreatedUser = new LinkedHashMap<>();
        for (SpecificRecord event : events) {
            EventEnvelope envelope = Envelopes.of(event);
            String what = envelope.getEventType() + " in " + envelope.getAccountId();
            if (envelope.getActor().endsWith(".portcullis")) {
                // A reaction or deadline: a suite service acting by itself, with no key and no caller
                assertThat(envelope.getActor()).as(what).matches("(identity|policy|org|credential)-service\\.portcullis");
                assertThat(envelope.getAccessKeyId()).as(what).isNull();
                continue;
            }
            assertThat(keyOfPrincipal).as(what).containsKey(envelope.getActor());
            assertThat(envelope.getAccessKeyId()).as(what + " by " + envelope.getActor()).isEqualTo(keyOfPrincipal.get(envelope.getActor()));
            assertThat(envelope.getSourceIp()).as(what).isEqualTo("127.0.0.1");
            assertThat(envelope.getUserAgent()).as(what).isNotBlank();
            if (event instanceof io.portcullis.events.identity.UserCreated created) {
                actorOfCreatedUser.put(created.getArn(), envelope.getActor());
            }
        }
        assertThat(actorOfCreatedUser).containsAllEntriesOf(creatorOfUser);
    }

    /** No secret of any key (users', roots', the services') nor the installation secret, in any record of any topic or any log. */
    private static void noSecretIsInAnyTopicOrLog(String... accounts) throws IOException {
        List<String> secrets = new ArrayList<>(secretsGiven);
        for (String account : accounts) {
            secrets.add(TestSigning.Key.rootOf(account).secret());
        }
        for (String service : List.of("identity-service", "policy-service", "org-service", "credential-service")) {
            secrets.add(TestSigning.Key.parse(TestSecrets.serviceCredential(service)).secret());
        }
        secrets.add(TestSecrets.installationSecret());
        List<byte[]> needles = new ArrayList<>();
        secrets.forEach(secret -> needles.add(secret.getBytes(StandardCharsets.UTF_8)));
        byte[] control = keyOfPrincipal.values().iterator().next().getBytes(StandardCharsets.UTF_8);
        List<byte[]> needlesAndControl = new ArrayList<>(needles);
        needlesAndControl.add(control);
        assertThat(TopicScan.find(needlesAndControl)).as("only the control (a key id) is found").containsExactly(control);
        for (ServiceProcess process : List.of(identity, policy, org, credential, RealParts.authz())) {
            String log = Files.readString(process.logFile());
            assertThat(log).as(process.logFile().toString()).isNotEmpty();
            secrets.forEach(secret -> assertThat(log).as(process.logFile().toString()).doesNotContain(secret));
        }
    }

    private static HttpResponse<String> signedAt(TestSigning.Key key, String method, URI uri, byte[] body, Instant at) {
        SigV4Signer signer = SigV4Signer.of(key.accessKeyId(), key.secret().toCharArray(), "us-east-1", "iam");
        try {
            return Http.join(Http.sendAsIs(method, uri, new String(body, StandardCharsets.UTF_8),
                    signer.sign(method, uri, Map.of(), body, at)));
        } finally {
            signer.destroy();
        }
    }

    private static URI presigned(TestSigning.Key key, URI uri, Duration expiresIn, Instant at) {
        SigV4Signer signer = SigV4Signer.of(key.accessKeyId(), key.secret().toCharArray(), "us-east-1", "iam");
        try {
            return signer.presign("GET", uri, expiresIn, at);
        } finally {
            signer.destroy();
        }
    }

    /** The request as the AWS SDK for Java v2's SigV4 signer signs it, sent with exactly the headers it signed. */
    private static HttpResponse<String> sdkSigned(AwsCredentialsIdentity credentials, String method, URI uri, String json, String service,
                                                  String region) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        if (json != null) {
            request.putHeader("Content-Type", "application/json");
        }
        byte[] bytes = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(b -> b.identity(credentials).request(request.build())
                .payload(() -> new ByteArrayInputStream(bytes))
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)).request();
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return Http.join(Http.sendAsIs(method, uri, json, headers));
    }

    private static void assertDenied(HttpResponse<String> answer, String code, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(code.equals("RequestExpired") ? 400 : 403);
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"").contains(message).doesNotContain("Exception:").doesNotContain("\tat ");
    }

    private static String users(String account) {
        return Routes.users(identity, account);
    }

    private static String policies(String account) {
        return policy.baseUrl() + "/v1/accounts/" + account + "/policies";
    }

    private static String identityPolicies(String account, String user) {
        return policy.baseUrl() + "/v1/accounts/" + account + "/users/" + user;
    }

    private static String accountOf(String arn) {
        return arn.split(":")[4];
    }

    private static String field(HttpResponse<String> response, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }
}
