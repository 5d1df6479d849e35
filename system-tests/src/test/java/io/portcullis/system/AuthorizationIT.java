package io.portcullis.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.portcullis.authz.model.Authorization;
import io.portcullis.authz.model.AuthorizationQuestion;
import io.portcullis.authz.model.AuthzModel;
import io.portcullis.authz.model.ModelFeeder;
import io.portcullis.testkit.RealParts;
import io.portcullis.testkit.ServiceProcess;
import io.portcullis.testkit.TestSecrets;
import io.portcullis.testkit.TestSigning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * authz-service as packaged, two replicas, each folding every event topic into its own RocksDB model, deciding on
 * what identity-, policy-, org- and credential-service wrote: the AWS IAM guide's walkthrough from a new user to an
 * organization's SCPs and RCPs, each step at the freshness of its writes' tokens; batches, effective permissions and
 * simulations; a request signed by the AWS SDK with a key credential-service made is authenticated, the key's use
 * reaching credential-service; both replicas hold the same digest, a replica whose data folder is deleted rebuilds
 * the same model, and one SIGKILLed during a burst of changes resumes to it; the model library embedded in the test's
 * own JVM decides as the service does.
 */
class AuthorizationIT {

    private static final String ALLOW_S3 = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Sid\\\":\\\"S3\\\","
            + "\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"s3:*\\\",\\\"Resource\\\":\\\"*\\\"}]}";
    private static final String DENY_PUT = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Sid\\\":\\\"NoPut\\\","
            + "\\\"Effect\\\":\\\"Deny\\\",\\\"Action\\\":\\\"s3:PutObject\\\",\\\"Resource\\\":\\\"*\\\"}]}";
    private static ServiceProcess identity;
    private static ServiceProcess policy;
    private static ServiceProcess org;
    private static ServiceProcess credential;
    /** The run's key-encryption keys: credential-service seals with them, every authz-service unseals. */
    private static final String KEKS = TestSecrets.credentialKeks();
    private static final List<ServiceProcess> authz = new ArrayList<>();
    private static final List<Path> folders = new ArrayList<>();
    /** A rotation's grace period: long enough to use the old key once more, short enough to wait for its end. */
    private static final int GRACE_SECONDS = 4;
    /** The burst a replica is killed in: writes to {@value #POLICY_NAMES} inline policies in turn, each replacing the last. */
    private static final int BURST = 400;
    private static final int POLICY_NAMES = 10;

    @BeforeAll
    static void start() throws IOException {
        identity = ServiceProcess.startModule("identity-service", "identity-z", Map.of());
        policy = ServiceProcess.startModule("policy-service", "policy-z", Map.of());
        org = ServiceProcess.startModule("org-service", "org-z", Map.of());
        credential = ServiceProcess.startModule("credential-service", "credential-z", Map.of("PORTCULLIS_CREDENTIAL_KEKS", KEKS,
                "PORTCULLIS_CREDENTIAL_DEADLINE_INTERVAL", "PT1S"));
        for (String instance : List.of("authz-a", "authz-b")) {
            Path folder = Files.createTempDirectory("portcullis-" + instance);
            folders.add(folder);
            authz.add(ServiceProcess.startModule("authz-service", instance, authzEnvironment(folder)));
        }
    }

    @AfterAll
    static void stop() {
        authz.forEach(ServiceProcess::close);
        credential.close();
        org.close();
        policy.close();
        identity.close();
        folders.forEach(AuthorizationIT::delete);
    }

    @Test
    void decisionsFollowTheUsersPoliciesAndItsOrganizationsScpsAtTheFreshnessAsked() {
        // An organization whose member account sits in an OU with an SCP that denies s3:PutObject
        String management = Routes.newAccount();
        String orgs = org.baseUrl() + "/v1/accounts/" + management + "/organization";
        HttpResponse<String> created = Http.post(orgs, "{}");
        String root = field(created, "rootId");
        Http.post(orgs + "/roots/" + root + "/policy-types", "{\"policyType\":\"SERVICE_CONTROL_POLICY\"}");
        String ou = field(Http.post(orgs + "/organizational-units", "{\"parentId\":\"" + root + "\",\"name\":\"Storage\"}"), "id");
        String account = field(Http.post(orgs + "/accounts", "{\"accountName\":\"data\",\"email\":\"data-" + management
                + "@example.com\"}"), "accountId");
        Http.post(orgs + "/accounts/" + account + "/move", "{\"sourceParentId\":\"" + root + "\",\"destinationParentId\":\"" + ou + "\"}");
        String scp = field(Http.post(orgs + "/policies", "{\"type\":\"SERVICE_CONTROL_POLICY\",\"name\":\"NoPut\",\"description\":\"\","
                + "\"content\":\"" + DENY_PUT + "\"}"), "id");
        HttpResponse<String> attached = Http.post(orgs + "/policies/" + scp + "/targets", "{\"targetId\":\"" + ou + "\"}");
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(204);
        String orgToken = attached.headers().firstValue("Consistency-Token").orElseThrow();

        // A user of that account with an inline policy allowing S3
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"ana\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> put = Http.put(policy.baseUrl() + "/v1/accounts/" + account + "/users/ana/inline-policies/s3", "{\"policyDocument\":\""
                + ALLOW_S3 + "\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        String policyToken = put.headers().firstValue("Consistency-Token").orElseThrow();
        String fresh = "{\"atLeastAsFresh\":[\"" + orgToken + "\",\"" + policyToken + "\"]}";
        String ana = "arn:aws:iam::" + account + ":user/ana";

        HttpResponse<String> get = authorize(0, "{\"principal\":\"" + ana + "\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\","
                + "\"consistency\":" + fresh + ",\"explain\":true}");
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        assertThat(get.body()).contains("\"decision\":\"allowed\"")
                .contains("{\"policyType\":\"identity\",\"policy\":\"s3\",\"statementIndex\":0,\"sid\":\"S3\",\"allow\":true,"
                        + "\"attachedThrough\":\"direct\"}")
                .contains("\"consistencyToken\":\"");
        HttpResponse<String> putObject = authorize(1, "{\"principal\":\"" + ana + "\",\"action\":\"s3:PutObject\","
                + "\"resource\":\"arn:aws:s3:::b/k\",\"consistency\":" + fresh + "}");
        assertThat(putObject.body()).contains("\"decision\":\"explicitDeny\"").contains("\"blockedBy\":\"scp\"")
                .contains("\"message\":\"User: " + ana + " is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::b/k"
                        + " with an explicit deny in a service control policy\"");

        // A batch on one snapshot, and the policies in force with where they come from
        HttpResponse<String> batch = Http.as(TestSigning.Key.rootOf(account)).post(authz.get(0).baseUrl() + "/v1/authorize/batch", "{\"requests\":[{\"principal\":\"" + ana
                + "\",\"action\":\"s3:GetObject\",\"resource\":\"*\"},{\"principal\":\"" + ana + "\",\"action\":\"s3:PutObject\","
                + "\"resource\":\"*\"},{\"principal\":\"arn:aws:iam::" + account + ":user/nobody\",\"action\":\"s3:GetObject\","
                + "\"resource\":\"*\"}],\"consistency\":" + fresh + "}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        assertThat(batch.body()).containsSubsequence("\"decision\":\"allowed\"", "\"decision\":\"explicitDeny\"", "\"code\":\"NoSuchEntity\"");
        HttpResponse<String> effective = Http.get(authz.get(1).baseUrl() + "/v1/accounts/" + account + "/users/ana/effective-permissions",
                null);
        assertThat(effective.statusCode()).as(effective.body()).isEqualTo(200);
        assertThat(effective.body()).contains("\"policy\":\"s3\"").contains("\"attachedThrough\":\"direct\"")
                .contains("\"policy\":\"" + scp + "\"").contains("\"attachedThrough\":\"scp " + ou + "\"");

        // Simulation: the stored user with a deny added for the simulation only, then documents alone
        HttpResponse<String> simulated = Http.as(TestSigning.Key.rootOf(account)).post(authz.get(0).baseUrl() + "/v1/simulate", "{\"policySourceArn\":\"" + ana
                + "\",\"policyInputList\":[{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\"}]}],\"actionNames\":[\"s3:GetObject\",\"s3:ListBucket\"]}");
        assertThat(simulated.statusCode()).as(simulated.body()).isEqualTo(200);
        assertThat(simulated.body()).containsSubsequence("\"evalActionName\":\"s3:GetObject\"", "\"evalDecision\":\"explicitDeny\"",
                "\"evalActionName\":\"s3:ListBucket\"", "\"evalDecision\":\"allowed\"");
        HttpResponse<String> custom = Http.post(authz.get(1).baseUrl() + "/v1/simulate", "{\"policyInputList\":[\"" + ALLOW_S3
                + "\"],\"actionNames\":[\"s3:GetObject\",\"ec2:RunInstances\"]}");
        assertThat(custom.body()).containsSubsequence("\"evalDecision\":\"allowed\"", "\"evalDecision\":\"implicitDeny\"");

        // Bad input and unknown principals get IAM-style errors
        assertThat(authorize(0, "{\"action\":\"s3:GetObject\",\"resource\":\"*\"}").body()).contains("\"code\":\"ValidationError\"");
        HttpResponse<String> nobody = authorize(0, "{\"principal\":\"arn:aws:iam::" + account + ":user/nobody\",\"action\":\"s3:GetObject\","
                + "\"resource\":\"*\",\"consistency\":\"fullyConsistent\"}");
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(nobody.body()).contains("\"code\":\"NoSuchEntity\"");
    }

    /**
     * The AWS IAM guide's walkthrough through the real services: each step is a write to the service that owns it,
     * and the next decision is asked at least as fresh as every write's token, so it reflects them with no sleep.
     */
    @Test
    void theIamWalkthroughFromANewUserToOrganizationPoliciesIsDecidedAsAwsDecidesIt() {
        Freshness writes = new Freshness();
        // An organization: the member account sits in an OU; SCPs and RCPs are enabled
        String management = Routes.newAccount();
        String orgs = org.baseUrl() + "/v1/accounts/" + management + "/organization";
        HttpResponse<String> organization = writes.of(Http.post(orgs, "{}"), 201);
        String root = field(organization, "rootId");
        String orgId = field(organization, "id");
        writes.of(Http.post(orgs + "/roots/" + root + "/policy-types", "{\"policyType\":\"SERVICE_CONTROL_POLICY\"}"), 200);
        writes.of(Http.post(orgs + "/roots/" + root + "/policy-types", "{\"policyType\":\"RESOURCE_CONTROL_POLICY\"}"), 200);
        String ou = field(writes.of(Http.post(orgs + "/organizational-units", "{\"parentId\":\"" + root + "\",\"name\":\"Workloads\"}"), 201),
                "id");
        String account = field(writes.of(Http.post(orgs + "/accounts", "{\"accountName\":\"work\",\"email\":\"work-" + management
                + "@example.com\"}"), 201), "accountId");
        writes.of(Http.post(orgs + "/accounts/" + account + "/move", "{\"sourceParentId\":\"" + root + "\",\"destinationParentId\":\""
                + ou + "\"}"), 204);
        String policies = policy.baseUrl() + "/v1/accounts/" + account;
        String alice = "arn:aws:iam::" + account + ":user/alice";

        // A new user may do nothing
        writes.of(Http.post(Routes.users(identity, account), "{\"userName\":\"alice\"}"), 201);
        assertThat(decide(writes, alice, "s3:ListBucket", "arn:aws:s3:::public", null))
                .contains("\"decision\":\"implicitDeny\"").contains("\"message\":\"User: " + alice
                        + " is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::public because no identity-based policy"
                        + " allows the s3:ListBucket action\"");

        // bo, for the RCPs below: made now, as the SCPs below leave the account's root no IAM writes (as on AWS)
        writes.of(Http.post(Routes.users(identity, account), "{\"userName\":\"bo\"}"), 201);
        writes.of(Http.put(policies + "/users/bo/inline-policies/all", "{\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}}"), 204);

        // A group with a managed policy attached, the user added to it: allowed, through the group
        String s3Read = field(writes.of(Http.post(policies + "/policies", "{\"policyName\":\"S3Read\",\"policyDocument\":"
                + "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],"
                + "\"Resource\":\"*\"}]}}"), 201), "arn");
        writes.of(Http.post(identity.baseUrl() + "/v1/accounts/" + account + "/groups", "{\"groupName\":\"Readers\"}"), 201);
        writes.of(Http.post(policies + "/groups/Readers/attached-policies", "{\"policyArn\":\"" + s3Read + "\"}"), 204);
        writes.of(Http.put(identity.baseUrl() + "/v1/accounts/" + account + "/groups/Readers/members/alice", ""), 204);
        assertThat(decide(writes, alice, "s3:ListBucket", "arn:aws:s3:::public", null)).contains("\"decision\":\"allowed\"")
                .contains("{\"policyType\":\"identity\",\"policy\":\"" + s3Read + "\",\"version\":\"v1\",\"statementIndex\":0,"
                        + "\"sid\":\"Read\",\"allow\":true,\"attachedThrough\":\"group Readers\"}");

        // An inline Deny: explicit, explained
        writes.of(Http.put(policies + "/users/alice/inline-policies/NoSecrets", "{\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Sid\":\"NoSecrets\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::secrets/*\"}]}}"),
                204);
        assertThat(decide(writes, alice, "s3:GetObject", "arn:aws:s3:::secrets/k", null)).contains("\"decision\":\"explicitDeny\"")
                .contains("{\"policyType\":\"identity\",\"policy\":\"NoSecrets\",\"statementIndex\":0,\"sid\":\"NoSecrets\","
                        + "\"allow\":false,\"attachedThrough\":\"direct\"}")
                .contains("on resource: arn:aws:s3:::secrets/k with an explicit deny in an identity-based policy\"");
        assertThat(decide(writes, alice, "s3:GetObject", "arn:aws:s3:::public/k", null)).contains("\"decision\":\"allowed\"");

        // A permissions boundary narrows: what it does not allow is denied, blocked by it
        String listOnly = field(writes.of(Http.post(policies + "/policies", "{\"policyName\":\"ListOnly\",\"policyDocument\":"
                + "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:List*\",\"Resource\":\"*\"}]}}"), 201),
                "arn");
        writes.of(Http.put(policies + "/users/alice/permissions-boundary", "{\"policyArn\":\"" + listOnly + "\"}"), 204);
        assertThat(decide(writes, alice, "s3:GetObject", "arn:aws:s3:::public/k", null)).contains("\"decision\":\"implicitDeny\"")
                .contains("\"blockedBy\":\"boundary\"").contains("because no permissions boundary allows the s3:GetObject action");
        assertThat(decide(writes, alice, "s3:ListBucket", "arn:aws:s3:::public", null)).contains("\"decision\":\"allowed\"");

        // An access key: a request signed with it is authenticated, and the key's principal authorized
        HttpResponse<String> key = writes.of(Http.post(Routes.accessKeys(credential, account, "alice"), ""), 201);
        String keyId = field(key, "accessKeyId");
        AwsCredentialsIdentity first = AwsCredentialsIdentity.create(keyId, field(key, "secretAccessKey"));
        assertThat(authenticate(0, signed(first, "Action=ListBuckets"), writes.all()).body())
                .contains("\"principalArn\":\"" + alice + "\"");
        HttpResponse<String> byKey = authorize(1, account, "{\"accessKeyId\":\"" + keyId + "\",\"action\":\"s3:ListBucket\",\"resource\":"
                + "\"arn:aws:s3:::public\",\"consistency\":" + writes.consistency() + "}");
        assertThat(byKey.body()).contains("\"decision\":\"allowed\"").contains("\"principalArn\":\"" + alice + "\"");

        // Deactivated: refused, by authentication and by authorization
        writes.of(Http.patch(Routes.accessKeys(credential, account, "alice") + "/" + keyId, "{\"status\":\"Inactive\"}"), 204);
        assertThat(authenticate(0, signed(first, "Action=ListBuckets"), writes.all()).body()).contains("\"code\":\"InvalidClientTokenId\"");
        HttpResponse<String> inactive = authorize(0, account, "{\"accessKeyId\":\"" + keyId + "\",\"action\":\"s3:ListBucket\",\"resource\":\"*\","
                + "\"consistency\":" + writes.consistency() + "}");
        assertThat(inactive.statusCode()).isEqualTo(403);
        assertThat(inactive.body()).contains("\"code\":\"InvalidClientTokenId\"");

        // Active again, then rotated with a grace period: the new key works at once, the old one until its grace ends
        writes.of(Http.patch(Routes.accessKeys(credential, account, "alice") + "/" + keyId, "{\"status\":\"Active\"}"), 204);
        HttpResponse<String> rotated = writes.of(Http.post(Routes.accessKeys(credential, account, "alice") + "/" + keyId + "/rotate",
                "{\"deactivateOldAfterSeconds\":" + GRACE_SECONDS + "}"), 201);
        AwsCredentialsIdentity second = AwsCredentialsIdentity.create(field(rotated, "accessKeyId"), field(rotated, "secretAccessKey"));
        assertThat(authenticate(1, signed(second, "Action=ListBuckets"), writes.all()).body())
                .contains("\"accessKeyId\":\"" + second.accessKeyId() + "\"");
        assertThat(authenticate(1, signed(first, "Action=ListBuckets"), writes.all()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(authenticate(1, signed(first, "Action=ListBuckets"),
                writes.all()).body()).contains("\"code\":\"InvalidClientTokenId\""));
        assertThat(authenticate(0, signed(second, "Action=ListBuckets"), writes.all()).statusCode()).isEqualTo(200);

        // An SCP at the root denies everyone in the organization but the management account
        String admin = "arn:aws:iam::" + management + ":user/admin";
        writes.of(Http.post(Routes.users(identity, management), "{\"userName\":\"admin\"}"), 201);
        writes.of(Http.put(policy.baseUrl() + "/v1/accounts/" + management + "/users/admin/inline-policies/all", "{\"policyDocument\":"
                + "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}}"), 204);
        String noDelete = field(writes.of(Http.post(orgs + "/policies", "{\"type\":\"SERVICE_CONTROL_POLICY\",\"name\":\"NoDeleteBucket\","
                + "\"description\":\"\",\"content\":\"" + escaped("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]}") + "\"}"), 201), "id");
        writes.of(Http.post(orgs + "/policies/" + noDelete + "/targets", "{\"targetId\":\"" + root + "\"}"), 204);
        assertThat(decide(writes, alice, "s3:DeleteBucket", "arn:aws:s3:::public", null)).contains("\"decision\":\"explicitDeny\"")
                .contains("\"blockedBy\":\"scp\"").contains("\"attachedThrough\":\"scp " + root + "\"");
        assertThat(decide(writes, admin, "s3:DeleteBucket", "arn:aws:s3:::mine", null)).contains("\"decision\":\"allowed\"");

        // An SCP on the account's OU narrows what FullAWSAccess allowed there: the rest is denied, blocked by SCPs. It
        // keeps iam:SimulatePrincipalPolicy, which the account's root asks the decisions below with (SCPs bind it too).
        String onlyGet = field(writes.of(Http.post(orgs + "/policies", "{\"type\":\"SERVICE_CONTROL_POLICY\",\"name\":\"OnlyGet\","
                + "\"description\":\"\",\"content\":\"" + escaped("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:Get*\",\"iam:SimulatePrincipalPolicy\"],\"Resource\":\"*\"}]}") + "\"}"), 201), "id");
        writes.of(Http.post(orgs + "/policies/" + onlyGet + "/targets", "{\"targetId\":\"" + ou + "\"}"), 204);
        writes.of(Http.delete(orgs + "/policies/p-FullAWSAccess/targets/" + ou), 204);
        assertThat(decide(writes, alice, "s3:ListBucket", "arn:aws:s3:::public", null)).contains("\"decision\":\"implicitDeny\"")
                .contains("\"blockedBy\":\"scp\"").contains("because no service control policy allows the s3:ListBucket action");

        // An RCP at the root: AWS's data perimeter (only the organization's principals), and no reads of secrets. It
        // narrows what a member account's user may do to its account's resources; the management account's are exempt.
        String bo = "arn:aws:iam::" + account + ":user/bo";
        assertThat(decide(writes, bo, "s3:GetObject", "arn:aws:s3:::work-secrets/k", null)).contains("\"decision\":\"allowed\"");
        String perimeter = field(writes.of(Http.post(orgs + "/policies", "{\"type\":\"RESOURCE_CONTROL_POLICY\",\"name\":\"Perimeter\","
                + "\"description\":\"\",\"content\":\"" + escaped("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OrgOnly\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringNotEqualsIfExists\":"
                + "{\"aws:PrincipalOrgID\":\"" + orgId + "\"}}},{\"Sid\":\"NoSecrets\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::*-secrets/*\"}]}") + "\"}"), 201), "id");
        writes.of(Http.post(orgs + "/policies/" + perimeter + "/targets", "{\"targetId\":\"" + root + "\"}"), 204);
        assertThat(decide(writes, bo, "s3:GetObject", "arn:aws:s3:::work-secrets/k", null)).contains("\"decision\":\"explicitDeny\"")
                .contains("\"blockedBy\":\"rcp\"").contains("\"sid\":\"NoSecrets\"")
                .contains("with an explicit deny in a resource control policy");
        // The perimeter lets bo in: his organization's id comes from the model (were it missing, IfExists would deny)
        assertThat(decide(writes, bo, "s3:GetObject", "arn:aws:s3:::work-data/k", null)).contains("\"decision\":\"allowed\"");
        assertThat(decide(writes, admin, "s3:GetObject", "arn:aws:s3:::mgmt-secrets/k", null)).contains("\"decision\":\"allowed\"");
    }

    /** Every write's consistency token so far, so that a decision can be asked at least as fresh as all of them. */
    private static final class Freshness {
        private final List<String> tokens = new ArrayList<>();

        /** The write's response, checked for its status, its token kept. */
        HttpResponse<String> of(HttpResponse<String> write, int status) {
            assertThat(write.statusCode()).as(write.body()).isEqualTo(status);
            write.headers().firstValue("Consistency-Token").ifPresent(tokens::add);
            return write;
        }

        List<String> all() {
            return List.copyOf(tokens);
        }

        String consistency() {
            return "{\"atLeastAsFresh\":[" + String.join(",", tokens.stream().map(t -> '"' + t + '"').toList()) + "]}";
        }
    }

    /** A decision by one of the replicas (in turn), explained, at least as fresh as every write so far. */
    private static String decide(Freshness writes, String principal, String action, String resource, String resourceAccount) {
        HttpResponse<String> answer = authorize(replicaTurn++ % 2, "{\"principal\":\"" + principal + "\",\"action\":\"" + action
                + "\",\"resource\":\"" + resource + "\"" + (resourceAccount == null ? "" : ",\"resourceAccount\":\"" + resourceAccount + "\"")
                + ",\"consistency\":" + writes.consistency() + ",\"explain\":true}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static int replicaTurn;

    /** A JSON document as a JSON string's content, as Organizations takes a policy's content. */
    private static String escaped(String json) {
        return json.replace("\"", "\\\"");
    }

    @Test
    void anApplicationEmbeddingTheModelLibraryDecidesInProcessAsTheServiceDoes(@TempDir Path folder) throws InterruptedException {
        String account = Routes.newAccount();
        String fay = "arn:aws:iam::" + account + ":user/fay";
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"fay\"}").statusCode()).isEqualTo(201);
        assertThat(Http.put(policy.baseUrl() + "/v1/accounts/" + account + "/users/fay/inline-policies/s3", "{\"policyDocument\":\""
                + ALLOW_S3 + "\"}").statusCode()).isEqualTo(204);

        // The test's own JVM: the library, fed from the broker with Apicurio's Avro reader, no authz-service in between
        try (AvroKafkaDeserializer<SpecificRecord> avro = new AvroKafkaDeserializer<>();
             AuthzModel model = AuthzModel.open(folder)) {
            avro.configure(Map.of("apicurio.registry.url", RealParts.registry().apiUrl(), "apicurio.registry.use-specific-avro-reader", "true"),
                    false);
            try (ModelFeeder feeder = new ModelFeeder(model, RealParts.broker().bootstrapServers(), avro::deserialize).start()) {
                assertThat(feeder.awaitApplied(feeder.committedEnds(), Duration.ofSeconds(60))).isTrue();
                for (String action : List.of("s3:GetObject", "ec2:RunInstances")) {
                    Authorization inProcess = model.authorize(AuthorizationQuestion.of(fay, action, "*"));
                    assertThat(inProcess).isInstanceOf(Authorization.Decided.class);
                    String decision = ((Authorization.Decided) inProcess).decision();
                    assertThat(decision).isEqualTo(action.startsWith("s3:") ? "allowed" : "implicitDeny");
                    assertThat(authorize(0, "{\"principal\":\"" + fay + "\",\"action\":\"" + action + "\",\"resource\":\"*\","
                            + "\"consistency\":\"fullyConsistent\"}").body()).contains("\"decision\":\"" + decision + "\"");
                }
            }
        }
    }

    @Test
    void replicasHoldTheSameModelAndADeletedOneRebuildsIt() {
        // Something to fold, then both replicas at least as fresh as everything written so far
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"ben\"}").statusCode()).isEqualTo(201);
        for (int replica = 0; replica < 2; replica++) {
            assertThat(authorize(replica, "{\"principal\":\"arn:aws:iam::" + account + ":user/ben\",\"action\":\"s3:GetObject\","
                    + "\"resource\":\"*\",\"consistency\":\"fullyConsistent\"}").body()).contains("\"decision\":\"implicitDeny\"");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digest(1)).isEqualTo(digest(0)));
        String before = digest(0);

        authz.get(1).close();
        delete(folders.get(1));
        authz.set(1, ServiceProcess.startModule("authz-service", "authz-b", authzEnvironment(folders.get(1))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(digest(1)).isEqualTo(digest(0)));
        assertThat(digest(0)).isEqualTo(before);
    }

    @Test
    void aRequestSignedWithAnAccessKeyIsAuthenticatedAndItsUseReachesCredentialService() {
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"cy\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> key = Http.post(Routes.accessKeys(credential, account, "cy"), "");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        String keyId = field(key, "accessKeyId");
        String token = key.headers().firstValue("Consistency-Token").orElseThrow();
        AwsCredentialsIdentity credentials = AwsCredentialsIdentity.create(keyId, field(key, "secretAccessKey"));

        HttpResponse<String> verified = authenticate(0, signed(credentials, "Action=ListUsers&Version=2010-05-08"), token);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body()).contains("\"principalArn\":\"arn:aws:iam::" + account + ":user/cy\"").contains("\"accessKeyId\":\"" + keyId);
        // Signed for one body, sent with another: refused with AWS's code
        String tampered = signed(credentials, "Action=ListUsers&Version=2010-05-08").replace("\"body\":\"Action=ListUsers",
                "\"body\":\"Action=DeleteUser");
        HttpResponse<String> refused = authenticate(1, tampered, token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"SignatureDoesNotMatch\"");

        // The use reached credential-service (reported coarsely, after the answer)
        String lastUsed = credential.baseUrl() + "/v1/accounts/" + account + "/access-keys/" + keyId + "/last-used";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.get(lastUsed, null).body())
                .contains("\"serviceName\":\"iam\",\"region\":\"us-east-1\""));

        // A deactivated key signs nothing
        HttpResponse<String> off = Http.patch(Routes.accessKeys(credential, account, "cy") + "/" + keyId, "{\"status\":\"Inactive\"}");
        assertThat(off.statusCode()).isEqualTo(204);
        HttpResponse<String> inactive = authenticate(0, signed(credentials, "Action=ListUsers&Version=2010-05-08"),
                off.headers().firstValue("Consistency-Token").orElseThrow());
        assertThat(inactive.statusCode()).isEqualTo(403);
        assertThat(inactive.body()).contains("\"code\":\"InvalidClientTokenId\"");
    }

    @Test
    void aReplicaKilledDuringABurstOfPolicyChangesResumesWithNothingLostOrAppliedTwice() throws Exception {
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"eve\"}").statusCode()).isEqualTo(201);
        String inline = policy.baseUrl() + "/v1/accounts/" + account + "/users/eve/inline-policies/p";
        AtomicInteger acknowledged = new AtomicInteger();
        CompletableFuture<String> burst = CompletableFuture.supplyAsync(() -> {
            String token = null;
            for (int i = 0; i < BURST; i++) {
                HttpResponse<String> put = Http.put(inline + (i % POLICY_NAMES), "{\"policyDocument\":{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Sid\":\"Write" + i + "\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}}");
                assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
                token = put.headers().firstValue("Consistency-Token").orElseThrow();
                acknowledged.incrementAndGet();
            }
            return token;
        });

        // SIGKILL while the changes stream in, then start again on the same folder while they go on
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= BURST / 4);
        authz.get(1).kill();
        assertThat(burst).isNotDone();
        authz.get(1).restart();
        String last = burst.get(120, TimeUnit.SECONDS);

        // A fresh rebuild beside it: replica a's folder deleted
        authz.get(0).close();
        delete(folders.get(0));
        authz.set(0, ServiceProcess.startModule("authz-service", "authz-a", authzEnvironment(folders.get(0))));
        String effective = "/v1/accounts/" + account + "/users/eve/effective-permissions";
        for (int replica = 0; replica < 2; replica++) {
            assertThat(decideForEve(replica, account, last)).contains("\"decision\":\"allowed\"");
        }
        HttpResponse<String> resumed = Http.get(authz.get(1).baseUrl() + effective, null);
        // Each name holds the last write to it; the document travels as a JSON string, so its quotes arrive escaped
        for (int i = BURST - POLICY_NAMES; i < BURST; i++) {
            assertThat(resumed.body()).contains("Write" + i + "\\\"");
        }
        assertThat(resumed.body()).isEqualTo(Http.get(authz.get(0).baseUrl() + effective, null).body());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(digest(1)).isEqualTo(digest(0)));
    }

    /**
     * Several callers judged in one call, as the services' edges send them under load: each entry answered as the batch
     * route would answer it, in order and at its own freshness (a token, or "fullyConsistent", which asks the broker);
     * a malformed token is that entry's error, not the call's; and only the suite's services may ask.
     */
    @Test
    void signedRequestsOfSeveralCallersAreEachAnsweredInOneCall() throws IOException {
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"dee\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> key = Http.post(Routes.accessKeys(credential, account, "dee"), "");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        String token = key.headers().firstValue("Consistency-Token").orElseThrow();
        // A batch entry's signedRequest names no region: the signer's is taken
        String byDee = signed(AwsCredentialsIdentity.create(field(key, "accessKeyId"), field(key, "secretAccessKey")),
                "Action=ListUsers&Version=2010-05-08").replace(",\"region\":\"us-east-1\"", "") + "}";
        String byRoot = signed(AwsCredentialsIdentity.create(TestSigning.Key.rootOf(account).accessKeyId(),
                TestSigning.Key.rootOf(account).secret()), "Action=ListUsers&Version=2010-05-08").replace(",\"region\":\"us-east-1\"", "") + "}";
        String listUsers = "[{\"action\":\"iam:ListUsers\",\"resource\":\"arn:aws:iam::" + account + ":user/\"}]";
        String call = "{\"entries\":["
                + "{\"signedRequest\":" + byDee + ",\"requests\":" + listUsers + ",\"consistency\":{\"atLeastAsFresh\":[\"" + token + "\"]}},"
                + "{\"signedRequest\":" + byRoot + ",\"requests\":" + listUsers + ",\"consistency\":\"fullyConsistent\"},"
                + "{\"signedRequest\":" + byDee + ",\"requests\":[],\"consistency\":{\"atLeastAsFresh\":[\"identity:0:not-an-offset\"]}}]}";
        String route = authz.get(0).baseUrl() + "/v1/authorize/signed-requests";

        HttpResponse<String> answered = Http.as(TestSigning.Key.parse(TestSecrets.serviceCredential("identity-service"))).post(route, call);
        HttpResponse<String> askedByAUser = Http.as(new TestSigning.Key(field(key, "accessKeyId"), field(key, "secretAccessKey"))).post(route, call);

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode answers = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answered.body()).path("answers");
        assertThat(answers.size()).isEqualTo(3);
        assertThat(answers.get(0).path("signer").path("principalArn").asText()).isEqualTo("arn:aws:iam::" + account + ":user/dee");
        assertThat(answers.get(0).path("results").get(0).path("decision").asText()).as("dee has no policy").isEqualTo("implicitDeny");
        assertThat(answers.get(1).path("signer").path("principalArn").asText()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(answers.get(1).path("results").get(0).path("decision").asText()).isEqualTo("allowed");
        assertThat(answers.get(2).path("httpStatus").asInt()).isEqualTo(400);
        assertThat(answers.get(2).path("error").path("code").asText()).isEqualTo("ValidationError");
        assertThat(askedByAUser.statusCode()).as(askedByAUser.body()).isEqualTo(403);
    }

    /** A decision on eve's policies at least as fresh as the burst's last write. */
    private static String decideForEve(int replica, String account, String token) {
        HttpResponse<String> answer = authorize(replica, "{\"principal\":\"arn:aws:iam::" + account + ":user/eve\",\"action\":"
                + "\"s3:GetObject\",\"resource\":\"*\",\"consistency\":{\"atLeastAsFresh\":[\"" + token + "\"]}}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The JSON authz-service takes for a request the AWS SDK for Java v2 signed, as a receiving service would pass it on. */
    private static String signed(AwsCredentialsIdentity credentials, String body) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("https://iam.portcullis.test/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded").build();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(b -> b.identity(credentials).request(request)
                .payload(() -> new ByteArrayInputStream(bytes))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iam")).request();
        StringBuilder headers = new StringBuilder();
        signed.headers().forEach((name, values) -> headers.append(headers.length() == 0 ? "" : ",").append('"').append(name).append("\":[")
                .append(String.join(",", values.stream().map(v -> '"' + v + '"').toList())).append(']'));
        return "{\"method\":\"POST\",\"path\":\"" + signed.getUri().getRawPath() + "\",\"headers\":{" + headers + "},\"body\":\"" + body
                + "\",\"region\":\"us-east-1\",\"service\":\"iam\"";
    }

    private static HttpResponse<String> authenticate(int replica, String signedRequest, String token) {
        return authenticate(replica, signedRequest, List.of(token));
    }

    /** Verifying a signature is the suite's services' to ask (a resource policy lets only their principals in). */
    private static HttpResponse<String> authenticate(int replica, String signedRequest, List<String> tokens) {
        return Http.as(TestSigning.Key.parse(TestSecrets.serviceCredential("identity-service"))).post(authz.get(replica).baseUrl() + "/v1/authenticate", signedRequest + ",\"consistency\":{\"atLeastAsFresh\":["
                + String.join(",", tokens.stream().map(t -> '"' + t + '"').toList()) + "]}}");
    }

    private static Map<String, String> authzEnvironment(Path folder) {
        return Map.of("PORTCULLIS_AUTHZ_DATA_DIR", folder.toString(), "PORTCULLIS_CREDENTIAL_KEKS", KEKS,
                "PORTCULLIS_AUTHZ_CREDENTIAL_URL", credential.baseUrl());
    }

    /** A question about a principal, asked by the root of the principal's account (the first account the body names). */
    private static HttpResponse<String> authorize(int replica, String body) {
        Matcher account = Pattern.compile("arn:aws:iam::(\\d{12}):").matcher(body);
        return authorize(replica, account.find() ? account.group(1) : TestSecrets.DEFAULT_ACCOUNT, body);
    }

    /** A question asked by the root of {@code account}: iam:SimulatePrincipalPolicy on a principal of that account. */
    private static HttpResponse<String> authorize(int replica, String account, String body) {
        return Http.as(TestSigning.Key.rootOf(account)).post(authz.get(replica).baseUrl() + "/v1/authorize", body);
    }

    private static String digest(int replica) {
        return field(Http.get(authz.get(replica).baseUrl() + "/v1/model/digest", null), "digest");
    }

    private static String field(HttpResponse<String> response, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
