package io.portcullis.authz.model.bench;

import io.portcullis.authz.model.AuthorizationQuestion;
import io.portcullis.events.EventEnvelope;
import io.portcullis.events.Tag;
import io.portcullis.events.identity.GroupCreated;
import io.portcullis.events.identity.UserAddedToGroup;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.events.org.AccountCreated;
import io.portcullis.events.org.AccountMoved;
import io.portcullis.events.org.OrganizationCreated;
import io.portcullis.events.org.OrganizationPolicyCreated;
import io.portcullis.events.org.OrganizationalUnitCreated;
import io.portcullis.events.org.PolicyAttachedToTarget;
import io.portcullis.events.org.PolicyTypeEnabled;
import io.portcullis.events.policy.GroupPolicyAttached;
import io.portcullis.events.policy.PolicyCreated;
import io.portcullis.events.policy.UserInlinePolicyPut;
import io.portcullis.events.policy.UserPermissionsBoundarySet;
import io.portcullis.events.policy.UserPolicyAttached;
import io.portcullis.policylang.compile.PolicyCompiler;
import io.portcullis.policylang.evaluate.AuthorizationRequest;
import io.portcullis.policylang.evaluate.PolicySet;
import io.portcullis.policylang.evaluate.PrincipalOrganization;
import io.portcullis.policylang.validate.PolicyKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * One user as a mid-sized AWS estate holds them: 4 inline policies, 3 customer managed policies attached to the user
 * and 3 through a group, 10 statements each (most of them about other services and resources), a permissions
 * boundary, and an organization with service control policies at the root, the user's OU (FullAWSAccess and a
 * region lock) and its account. The same policies are given as events, for the model, and as a compiled
 * {@link PolicySet} in the order the model gathers them, for the policy library alone, so both decide exactly the same
 * question.
 */
public final class PreparedPrincipal {

    static final String MANAGEMENT = "111111111111";
    static final String MEMBER = "222222222222";
    static final String ORG = "o-benchbench1";
    static final String ROOT = "r-bnch";
    static final String OU = "ou-bnch-22222222";
    static final String USER_ID = "AIDABENCHBENCHBENCHBE";
    static final String USER_ARN = "arn:aws:iam::" + MEMBER + ":user/alice";
    static final String GROUP_ID = "AGPABENCHBENCHBENCHBE";
    static final Map<String, String> TAGS = Map.of("team", "blue", "cost-center", "4711");

    private static final String[] SERVICES = {"s3", "ec2", "dynamodb", "sqs", "sns", "lambda", "kms", "logs", "ssm", "cloudwatch"};
    private static final String[] VERBS = {"Get", "List", "Describe", "Put", "Create", "Update", "Tag", "Start", "Send", "Delete"};
    private static final String FULL_AWS_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";
    private static final String REGION_LOCK = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"RegionLock\",\"Effect\":\"Deny\","
            + "\"NotAction\":[\"iam:*\",\"organizations:*\",\"sts:*\",\"support:*\"],\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":"
            + "{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\"]}}},{\"Sid\":\"KeepTrail\",\"Effect\":\"Deny\",\"Action\":"
            + "[\"cloudtrail:StopLogging\",\"cloudtrail:DeleteTrail\"],\"Resource\":\"*\"}]}";
    private static final String BOUNDARY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Workloads\",\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:*\",\"ec2:*\",\"dynamodb:*\",\"sqs:*\",\"sns:*\",\"lambda:*\",\"logs:*\",\"kms:Decrypt\"],\"Resource\":\"*\"},"
            + "{\"Sid\":\"NoPlainText\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":"
            + "{\"aws:SecureTransport\":\"false\"}}}]}";

    /** Allowed by the eighth statement of the group's last managed policy: every policy before it is looked at. */
    public final AuthorizationQuestion allowed = question("s3:GetObject", "arn:aws:s3:::team-blue-reports/2024/q3.csv", "eu-west-1");
    /** No identity policy names sqs:DeleteQueue on this queue: AWS's implicit deny, after every statement is looked at. */
    public final AuthorizationQuestion implicitlyDenied = question("sqs:DeleteQueue",
            "arn:aws:sqs:eu-west-1:" + MEMBER + ":orders", "eu-west-1");
    /** Allowed by the identity policies, denied by the OU's region lock. */
    public final AuthorizationQuestion deniedByScp = question("s3:GetObject", "arn:aws:s3:::team-blue-reports/2024/q3.csv", "us-east-1");

    private final List<String> inline = new ArrayList<>();
    private final List<String> direct = new ArrayList<>();
    private final List<String> throughGroup = new ArrayList<>();

    public PreparedPrincipal() {
        for (int p = 0; p < 10; p++) {
            List<String> statements = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                statements.add(p == 9 && s == 7 ? theOneThatAllows() : p < 4 ? compactStatement(p, s) : statement(p, s));
            }
            String document = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
            (p < 4 ? inline : p < 7 ? direct : throughGroup).add(document);
        }
    }

    private static AuthorizationQuestion question(String action, String resource, String region) {
        return new AuthorizationQuestion(USER_ARN, null, action, resource, null, context(region));
    }

    private static Map<String, List<String>> context(String region) {
        return Map.of("aws:SourceIp", List.of("10.20.30.40"), "aws:SecureTransport", List.of("true"),
                "aws:MultiFactorAuthPresent", List.of("true"), "aws:RequestedRegion", List.of(region),
                "aws:CurrentTime", List.of("2025-06-02T10:15:00Z"));
    }

    /** The same question as the policy library receives it from the model: the principal's keys come from the model. */
    public AuthorizationRequest request(AuthorizationQuestion question) {
        return new AuthorizationRequest(USER_ARN, TAGS, question.action(), question.resource(), "", question.context(), USER_ID,
                new PrincipalOrganization(ORG, ORG + "/" + ROOT + "/" + OU + "/"));
    }

    /**
     * Statement {@code s} of policy {@code p}: two action patterns of a service, resources of the member account named
     * after the policy, and conditions on tags, addresses, transport or MFA, so that matching it costs what it costs
     * in a real policy although the benchmark's questions rarely fall under it.
     */
    private static String statement(int p, int s) {
        String service = SERVICES[(p * 3 + s) % SERVICES.length];
        String effect = s == 9 ? "Deny" : "Allow";
        String resource = service.equals("s3") ? "[\"arn:aws:s3:::team-" + p + "-" + s + "-*\",\"arn:aws:s3:::team-" + p + "-" + s + "-*/*\"]"
                : "\"arn:aws:" + service + ":*:" + MEMBER + ":*team-" + p + "-" + s + "*\"";
        String condition = switch (s % 3) {
            case 0 -> "{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"red\",\"green\"]},\"IpAddress\":{\"aws:SourceIp\":"
                    + "[\"10.0.0.0/8\",\"172.16.0.0/12\"]}}";
            case 1 -> "{\"StringLike\":{\"aws:ResourceTag/project\":[\"apollo-*\",\"gemini-*\"]},\"Bool\":{\"aws:SecureTransport\":\"true\"}}";
            default -> "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2024-01-01T00:00:00Z\"},\"StringEqualsIfExists\":"
                    + "{\"aws:RequestedRegion\":\"eu-west-1\"}}";
        };
        if (s == 9) {
            condition = "{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}";
        }
        return "{\"Sid\":\"P" + p + "S" + s + "\",\"Effect\":\"" + effect + "\",\"Action\":[\"" + service + ":" + VERBS[s] + "*\",\"" + service
                + ":" + VERBS[(s + 3) % VERBS.length] + "Resource\"],\"Resource\":" + resource + ",\"Condition\":" + condition + "}";
    }

    /**
     * A statement of an inline policy: IAM allows a user's inline policies 2,048 characters in all, so ten statements
     * there are short ones (one action pattern, one condition).
     */
    private static String compactStatement(int p, int s) {
        String service = SERVICES[(p * 3 + s) % SERVICES.length];
        String condition = s % 2 == 0 ? "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}" : "{\"IpAddress\":{\"aws:SourceIp\":\"192.168.0.0/16\"}}";
        return "{\"Effect\":\"" + (s == 9 ? "Deny" : "Allow") + "\",\"Action\":\"" + service + ":" + VERBS[s] + "*\",\"Resource\":\"arn:aws:"
                + service + ":*:" + MEMBER + ":i" + p + s + "*\",\"Condition\":" + condition + "}";
    }

    private static String theOneThatAllows() {
        return "{\"Sid\":\"TeamReports\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":"
                + "[\"arn:aws:s3:::team-${aws:PrincipalTag/team}-reports\",\"arn:aws:s3:::team-${aws:PrincipalTag/team}-reports/*\"],"
                + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},\"Bool\":{\"aws:SecureTransport\":\"true\"}}}";
    }

    private static String policyArn(String name) {
        return "arn:aws:iam::" + MEMBER + ":policy/" + name;
    }

    /** Everything the model needs for the principal, as the services write it. */
    public List<SpecificRecord> events() {
        List<SpecificRecord> events = new ArrayList<>(organization());
        events.add(new UserCreated(envelope(MEMBER, "UserCreated"), USER_ID, "alice", "/", USER_ARN, Instant.EPOCH,
                TAGS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(t -> new Tag(t.getKey(), t.getValue())).toList(), null));
        for (int i = 0; i < inline.size(); i++) {
            events.add(new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), USER_ID, "alice", "inline-" + i, inline.get(i)));
        }
        for (int i = 0; i < direct.size(); i++) {
            events.add(created("Direct" + i, direct.get(i)));
            events.add(new UserPolicyAttached(envelope(MEMBER, "UserPolicyAttached"), USER_ID, "alice", policyArn("Direct" + i)));
        }
        events.add(new GroupCreated(envelope(MEMBER, "GroupCreated"), GROUP_ID, "Analysts", "/", "arn:aws:iam::" + MEMBER + ":group/Analysts",
                Instant.EPOCH));
        events.add(new UserAddedToGroup(envelope(MEMBER, "UserAddedToGroup"), GROUP_ID, "Analysts", USER_ID, "alice"));
        for (int i = 0; i < throughGroup.size(); i++) {
            events.add(created("Group" + i, throughGroup.get(i)));
            events.add(new GroupPolicyAttached(envelope(MEMBER, "GroupPolicyAttached"), GROUP_ID, "Analysts", policyArn("Group" + i)));
        }
        events.add(created("Boundary", BOUNDARY));
        events.add(new UserPermissionsBoundarySet(envelope(MEMBER, "UserPermissionsBoundarySet"), USER_ID, "alice", policyArn("Boundary")));
        return events;
    }

    private static PolicyCreated created(String name, String document) {
        return new PolicyCreated(envelope(MEMBER, "PolicyCreated"), "ANPA" + name.toUpperCase(java.util.Locale.ROOT), name, "/",
                policyArn(name), null, document, "v1", Instant.EPOCH, List.of());
    }

    private static List<SpecificRecord> organization() {
        List<SpecificRecord> events = new ArrayList<>(List.of(
                new OrganizationCreated(envelope(MANAGEMENT, "OrganizationCreated"), ORG, "arn", "ALL", MANAGEMENT, "arn", ROOT, "arn",
                        Instant.EPOCH),
                new PolicyTypeEnabled(envelope(MANAGEMENT, "PolicyTypeEnabled"), ORG, ROOT, "SERVICE_CONTROL_POLICY", "p-FullAWSAccess",
                        "arn", FULL_AWS_ACCESS),
                new OrganizationalUnitCreated(envelope(MANAGEMENT, "OrganizationalUnitCreated"), ORG, OU, "arn", "Workloads", ROOT),
                new AccountCreated(envelope(MANAGEMENT, "AccountCreated"), ORG, MEMBER, "arn", "analytics", "a@example.com", ROOT, "car-1",
                        Instant.EPOCH),
                new OrganizationPolicyCreated(envelope(MANAGEMENT, "OrganizationPolicyCreated"), ORG, "p-regionlock1", "arn",
                        "SERVICE_CONTROL_POLICY", "RegionLock", "", REGION_LOCK)));
        for (String target : List.of(ROOT, OU, MANAGEMENT)) {
            events.add(attached("p-FullAWSAccess", target));
        }
        events.add(new AccountMoved(envelope(MANAGEMENT, "AccountMoved"), ORG, MEMBER, ROOT, OU));
        events.add(attached("p-FullAWSAccess", MEMBER));
        events.add(attached("p-regionlock1", OU));
        return events;
    }

    private static PolicyAttachedToTarget attached(String policy, String target) {
        return new PolicyAttachedToTarget(envelope(MANAGEMENT, "PolicyAttachedToTarget"), ORG, policy, "SERVICE_CONTROL_POLICY", target,
                target.startsWith("r-") ? "ROOT" : target.startsWith("ou-") ? "ORGANIZATIONAL_UNIT" : "ACCOUNT");
    }

    private static EventEnvelope envelope(String account, String type) {
        return EventEnvelope.newBuilder().setEventId(UUID.randomUUID().toString()).setEventType(type).setAccountId(account)
                .setAggregateId(account).setAggregateVersion(1).setTime(Instant.EPOCH).setActor("arn:aws:iam::" + account + ":root")
                .setRequestId("bench").setCorrelationId(null).setSourceService("bench").build();
    }

    /** The compiled policies in the order the model gathers them: inline by name, attached, then the group's. */
    public PolicySet compiled() {
        List<io.portcullis.policylang.compile.CompiledPolicy> identity = new ArrayList<>();
        inline.forEach(d -> identity.add(PolicyCompiler.compile(d, PolicyKind.INLINE_USER)));
        direct.forEach(d -> identity.add(PolicyCompiler.compile(d, PolicyKind.MANAGED)));
        throughGroup.forEach(d -> identity.add(PolicyCompiler.compile(d, PolicyKind.MANAGED)));
        var full = PolicyCompiler.compile(FULL_AWS_ACCESS, PolicyKind.SERVICE_CONTROL_POLICY);
        var regionLock = PolicyCompiler.compile(REGION_LOCK, PolicyKind.SERVICE_CONTROL_POLICY);
        return new PolicySet(identity, PolicyCompiler.compile(BOUNDARY, PolicyKind.PERMISSIONS_BOUNDARY),
                List.of(List.of(full), List.of(full, regionLock), List.of(full)), List.of(), null, null, Set.of(MANAGEMENT));
    }
}
