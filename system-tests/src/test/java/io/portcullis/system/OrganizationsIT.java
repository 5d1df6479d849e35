package io.portcullis.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.events.org.AccountJoined;
import io.portcullis.events.org.AccountMoved;
import io.portcullis.events.org.OrganizationalUnitCreated;
import io.portcullis.events.org.PolicyAttachedToTarget;
import io.portcullis.events.org.PolicyDetachedFromTarget;
import io.portcullis.events.topics.Topic;
import io.portcullis.testkit.ServiceProcess;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
 * Two instances of org-service, as packaged, on the real broker and registry, each request sent to either: an
 * organization with a three-level tree, accounts created and invited (one accepts, one declines), an account moved
 * between OUs, an SCP attached at an OU, and the rules that refuse a sixth OU level, deleting a non-empty OU,
 * detaching a target's last SCP and an account in two organizations. The events on the topic are enough to work out
 * an account's chain of SCPs from the root down, as authz-service will.
 */
class OrganizationsIT {

    private static final String DENY_S3 = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Deny\\\","
            + "\\\"Action\\\":\\\"s3:*\\\",\\\"Resource\\\":\\\"*\\\"}]}";
    private static final List<ServiceProcess> org = new ArrayList<>();

    @BeforeAll
    static void start() {
        org.add(ServiceProcess.startModule("org-service", "org-a", Map.of()));
        org.add(ServiceProcess.startModule("org-service", "org-b", Map.of()));
    }

    @AfterAll
    static void stop() {
        org.forEach(ServiceProcess::close);
    }

    @Test
    void anOrganizationIsBuiltAndGuardedAsOnAws() {
        String management = Routes.newAccount();
        HttpResponse<String> created = Http.post(url(0, management, ""), "{}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String organizationId = field(created, "id");
        String root = field(created, "rootId");
        assertThat(created.body()).contains("\"managementAccountId\":\"" + management + "\"").contains("\"featureSet\":\"ALL\"");
        assertThat(organizationId).matches("o-[a-z0-9]{10}");
        assertThat(root).matches("r-[a-z0-9]{4}");

        HttpResponse<String> enabled = Http.post(url(1, management, "/roots/" + root + "/policy-types"), "{\"policyType\":\"SERVICE_CONTROL_POLICY\"}");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.body()).contains("{\"type\":\"SERVICE_CONTROL_POLICY\",\"status\":\"ENABLED\"}");

        // Three levels of OUs, each request to either instance
        String engineering = ou(0, management, root, "Engineering");
        String platform = ou(1, management, engineering, "Platform");
        String storage = ou(0, management, platform, "Storage");

        // A created account, and two invited ones: one accepts, one declines
        HttpResponse<String> account = Http.post(url(1, management, "/accounts"), "{\"accountName\":\"dev\",\"email\":\"dev-" + management
                + "@example.com\"}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        assertThat(account.body()).contains("\"state\":\"SUCCEEDED\"");
        String dev = field(account, "accountId");
        String joining = Routes.newAccount();
        String declining = Routes.newAccount();
        String accepted = handshake(0, management, joining);
        String declined = handshake(1, management, declining);
        HttpResponse<String> accept = Http.post(url(1, joining, "/handshakes/" + accepted + "/accept"), "");
        assertThat(accept.statusCode()).as(accept.body()).isEqualTo(200);
        assertThat(accept.body()).contains("\"state\":\"ACCEPTED\"");
        assertThat(Http.post(url(0, declining, "/handshakes/" + declined + "/decline"), "").body()).contains("\"state\":\"DECLINED\"");
        assertThat(Http.get(url(0, joining, ""), null).body()).contains("\"id\":\"" + organizationId + "\"");
        HttpResponse<String> outside = Http.get(url(1, declining, ""), null);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("\"code\":\"AWSOrganizationsNotInUseException\"");
        assertThat(Http.get(url(0, management, "/accounts"), null).body()).contains(management).contains(dev).contains(joining)
                .doesNotContain(declining);

        // An account moves between OUs
        assertThat(move(1, management, joining, root, storage).statusCode()).isEqualTo(204);
        assertThat(move(0, management, joining, storage, platform).statusCode()).isEqualTo(204);
        assertThat(Http.get(url(1, management, "/children/" + joining + "/parents"), null).body())
                .contains("{\"id\":\"" + platform + "\",\"type\":\"ORGANIZATIONAL_UNIT\"}");
        assertThat(Http.get(url(0, management, "/parents/" + platform + "/accounts"), null).body()).contains(joining);

        // An SCP attached at an OU
        HttpResponse<String> policy = Http.post(url(1, management, "/policies"), "{\"type\":\"SERVICE_CONTROL_POLICY\",\"name\":\"DenyS3\","
                + "\"description\":\"No S3\",\"content\":\"" + DENY_S3 + "\"}");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
        String denyS3 = field(policy, "id");
        assertThat(Http.post(url(0, management, "/policies/" + denyS3 + "/targets"), "{\"targetId\":\"" + engineering + "\"}").statusCode())
                .isEqualTo(204);
        assertThat(Http.get(url(1, management, "/targets/" + engineering + "/policies?filter=SERVICE_CONTROL_POLICY"), null).body())
                .contains("\"id\":\"p-FullAWSAccess\"").contains("\"id\":\"" + denyS3 + "\"");

        // The rules
        String level4 = ou(1, management, storage, "L4");
        String level5 = ou(0, management, level4, "L5");
        refused(Http.post(url(1, management, "/organizational-units"), "{\"parentId\":\"" + level5 + "\",\"name\":\"L6\"}"),
                "ConstraintViolationException", "OU_DEPTH_LIMIT_EXCEEDED");
        refused(Http.delete(url(0, management, "/organizational-units/" + storage)), "OrganizationalUnitNotEmptyException", null);
        refused(Http.delete(url(1, management, "/policies/p-FullAWSAccess/targets/" + joining)), "ConstraintViolationException",
                "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
        refused(Http.delete(url(0, management, "/policies/" + denyS3)), "PolicyInUseException", null);
        refused(Http.post(url(1, joining, "/organizational-units"), "{\"parentId\":\"" + root + "\",\"name\":\"Mine\"}"),
                "AccessDeniedException", null);

        // An account in two organizations is refused
        String otherManagement = Routes.newAccount();
        assertThat(Http.post(url(1, otherManagement, ""), "").statusCode()).isEqualTo(201);
        refused(Http.post(url(0, otherManagement, "/handshakes"), "{\"target\":{\"type\":\"ACCOUNT\",\"id\":\"" + joining + "\"}}"),
                "HandshakeConstraintViolationException", "ALREADY_IN_AN_ORGANIZATION");
        refused(Http.post(url(1, joining, ""), "{}"), "AlreadyInOrganizationException", null);

        // What authz-service will read: the joined account's SCP chain from the root down, from the events alone
        assertThat(scpChain(organizationId, joining)).containsExactly(
                List.of("p-FullAWSAccess"), List.of("p-FullAWSAccess", denyS3), List.of("p-FullAWSAccess"), List.of("p-FullAWSAccess"));
    }

    /** Folds the organization's events into parents and SCP attachments, and walks from the root down to the account. */
    private static List<List<String>> scpChain(String organizationId, String accountId) {
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Set<String>> attached = new HashMap<>();
        for (SpecificRecord event : CommittedEvents.of(Topic.ORG_EVENTS, Set.of("000000000000"))) {
            if (!organizationId.equals(event.get(event.getSchema().getField("organizationId").pos()).toString())) {
                continue;
            }
            if (event instanceof OrganizationalUnitCreated e) {
                parentOf.put(e.getOrganizationalUnitId(), e.getParentId());
            } else if (event instanceof AccountJoined e) {
                parentOf.put(e.getAccountId(), e.getParentId());
            } else if (event instanceof AccountMoved e) {
                parentOf.put(e.getAccountId(), e.getDestinationParentId());
            } else if (event instanceof PolicyAttachedToTarget e && "SERVICE_CONTROL_POLICY".equals(e.getPolicyType())) {
                attached.computeIfAbsent(e.getTargetId(), t -> new LinkedHashSet<>()).add(e.getPolicyId());
            } else if (event instanceof PolicyDetachedFromTarget e) {
                attached.getOrDefault(e.getTargetId(), new LinkedHashSet<>()).remove(e.getPolicyId());
            }
        }
        List<List<String>> chain = new ArrayList<>();
        for (String node = accountId; node != null; node = parentOf.get(node)) {
            chain.add(0, List.copyOf(attached.getOrDefault(node, Set.of())));
        }
        return chain;
    }

    private static void refused(HttpResponse<String> response, String code, String reason) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
        if (reason != null) {
            assertThat(response.body()).contains("\"reason\":\"" + reason + "\"");
        }
    }

    private static String ou(int instance, String management, String parentId, String name) {
        HttpResponse<String> created = Http.post(url(instance, management, "/organizational-units"), "{\"parentId\":\"" + parentId
                + "\",\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return field(created, "id");
    }

    private static String handshake(int instance, String management, String target) {
        HttpResponse<String> invited = Http.post(url(instance, management, "/handshakes"), "{\"target\":{\"type\":\"ACCOUNT\",\"id\":\""
                + target + "\"},\"notes\":\"Join us\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(invited.body()).contains("\"state\":\"OPEN\"");
        return field(invited, "id");
    }

    private static HttpResponse<String> move(int instance, String management, String account, String from, String to) {
        return Http.post(url(instance, management, "/accounts/" + account + "/move"), "{\"sourceParentId\":\"" + from
                + "\",\"destinationParentId\":\"" + to + "\"}");
    }

    private static String field(HttpResponse<String> response, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }

    private static String url(int instance, String caller, String path) {
        return org.get(instance).baseUrl() + "/v1/accounts/" + caller + "/organization" + path;
    }
}
