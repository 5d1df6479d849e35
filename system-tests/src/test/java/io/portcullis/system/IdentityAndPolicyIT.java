package io.portcullis.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portcullis.events.Envelopes;
import io.portcullis.events.EventEnvelope;
import io.portcullis.events.identity.GroupDeleted;
import io.portcullis.events.identity.UserDeleted;
import io.portcullis.events.policy.GroupPolicyAttached;
import io.portcullis.events.policy.GroupPolicyDetached;
import io.portcullis.events.policy.UserPermissionsBoundaryDeleted;
import io.portcullis.events.policy.UserPolicyAttached;
import io.portcullis.events.policy.UserPolicyDetached;
import io.portcullis.events.topics.Topic;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * identity-service and policy-service together, two instances of each, as packaged: policy-service decides
 * on the users and groups identity-service's events say exist, and identity-service on the policies
 * policy-service's events say they hold, read-your-writes, on any instance; when a delete and an attach
 * race, no attachment outlives its user.
 */
class IdentityAndPolicyIT {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    /** A policy document as a JSON string, as the AWS API takes it. */
    private static final String S3_READ = "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":{\\\"Effect\\\":\\\"Allow\\\","
            + "\\\"Action\\\":\\\"s3:Get*\\\",\\\"Resource\\\":\\\"*\\\"}}\"";
    private static final Pattern USER_ID = Pattern.compile("\"userId\":\"(AIDA[A-Z2-7]{17})\"");
    private static final Pattern GROUP_ID = Pattern.compile("\"groupId\":\"(AGPA[A-Z2-7]{17})\"");
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
            String account = Routes.newAccount();
            HttpResponse<String> created = Http.post(Routes.users(identity.get(i % 2), account), "{\"userName\":\"Alice\"}");
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
        HttpResponse<String> attached = Http.post(attachedPolicies(policy.get(0), Routes.newAccount(), "nobody"),
                "{\"policyArn\":\"" + READ_ONLY + "\"}");

        // Then
        assertThat(attached.statusCode()).isEqualTo(404);
        assertThat(attached.body()).contains("\"code\":\"NoSuchEntity\"").contains("The user with name nobody cannot be found.");
    }

    @Test
    void whenADeleteAndAnAttachRaceNoAttachmentOutlivesItsUser() {
        // Given 30 accounts, each with a user created a moment ago
        Map<String, String> userIdByAccount = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String account = Routes.newAccount();
            userIdByAccount.put(account, userIdOf(Http.post(Routes.users(identity.get(i % 2), account), "{\"userName\":\"carol\"}")));
        }

        // When each user is deleted through one identity instance while a policy is attached through a policy instance
        int attachFirst = 0;
        int deleteFirst = 0;
        int both = 0;
        Set<String> kept = new HashSet<>();
        int i = 0;
        for (String account : userIdByAccount.keySet()) {
            var deleted = Http.deleteAsync(Routes.users(identity.get(i % 2), account) + "/carol");
            var attached = Http.postAsync(attachedPolicies(policy.get((i / 2) % 2), account, "carol"),
                    "{\"policyArn\":\"" + READ_ONLY + "\"}");
            int deleteStatus = Http.join(deleted).statusCode();
            int attachStatus = Http.join(attached).statusCode();
            // Either identity saw the attachment and refused the delete, or policy saw the delete and refused the
            // attach, or each decided before seeing the other: then both succeed and policy-service detaches.
            assertThat(List.of(deleteStatus, attachStatus)).isIn(List.of(409, 204), List.of(204, 404), List.of(204, 204));
            if (deleteStatus == 409) {
                attachFirst++;
                kept.add(userIdByAccount.get(account));
            } else if (attachStatus == 404) {
                deleteFirst++;
            } else {
                both++;
            }
            i++;
        }
        TestKitLog.info("Race over %d users: attach first %d, delete first %d, both decided unaware of the other %d",
                userIdByAccount.size(), attachFirst, deleteFirst, both);

        // Then, once policy-service has seen the deletions, no user that identity-service deleted has a policy attached
        Set<String> deletedUsers = deletedUserIds(userIdByAccount.keySet());
        // (filteredOn, not doesNotContainAnyElementsOf: either set may be empty, as the race decides, and AssertJ refuses an
        // empty set to look for)
        assertThat(deletedUsers).hasSize(userIdByAccount.size() - kept.size()).filteredOn(kept::contains).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(usersWithAttachments(userIdByAccount.keySet())).filteredOn(deletedUsers::contains).isEmpty());
    }

    @Test
    void aFreshUserTakesTenManagedPoliciesTheEleventhIsLimitExceededAndAnAttachedPolicyCannotBeDeleted() {
        // Given a user created a moment ago, and four customer managed policies created through the other policy instance
        String account = Routes.newAccount();
        userIdOf(Http.post(Routes.users(identity.get(0), account), "{\"userName\":\"dana\"}"));
        List<String> arns = new ArrayList<>(List.of("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "IAMFullAccess",
                "IAMReadOnlyAccess", "IAMUserChangePassword").stream().map(name -> "arn:aws:iam::aws:policy/" + name).toList());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> created = Http.post(policies(policy.get(1), account), "{\"policyName\":\"Team" + i
                    + "\",\"path\":\"/team/\",\"policyDocument\":" + S3_READ + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            arns.add("arn:aws:iam::" + account + ":policy/team/Team" + i);
        }

        // When eleven are attached, each through either instance
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < arns.size(); i++) {
            statuses.add(Http.post(attachedPolicies(policy.get(i % 2), account, "dana"), "{\"policyArn\":\"" + arns.get(i) + "\"}")
                    .statusCode());
        }

        // Then ten are attached and the eleventh is refused; an attached policy cannot be deleted
        assertThat(statuses.subList(0, 10)).containsOnly(204);
        assertThat(statuses.get(10)).isEqualTo(409);
        HttpResponse<String> eleventh = Http.post(attachedPolicies(policy.get(0), account, "dana"), "{\"policyArn\":\"" + arns.get(10) + "\"}");
        assertThat(eleventh.body()).contains("\"code\":\"LimitExceeded\"").contains("Cannot exceed quota for PoliciesPerUser: 10");
        HttpResponse<String> deleteAttached = Http.delete(policies(policy.get(0), account) + "/Team0");
        assertThat(deleteAttached.statusCode()).isEqualTo(409);
        assertThat(deleteAttached.body()).contains("\"code\":\"DeleteConflict\"").contains("Cannot delete a policy attached to entities.");
        assertThat(Http.delete(policies(policy.get(1), account) + "/Team4").statusCode()).isEqualTo(204);

        // And what uses a policy, and the account's whole export, say the same
        HttpResponse<String> entities = Http.get(policies(policy.get(1), account) + "/Team0/entities", null);
        assertThat(entities.body()).contains("\"policyUsers\":[{\"userName\":\"dana\"").contains("\"policyGroups\":[]");
        HttpResponse<String> export = Http.get(policy.get(0).baseUrl() + "/v1/accounts/" + account + "/authorization-details", null);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.body()).contains("\"userName\":\"dana\"").contains("\"policyName\":\"Team0\"")
                .contains("\"policyVersionList\":[{\"document\":").contains("\"isTruncated\":false")
                .doesNotContain("\"policyName\":\"Team4\"");
    }

    @Test
    void identityServiceRefusesToDeleteAUserOrGroupThatHoldsPoliciesUntilTheyAreGone() {
        // Given a user with an inline policy and a group with an attached policy, put a moment ago through policy-service
        String account = Routes.newAccount();
        userIdOf(Http.post(Routes.users(identity.get(0), account), "{\"userName\":\"erin\"}"));
        assertThat(Http.post(identity.get(1).baseUrl() + "/v1/accounts/" + account + "/groups", "{\"groupName\":\"Ops\"}").statusCode())
                .isEqualTo(201);
        assertThat(Http.put(userPath(policy.get(0), account, "erin") + "/inline-policies/s3", "{\"policyDocument\":" + S3_READ + "}")
                .statusCode()).isEqualTo(204);
        assertThat(Http.post(policy.get(1).baseUrl() + "/v1/accounts/" + account + "/groups/Ops/attached-policies",
                "{\"policyArn\":\"" + READ_ONLY + "\"}").statusCode()).isEqualTo(204);

        // When identity-service is asked at once to delete them, through either instance
        HttpResponse<String> deleteUser = Http.delete(Routes.users(identity.get(1), account) + "/erin");
        HttpResponse<String> deleteGroup = Http.delete(identity.get(0).baseUrl() + "/v1/accounts/" + account + "/groups/Ops");

        // Then both are refused as IAM refuses them, and succeed once the policies are gone
        assertThat(deleteUser.statusCode()).as(deleteUser.body()).isEqualTo(409);
        assertThat(deleteUser.body()).contains("Cannot delete entity, must delete policies first.");
        assertThat(deleteGroup.statusCode()).as(deleteGroup.body()).isEqualTo(409);
        assertThat(deleteGroup.body()).contains("Cannot delete entity, must detach all policies first.");
        assertThat(Http.delete(userPath(policy.get(1), account, "erin") + "/inline-policies/s3").statusCode()).isEqualTo(204);
        assertThat(Http.delete(policy.get(0).baseUrl() + "/v1/accounts/" + account + "/groups/Ops/attached-policies?policyArn=" + READ_ONLY)
                .statusCode()).isEqualTo(204);
        assertThat(Http.delete(Routes.users(identity.get(0), account) + "/erin").statusCode()).isEqualTo(204);
        assertThat(Http.delete(identity.get(1).baseUrl() + "/v1/accounts/" + account + "/groups/Ops").statusCode()).isEqualTo(204);
    }

    @Test
    void getUserShowsThePermissionsBoundaryWhichGoesWithTheUserInTheDeletionsName() {
        // Given a user with a permissions boundary
        String account = Routes.newAccount();
        String userId = userIdOf(Http.post(Routes.users(identity.get(0), account), "{\"userName\":\"fay\"}"));
        HttpResponse<String> bounded = Http.put(userPath(policy.get(1), account, "fay") + "/permissions-boundary",
                "{\"policyArn\":\"" + READ_ONLY + "\"}");
        assertThat(bounded.statusCode()).as(bounded.body()).isEqualTo(204);

        // When GetUser is asked with the boundary's token
        HttpResponse<String> user = Http.get(Routes.users(identity.get(1), account) + "/fay",
                bounded.headers().firstValue("Consistency-Token").orElseThrow());

        // Then it shows the boundary as AWS does; the boundary does not block deleting the user, and goes with it
        assertThat(user.body()).contains("\"permissionsBoundary\":{\"permissionsBoundaryType\":\"PermissionsBoundaryPolicy\","
                + "\"permissionsBoundaryArn\":\"" + READ_ONLY + "\"}");
        HttpResponse<String> deleted = Http.delete(Routes.users(identity.get(0), account) + "/fay");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        String deletion = deleted.headers().firstValue("X-Request-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(policyEvents(Set.of(account)))
                .filteredOn(e -> e instanceof UserPermissionsBoundaryDeleted gone && gone.getUserId().equals(userId))
                .singleElement()
                .satisfies(e -> assertThat(envelope(e).getRequestId()).as("recorded in the deletion's name").isEqualTo(deletion)));
    }

    @Test
    void whenAGroupDeleteAndAnAttachRaceNoAttachmentOutlivesItsGroup() {
        // Given 16 accounts, each with a group created a moment ago
        Map<String, String> groupIdByAccount = new HashMap<>();
        for (int i = 0; i < 16; i++) {
            String account = Routes.newAccount();
            HttpResponse<String> created = Http.post(identity.get(i % 2).baseUrl() + "/v1/accounts/" + account + "/groups",
                    "{\"groupName\":\"Crew\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher id = GROUP_ID.matcher(created.body());
            assertThat(id.find()).isTrue();
            groupIdByAccount.put(account, id.group(1));
        }

        // When each group is deleted while a policy is attached to it, through different instances
        Set<String> kept = new HashSet<>();
        int i = 0;
        for (String account : groupIdByAccount.keySet()) {
            var deleted = Http.deleteAsync(identity.get(i % 2).baseUrl() + "/v1/accounts/" + account + "/groups/Crew");
            var attached = Http.postAsync(policy.get((i / 2) % 2).baseUrl() + "/v1/accounts/" + account + "/groups/Crew/attached-policies",
                    "{\"policyArn\":\"" + READ_ONLY + "\"}");
            int deleteStatus = Http.join(deleted).statusCode();
            int attachStatus = Http.join(attached).statusCode();
            assertThat(List.of(deleteStatus, attachStatus)).isIn(List.of(409, 204), List.of(204, 404), List.of(204, 204));
            if (deleteStatus == 409) {
                kept.add(groupIdByAccount.get(account));
            }
            i++;
        }

        // Then no group identity-service deleted still has a policy attached, once policy-service has seen the deletions
        Set<String> deletedGroups = new HashSet<>();
        for (SpecificRecord event : CommittedEvents.of(Topic.IDENTITY_EVENTS, groupIdByAccount.keySet())) {
            if (event instanceof GroupDeleted groupDeleted) {
                deletedGroups.add(groupDeleted.getGroupId());
            }
        }
        assertThat(deletedGroups).hasSize(groupIdByAccount.size() - kept.size());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Integer> attachments = new HashMap<>();
            for (SpecificRecord event : policyEvents(groupIdByAccount.keySet())) {
                if (event instanceof GroupPolicyAttached attached) {
                    attachments.merge(attached.getGroupId(), 1, Integer::sum);
                } else if (event instanceof GroupPolicyDetached detached) {
                    attachments.merge(detached.getGroupId(), -1, Integer::sum);
                }
            }
            deletedGroups.forEach(group -> assertThat(attachments.getOrDefault(group, 0)).as(group).isZero());
        });
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
        for (SpecificRecord event : CommittedEvents.of(Topic.IDENTITY_EVENTS, accounts)) {
            if (event instanceof UserDeleted userDeleted) {
                deleted.add(userDeleted.getUserId());
            }
        }
        return deleted;
    }

    private static List<SpecificRecord> policyEvents(Set<String> accounts) {
        return CommittedEvents.of(Topic.POLICY_EVENTS, accounts);
    }

    private static EventEnvelope envelope(SpecificRecord event) {
        return Envelopes.of(event);
    }

    private static String userIdOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher matcher = USER_ID.matcher(created.body());
        assertThat(matcher.find()).as(created.body()).isTrue();
        return matcher.group(1);
    }


    private static String attachedPolicies(ServiceProcess policyService, String account, String userName) {
        return userPath(policyService, account, userName) + "/attached-policies";
    }

    private static String userPath(ServiceProcess policyService, String account, String userName) {
        return policyService.baseUrl() + "/v1/accounts/" + account + "/users/" + userName;
    }

    private static String policies(ServiceProcess policyService, String account) {
        return policyService.baseUrl() + "/v1/accounts/" + account + "/policies";
    }
}
