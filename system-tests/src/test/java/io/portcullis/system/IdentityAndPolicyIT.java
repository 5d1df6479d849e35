package io.portcullis.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portcullis.events.EventEnvelope;
import io.portcullis.events.identity.UserDeleted;
import io.portcullis.events.policy.UserPolicyAttached;
import io.portcullis.events.policy.UserPolicyDetached;
import io.portcullis.events.topics.Topic;
import io.portcullis.testkit.CommittedRecords;
import io.portcullis.testkit.RealParts;
import io.portcullis.testkit.ServiceProcess;
import io.portcullis.testkit.TestKitLog;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * identity-service and policy-service together, two instances of each, as packaged: policy-service decides
 * on the users identity-service's events say exist, read-your-writes, on any instance; and when a delete and
 * an attach race, no attachment outlives its user.
 */
class IdentityAndPolicyIT {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final Pattern USER_ID = Pattern.compile("\"userId\":\"(AIDA[A-Z2-7]{17})\"");
    private static final List<ServiceProcess> identity = new ArrayList<>();
    private static final List<ServiceProcess> policy = new ArrayList<>();

    @BeforeAll
    static void startTwoInstancesOfEach() {
        identity.add(ServiceProcess.startModule("identity-service", "identity-a", Map.of()));
        identity.add(ServiceProcess.startModule("identity-service", "identity-b", Map.of()));
        policy.add(ServiceProcess.startModule("policy-service", "policy-a", Map.of()));
        policy.add(ServiceProcess.startModule("policy-service", "policy-b", Map.of()));
    }

    @AfterAll
    static void stopThem() {
        policy.forEach(ServiceProcess::close);
        identity.forEach(ServiceProcess::close);
    }

    @Test
    void aUserCreatedThroughIdentityServiceIsAttachableAtOnceThroughEitherPolicyInstance() {
        // Given 24 accounts (over most partitions), each with a user created a moment ago through one identity instance
        List<String> accounts = new ArrayList<>();
        List<String> identityTokens = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String account = newAccount();
            HttpResponse<String> created = Http.post(users(identity.get(i % 2), account), "{\"userName\":\"Alice\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            accounts.add(account);
            identityTokens.add(created.headers().firstValue("Consistency-Token").orElseThrow());
        }

        // When each is attached at once, with no token and no wait, through a policy instance chosen independently
        List<HttpResponse<String>> attached = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            attached.add(Http.post(attachedPolicies(policy.get((i / 2) % 2), accounts.get(i), "alice"),
                    "{\"policyArn\":\"" + READ_ONLY + "\"}"));
        }

        // Then every attach succeeded, and the other policy instance lists it when handed both services' tokens
        for (int i = 0; i < accounts.size(); i++) {
            assertThat(attached.get(i).statusCode()).as(attached.get(i).body()).isEqualTo(204);
            String policyToken = attached.get(i).headers().firstValue("Consistency-Token").orElseThrow();
            assertThat(identityTokens.get(i)).startsWith("identity:");
            assertThat(policyToken).startsWith("policy:");
            HttpResponse<String> listed = Http.get(attachedPolicies(policy.get(1 - (i / 2) % 2), accounts.get(i), "ALICE"),
                    identityTokens.get(i) + "," + policyToken);
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(listed.body()).contains("\"policyName\":\"ReadOnlyAccess\"").contains(READ_ONLY);
        }
    }

    @Test
    void aUserIdentityServiceNeverCreatedCannotHaveAPolicy() {
        // When
        HttpResponse<String> attached = Http.post(attachedPolicies(policy.get(0), newAccount(), "nobody"),
                "{\"policyArn\":\"" + READ_ONLY + "\"}");

        // Then
        assertThat(attached.statusCode()).isEqualTo(404);
        assertThat(attached.body()).contains("\"code\":\"NoSuchEntity\"").contains("The user with name nobody cannot be found.");
    }

    @Test
    void deletingAUserDetachesWhatWasAttachedToItInTheDeletionsName() {
        // Given a user with a policy attached
        String account = newAccount();
        HttpResponse<String> created = Http.post(users(identity.get(0), account), "{\"userName\":\"bob\"}");
        String userId = userIdOf(created);
        assertThat(Http.post(attachedPolicies(policy.get(1), account, "bob"), "{\"policyArn\":\"" + READ_ONLY + "\"}")
                .statusCode()).isEqualTo(204);

        // When identity-service deletes the user
        HttpResponse<String> deleted = Http.join(Http.deleteAsync(users(identity.get(1), account) + "/bob"));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        String deletion = deleted.headers().firstValue("X-Request-Id").orElseThrow();

        // Then policy-service detaches it by itself, recorded with the deletion's request id
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(policyEvents(Set.of(account)))
                .filteredOn(e -> e instanceof UserPolicyDetached detached && detached.getUserId().equals(userId))
                .singleElement()
                .satisfies(e -> assertThat(envelope(e).getRequestId()).isEqualTo(deletion)));
    }

    @Test
    void whenADeleteAndAnAttachRaceNoAttachmentOutlivesItsUser() {
        // Given 30 accounts, each with a user created a moment ago
        Map<String, String> userIdByAccount = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String account = newAccount();
            userIdByAccount.put(account, userIdOf(Http.post(users(identity.get(i % 2), account), "{\"userName\":\"carol\"}")));
        }

        // When each user is deleted through one identity instance while a policy is attached through a policy instance
        int attachedBeforeTheDelete = 0;
        int i = 0;
        for (String account : userIdByAccount.keySet()) {
            var deleted = Http.deleteAsync(users(identity.get(i % 2), account) + "/carol");
            var attached = Http.postAsync(attachedPolicies(policy.get((i / 2) % 2), account, "carol"),
                    "{\"policyArn\":\"" + READ_ONLY + "\"}");
            assertThat(Http.join(deleted).statusCode()).isEqualTo(204);
            int attachStatus = Http.join(attached).statusCode();
            assertThat(attachStatus).isIn(204, 404);
            attachedBeforeTheDelete += attachStatus == 204 ? 1 : 0;
            i++;
        }
        TestKitLog.info("Race: %d of %d attaches were decided before their user's deletion", attachedBeforeTheDelete,
                userIdByAccount.size());

        // Then, once policy-service has seen the deletions, no user that identity-service deleted has a policy attached
        Set<String> deletedUsers = deletedUserIds(userIdByAccount.keySet());
        assertThat(deletedUsers).containsExactlyInAnyOrderElementsOf(userIdByAccount.values());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(usersWithAttachments(userIdByAccount.keySet())).doesNotContainAnyElementsOf(deletedUsers));
    }

    /** Users that still hold an attachment, as policy-service's committed events say. */
    private static Set<String> usersWithAttachments(Set<String> accounts) {
        Map<String, Integer> attachments = new HashMap<>();
        for (SpecificRecord event : policyEvents(accounts)) {
            if (event instanceof UserPolicyAttached attached) {
                attachments.merge(attached.getUserId(), 1, Integer::sum);
            } else if (event instanceof UserPolicyDetached detached) {
                attachments.merge(detached.getUserId(), -1, Integer::sum);
            }
        }
        Set<String> holding = new HashSet<>();
        attachments.forEach((user, count) -> {
            if (count > 0) {
                holding.add(user);
            }
        });
        return holding;
    }

    private static Set<String> deletedUserIds(Set<String> accounts) {
        Set<String> deleted = new HashSet<>();
        for (SpecificRecord event : events(Topic.IDENTITY_EVENTS, accounts)) {
            if (event instanceof UserDeleted userDeleted) {
                deleted.add(userDeleted.getUserId());
            }
        }
        return deleted;
    }

    private static List<SpecificRecord> policyEvents(Set<String> accounts) {
        return events(Topic.POLICY_EVENTS, accounts);
    }

    /** The committed events of these accounts on a service's event topic, as an auditor reads them. */
    private static List<SpecificRecord> events(Topic topic, Set<String> accounts) {
        return CommittedRecords.<SpecificRecord>of(topic.topicName(), Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealParts.broker().bootstrapServers(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.apicurio.registry.serde.avro.AvroKafkaDeserializer",
                        "apicurio.registry.url", RealParts.registry().apiUrl(),
                        "apicurio.registry.use-specific-avro-reader", "true"))
                .stream().filter(record -> accounts.contains(record.key())).map(ConsumerRecord::value).toList();
    }

    private static EventEnvelope envelope(SpecificRecord event) {
        return (EventEnvelope) event.get(event.getSchema().getField("envelope").pos());
    }

    private static String userIdOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher matcher = USER_ID.matcher(created.body());
        assertThat(matcher.find()).as(created.body()).isTrue();
        return matcher.group(1);
    }

    private static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }

    private static String users(ServiceProcess identityService, String account) {
        return identityService.baseUrl() + "/v1/accounts/" + account + "/users";
    }

    private static String attachedPolicies(ServiceProcess policyService, String account, String userName) {
        return policyService.baseUrl() + "/v1/accounts/" + account + "/users/" + userName + "/attached-policies";
    }
}
