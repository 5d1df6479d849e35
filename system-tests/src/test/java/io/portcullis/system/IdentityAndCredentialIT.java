package io.portcullis.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.custody.KeyRing;
import io.portcullis.custody.SealedSecret;
import io.portcullis.events.credential.AccessKeyCreated;
import io.portcullis.events.topics.Topic;
import io.portcullis.testkit.CommittedRecords;
import io.portcullis.testkit.RealParts;
import io.portcullis.testkit.ServiceProcess;
import io.portcullis.testkit.TestSecrets;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * identity-service and two instances of credential-service, as packaged: access keys for a user created a
 * moment ago, the two-key quota, rotation, console passwords under the account policy, identity refusing to
 * delete a user with keys or a password, and custody: no secret or password in any record of any topic or in
 * any log line, and each sealed secret unseals, with the configured key-encryption key, to the one given.
 */
class IdentityAndCredentialIT {

    /** A key-encryption key made for this run only. */
    private static final String KEKS = TestSecrets.credentialKeks();
    private static final Pattern KEY = Pattern.compile("\"accessKeyId\":\"(AKIA[A-Z2-7]{16})\"");
    private static final Pattern SECRET = Pattern.compile("\"secretAccessKey\":\"([A-Za-z0-9+/]{40})\"");
    private static final List<String> secretsGiven = new ArrayList<>();
    /** Passwords this run sent, which must not be found anywhere either. */
    private static final List<String> passwordsSent = new ArrayList<>();
    private static ServiceProcess identity;
    private static final List<ServiceProcess> credential = new ArrayList<>();

    @BeforeAll
    static void start() {
        identity = ServiceProcess.startModule("identity-service", "identity-c", Map.of());
        credential.add(ServiceProcess.startModule("credential-service", "credential-a", Map.of()));
        credential.add(ServiceProcess.startModule("credential-service", "credential-b", Map.of()));
    }

    @AfterAll
    static void stop() {
        credential.forEach(ServiceProcess::close);
        identity.close();
    }

    @Test
    void aUserCreatedAMomentAgoGetsTwoKeysNotThreeAndRotatesOne() {
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"gus\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> first = Http.post(Routes.accessKeys(credential.get(0), account, "gus"), "");
        HttpResponse<String> second = Http.post(Routes.accessKeys(credential.get(1), account, "gus"), "");
        HttpResponse<String> third = Http.post(Routes.accessKeys(credential.get(0), account, "gus"), "");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Consistency-Token")).hasValueSatisfying(t -> assertThat(t).startsWith("credential:"));
        String firstKey = given(first);
        String secondKey = given(second);
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(third.body()).contains("Cannot exceed quota for AccessKeysPerUser: 2");
        HttpResponse<String> listed = Http.get(Routes.accessKeys(credential.get(1), account, "gus"), second.headers().firstValue("Consistency-Token")
                .orElseThrow());
        assertThat(listed.body()).contains(firstKey).contains(secondKey).doesNotContain("secretAccessKey");

        // Rotation with both keys Active is refused; once the second is Inactive it makes room
        assertThat(Http.post(Routes.accessKeys(credential.get(1), account, "gus") + "/" + firstKey + "/rotate", "").statusCode()).isEqualTo(409);
        assertThat(Http.patch(Routes.accessKeys(credential.get(0), account, "gus") + "/" + secondKey, "{\"status\":\"Inactive\"}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> rotated = Http.post(Routes.accessKeys(credential.get(1), account, "gus") + "/" + firstKey + "/rotate", "");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String newKey = given(rotated);
        HttpResponse<String> after = Http.get(Routes.accessKeys(credential.get(0), account, "gus"), rotated.headers().firstValue("Consistency-Token")
                .orElseThrow());
        assertThat(after.body()).contains("{\"userName\":\"gus\",\"accessKeyId\":\"" + firstKey + "\",\"status\":\"Inactive\"")
                .contains("{\"userName\":\"gus\",\"accessKeyId\":\"" + newKey + "\",\"status\":\"Active\"").doesNotContain(secondKey);
    }

    @Test
    void identityServiceRefusesToDeleteAUserWithAnAccessKey() {
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"hal\"}").statusCode()).isEqualTo(201);
        String key = given(Http.post(Routes.accessKeys(credential.get(1), account, "hal"), ""));

        HttpResponse<String> refused = Http.delete(Routes.users(identity, account) + "/hal");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Cannot delete entity, must delete access keys first.");
        assertThat(Http.delete(Routes.accessKeys(credential.get(0), account, "hal") + "/" + key).statusCode()).isEqualTo(204);
        assertThat(Http.delete(Routes.users(identity, account) + "/hal").statusCode()).isEqualTo(204);
    }

    @Test
    void consolePasswordsFollowTheAccountPolicyAndBlockDeletingTheUser() {
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"joy\"}").statusCode()).isEqualTo(201);
        String policy = credential.get(0).baseUrl() + "/v1/accounts/" + account + "/password-policy";
        assertThat(Http.put(policy, "{\"minimumPasswordLength\":12,\"requireSymbols\":true,\"passwordReusePrevention\":2,"
                + "\"allowUsersToChangePassword\":true}").statusCode())
                .isEqualTo(204);
        String profile = credential.get(1).baseUrl() + "/v1/accounts/" + account + "/users/joy/login-profile";

        HttpResponse<String> weak = Http.put(profile, password("weakpassword12", true));
        assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
        assertThat(weak.body()).contains("\"code\":\"PasswordPolicyViolation\"").contains("it must contain a symbol");
        HttpResponse<String> strong = Http.put(profile, password("Strong-pass-2026!", true), "set-joy-password");
        assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
        // A retry with the same key is the same request, although the password's hash is salted afresh
        HttpResponse<String> retried = Http.put(profile, password("Strong-pass-2026!", true), "set-joy-password");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
        HttpResponse<String> shown = Http.get(profile, strong.headers().firstValue("Consistency-Token").orElseThrow());
        assertThat(shown.body()).contains("\"passwordResetRequired\":true").doesNotContain("argon2").doesNotContain("Strong-pass");

        HttpResponse<String> refused = Http.delete(Routes.users(identity, account) + "/joy");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Cannot delete entity, must delete login profile first.");

        String change = credential.get(0).baseUrl() + "/v1/accounts/" + account + "/users/joy/password";
        assertThat(Http.post(change, change("Wrong-pass-2026!", "Another-pass-2026!")).statusCode()).isEqualTo(400);
        assertThat(Http.post(change, change("Strong-pass-2026!", "Strong-pass-2026!")).body()).contains("PasswordPolicyViolation");
        assertThat(Http.post(change, change("Strong-pass-2026!", "Another-pass-2026!")).statusCode()).isEqualTo(204);
        assertThat(Http.delete(profile).statusCode()).isEqualTo(204);
        assertThat(Http.delete(Routes.users(identity, account) + "/joy").statusCode()).isEqualTo(204);
    }

    private static String password(String password, boolean resetRequired) {
        passwordsSent.add(password);
        return "{\"password\":\"" + password + "\",\"passwordResetRequired\":" + resetRequired + "}";
    }

    private static String change(String oldPassword, String newPassword) {
        passwordsSent.add(oldPassword);
        passwordsSent.add(newPassword);
        return "{\"oldPassword\":\"" + oldPassword + "\",\"newPassword\":\"" + newPassword + "\"}";
    }

    @Test
    void noSecretIsInAnyRecordOfAnyTopicOrAnyLogLineAndEachUnsealsToTheOneGiven() throws IOException {
        // Given keys and a console password made for this test (the other tests' secrets and passwords are checked too)
        String account = Routes.newAccount();
        assertThat(Http.post(Routes.users(identity, account), "{\"userName\":\"ivy\"}").statusCode()).isEqualTo(201);
        String keyId = given(Http.post(Routes.accessKeys(credential.get(0), account, "ivy"), ""));
        given(Http.post(Routes.accessKeys(credential.get(1), account, "ivy"), ""));
        assertThat(Http.put(credential.get(0).baseUrl() + "/v1/accounts/" + account + "/users/ivy/login-profile",
                password("Ivy-console-pass-7!", false)).statusCode()).isEqualTo(204);
        assertThat(secretsGiven).hasSizeGreaterThanOrEqualTo(2);
        assertThat(passwordsSent).isNotEmpty();

        // Then no record of any topic, internal ones included, holds a secret or a password, plain or in base64
        List<byte[]> needles = new ArrayList<>();
        List<String> secrets = new ArrayList<>(secretsGiven);
        secrets.addAll(passwordsSent);
        for (String secret : secrets) {
            needles.add(secret.getBytes(StandardCharsets.UTF_8));
            needles.add(Base64.getEncoder().encode(secret.getBytes(StandardCharsets.UTF_8)));
        }
        // (the same scan does find what is meant to be there: the key id, as a control)
        byte[] control = keyId.getBytes(StandardCharsets.UTF_8);
        List<byte[]> needlesAndControl = new ArrayList<>(needles);
        needlesAndControl.add(control);
        assertThat(TopicScan.find(needlesAndControl)).containsExactly(control);

        // nor any line the services logged
        for (ServiceProcess process : List.of(identity, credential.get(0), credential.get(1))) {
            String log = Files.readString(process.logFile());
            secrets.forEach(secret -> assertThat(log).as(process.logFile().toString()).doesNotContain(secret));
        }

        // and each AccessKeyCreated event's sealed secret opens, with the configured KEK, to a secret a caller was given
        KeyRing ring = KeyRing.parse(KEKS);
        Map<String, String> unsealed = new HashMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : credentialEvents()) {
            if (record.value() instanceof AccessKeyCreated created && record.key().equals(account)) {
                unsealed.put(created.getAccessKeyId(), ring.unseal(SealedSecret.decode(created.getSealedSecret()),
                        account + "/" + created.getAccessKeyId()));
            }
        }
        assertThat(unsealed).hasSize(2);
        assertThat(secretsGiven).containsAll(unsealed.values());
    }

    private static List<ConsumerRecord<String, SpecificRecord>> credentialEvents() {
        return CommittedRecords.<SpecificRecord>of(Topic.CREDENTIAL_EVENTS.topicName(), Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealParts.broker().bootstrapServers(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.apicurio.registry.serde.avro.AvroKafkaDeserializer",
                "apicurio.registry.url", RealParts.registry().apiUrl(),
                "apicurio.registry.use-specific-avro-reader", "true"));
    }

    /** The key id of a 201 answer; its secret is remembered for the custody checks. */
    private static String given(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher key = KEY.matcher(created.body());
        Matcher secret = SECRET.matcher(created.body());
        assertThat(key.find()).as(created.body()).isTrue();
        assertThat(secret.find()).as("the secret, once").isTrue();
        secretsGiven.add(secret.group(1));
        return key.group(1);
    }
}
