package io.portcullis.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portcullis.testkit.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * authz-service as packaged, two replicas, each folding every event topic into its own RocksDB model, deciding on
 * what identity-, policy- and org-service wrote: a user's inline policy allows, an SCP at its account's OU denies,
 * with AWS's message; a write's consistency token makes the next decision reflect it; both replicas hold the same
 * digest, and a replica whose data folder is deleted rebuilds the same model.
 */
class AuthorizationIT {

    private static final String ALLOW_S3 = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Sid\\\":\\\"S3\\\","
            + "\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"s3:*\\\",\\\"Resource\\\":\\\"*\\\"}]}";
    private static final String DENY_PUT = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Sid\\\":\\\"NoPut\\\","
            + "\\\"Effect\\\":\\\"Deny\\\",\\\"Action\\\":\\\"s3:PutObject\\\",\\\"Resource\\\":\\\"*\\\"}]}";
    private static ServiceProcess identity;
    private static ServiceProcess policy;
    private static ServiceProcess org;
    private static final List<ServiceProcess> authz = new ArrayList<>();
    private static final List<Path> folders = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        identity = ServiceProcess.startModule("identity-service", "identity-z", Map.of());
        policy = ServiceProcess.startModule("policy-service", "policy-z", Map.of());
        org = ServiceProcess.startModule("org-service", "org-z", Map.of());
        for (String instance : List.of("authz-a", "authz-b")) {
            Path folder = Files.createTempDirectory("portcullis-" + instance);
            folders.add(folder);
            authz.add(ServiceProcess.startModule("authz-service", instance, Map.of("PORTCULLIS_AUTHZ_DATA_DIR", folder.toString())));
        }
    }

    @AfterAll
    static void stop() {
        authz.forEach(ServiceProcess::close);
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

        // Bad input and unknown principals get IAM-style errors
        assertThat(authorize(0, "{\"action\":\"s3:GetObject\",\"resource\":\"*\"}").body()).contains("\"code\":\"ValidationError\"");
        HttpResponse<String> nobody = authorize(0, "{\"principal\":\"arn:aws:iam::" + account + ":user/nobody\",\"action\":\"s3:GetObject\","
                + "\"resource\":\"*\",\"consistency\":\"fullyConsistent\"}");
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(nobody.body()).contains("\"code\":\"NoSuchEntity\"");
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
        authz.set(1, ServiceProcess.startModule("authz-service", "authz-b", Map.of("PORTCULLIS_AUTHZ_DATA_DIR", folders.get(1).toString())));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(digest(1)).isEqualTo(digest(0)));
        assertThat(digest(0)).isEqualTo(before);
    }

    private static HttpResponse<String> authorize(int replica, String body) {
        return Http.post(authz.get(replica).baseUrl() + "/v1/authorize", body);
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
