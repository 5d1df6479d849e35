package io.portcullis.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portcullis.events.Envelopes;
import io.portcullis.events.credential.AccessKeyExpired;
import io.portcullis.events.credential.AccessKeyStatusChanged;
import io.portcullis.events.credential.AccessKeyUsed;
import io.portcullis.events.credential.KeyRotated;
import io.portcullis.events.topics.Topic;
import io.portcullis.testkit.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What credential-service does as time passes, with identity-service and two credential instances as packaged,
 * configured with a maximum key age of {@value #MAX_AGE_SECONDS} seconds and a look every second: a rotation's grace
 * period ends with the old key deactivated by the service, a key past the maximum age expires with an event, each
 * once; last use is recorded coarsely and shows in GetAccessKeyLastUsed and the credential report.
 */
class AccessKeyDeadlinesIT {

    private static final int MAX_AGE_SECONDS = 12;
    private static final String SERVICE_ACTOR = "credential-service.portcullis";
    private static final Pattern KEY = Pattern.compile("\"accessKeyId\":\"(AKIA[A-Z2-7]{16})\"");
    private static ServiceProcess identity;
    private static final List<ServiceProcess> credential = new ArrayList<>();

    @BeforeAll
    static void start() {
        identity = ServiceProcess.startModule("identity-service", "identity-d", Map.of());
        Map<String, String> env = Map.of("PORTCULLIS_CREDENTIAL_ACCESS_KEY_MAX_AGE", "PT" + MAX_AGE_SECONDS + "S",
                "PORTCULLIS_CREDENTIAL_DEADLINE_INTERVAL", "PT1S");
        credential.add(ServiceProcess.startModule("credential-service", "credential-d1", env));
        credential.add(ServiceProcess.startModule("credential-service", "credential-d2", env));
    }

    @AfterAll
    static void stop() {
        credential.forEach(ServiceProcess::close);
        identity.close();
    }

    @Test
    void rotationWithAGracePeriodLeavesBothKeysActiveUntilTheServiceDeactivatesTheOldOneOnce() {
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"ivy\"}").statusCode()).isEqualTo(201);
        String oldKey = keyOf(Http.post(Routes.accessKeys(credential.get(0), account, "ivy"), ""));

        HttpResponse<String> rotated = Http.post(Routes.accessKeys(credential.get(1), account, "ivy") + "/" + oldKey + "/rotate",
                "{\"deactivateOldAfterSeconds\":3}");
        String newKey = keyOf(rotated);
        HttpResponse<String> during = Http.get(Routes.accessKeys(credential.get(0), account, "ivy"),
                rotated.headers().firstValue("Consistency-Token").orElseThrow());
        assertThat(during.body()).contains(status(oldKey, "Active")).contains(status(newKey, "Active"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Http.get(Routes.accessKeys(credential.get(1), account, "ivy"), null).body()).contains(status(oldKey, "Inactive")));
        List<SpecificRecord> events = CommittedEvents.of(Topic.CREDENTIAL_EVENTS, Set.of(account));
        assertThat(events).filteredOn(KeyRotated.class::isInstance).map(KeyRotated.class::cast)
                .singleElement().satisfies(r -> assertThat(r.getDeactivateOldAt()).isNotNull());
        assertThat(events).filteredOn(AccessKeyStatusChanged.class::isInstance).map(AccessKeyStatusChanged.class::cast)
                .singleElement().satisfies(changed -> {
                    assertThat(changed.getAccessKeyId()).isEqualTo(oldKey);
                    assertThat(changed.getStatus()).isEqualTo("Inactive");
                    assertThat(actorOf(changed)).isEqualTo(SERVICE_ACTOR);
                });
    }

    @Test
    void aKeyPastTheMaximumAgeIsDeactivatedByTheServiceWithOneEvent() {
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"max\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> created = Http.post(Routes.accessKeys(credential.get(1), account, "max"), "");
        String key = keyOf(created);
        assertThat(created.body()).contains("\"status\":\"Active\"");

        await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                assertThat(Http.get(Routes.accessKeys(credential.get(0), account, "max"), null).body()).contains(status(key, "Inactive")));
        assertThat(CommittedEvents.of(Topic.CREDENTIAL_EVENTS, Set.of(account))).filteredOn(AccessKeyExpired.class::isInstance)
                .map(AccessKeyExpired.class::cast).singleElement().satisfies(expired -> {
                    assertThat(expired.getAccessKeyId()).isEqualTo(key);
                    assertThat(expired.getMaxAgeSeconds()).isEqualTo(MAX_AGE_SECONDS);
                    assertThat(actorOf(expired)).isEqualTo(SERVICE_ACTOR);
                });
        String report = report(account);
        assertThat(report.lines().filter(line -> line.startsWith("max,"))).singleElement()
                .satisfies(line -> assertThat(line.split(",")[8]).as("access_key_1_active").isEqualTo("false"));
    }

    @Test
    void theFirstUseOfAQuarterHourIsRecordedAndShownInLastUsedAndTheCredentialReport() {
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"una\"}").statusCode()).isEqualTo(201);
        String key = keyOf(Http.post(Routes.accessKeys(credential.get(0), account, "una"), ""));
        String lastUsed = credential.get(1).baseUrl() + "/v1/accounts/" + account + "/access-keys/" + key + "/last-used";
        HttpResponse<String> never = Http.get(lastUsed, null);
        assertThat(never.body()).isEqualTo("{\"userName\":\"una\",\"accessKeyLastUsed\":{\"serviceName\":\"N/A\",\"region\":\"N/A\"}}");

        assertThat(Http.put(lastUsed, "{\"serviceName\":\"s3\",\"region\":\"eu-west-1\"}").statusCode()).isEqualTo(204);
        assertThat(Http.put(lastUsed.replace(credential.get(1).baseUrl(), credential.get(0).baseUrl()),
                "{\"serviceName\":\"ec2\",\"region\":\"us-east-1\"}").statusCode()).isEqualTo(204);
        assertThat(Http.put(lastUsed, "{\"serviceName\":\"S3!\",\"region\":\"eu-west-1\"}").statusCode()).isEqualTo(400);

        assertThat(Http.get(lastUsed, null).body()).contains("\"serviceName\":\"s3\",\"region\":\"eu-west-1\"").contains("lastUsedDate");
        assertThat(CommittedEvents.of(Topic.CREDENTIAL_EVENTS, Set.of(account))).filteredOn(AccessKeyUsed.class::isInstance).hasSize(1);
        String line = report(account).lines().filter(l -> l.startsWith("una,")).findFirst().orElseThrow();
        assertThat(line.split(",")).satisfies(cells -> {
            assertThat(cells[1]).isEqualTo("arn:aws:iam::" + account + ":user/una");
            assertThat(cells[11]).as("access_key_1_last_used_region").isEqualTo("eu-west-1");
            assertThat(cells[12]).as("access_key_1_last_used_service").isEqualTo("s3");
        });
        assertThat(Http.get(lastUsed.replace(key, "AKIAAAAAAAAAAAAAAAAA"), null).statusCode()).isEqualTo(404);
    }

    private static String report(String account) {
        String url = credential.get(0).baseUrl() + "/v1/accounts/" + account + "/credential-report";
        assertThat(Http.post(url, "").body()).contains("\"state\":\"COMPLETE\"");
        HttpResponse<String> got = Http.get(url, null);
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        assertThat(got.body()).contains("\"reportFormat\":\"text/csv\"");
        Matcher content = Pattern.compile("\"content\":\"([^\"]+)\"").matcher(got.body());
        assertThat(content.find()).isTrue();
        return new String(Base64.getDecoder().decode(content.group(1)), StandardCharsets.UTF_8);
    }

    private static String actorOf(SpecificRecord event) {
        return Envelopes.of(event).getActor();
    }

    private static String status(String key, String status) {
        return "\"accessKeyId\":\"" + key + "\",\"status\":\"" + status + "\"";
    }

    private static String keyOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher key = KEY.matcher(created.body());
        assertThat(key.find()).as(created.body()).isTrue();
        return key.group(1);
    }
}
