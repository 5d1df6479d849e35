package io.portcullis.authz.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.events.EventEnvelope;
import io.portcullis.events.Tag;
import io.portcullis.events.credential.AccessKeyCreated;
import io.portcullis.events.credential.AccessKeyStatusChanged;
import io.portcullis.events.identity.GroupCreated;
import io.portcullis.events.identity.UserAddedToGroup;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.events.org.AccountCreated;
import io.portcullis.events.org.AccountMoved;
import io.portcullis.events.org.AccountRemoved;
import io.portcullis.events.org.OrganizationCreated;
import io.portcullis.events.org.OrganizationDeleted;
import io.portcullis.events.org.OrganizationPolicyCreated;
import io.portcullis.events.org.OrganizationalUnitCreated;
import io.portcullis.events.org.PolicyAttachedToTarget;
import io.portcullis.events.org.PolicyTypeEnabled;
import io.portcullis.events.policy.GroupPolicyAttached;
import io.portcullis.events.policy.PolicyCreated;
import io.portcullis.events.policy.PolicyVersionCreated;
import io.portcullis.events.policy.UserInlinePolicyPut;
import io.portcullis.events.policy.UserPermissionsBoundarySet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model as an application embeds it: events folded into RocksDB in a temporary folder, decisions asked
 * in-process, no network hop. Each rule of AWS's evaluation the model feeds is exercised with events as the services
 * write them.
 */
class AuthzModelTest {

    private static final String MGMT = "111111111111";
    private static final String MEMBER = "222222222222";
    private static final String BOB = "AIDABOBBOBBOBBOBBOBBO";
    private static final String BOB_ARN = "arn:aws:iam::" + MEMBER + ":user/bob";
    private static final String ORG = "o-aaaaaaaaaa";
    private static final String ROOT = "r-abcd";
    private static final String OU = "ou-abcd-11111111";
    private static final String ALLOW_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S3\",\"Effect\":\"Allow\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    private static final String ALLOW_GET = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"*\"}]}";
    private static final String DENY_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoS3\",\"Effect\":\"Deny\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    private static final String FULL_SCP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";
    private static final String FULL_RCP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    @TempDir
    Path folder;
    private final List<AuthzModel> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(AuthzModel::close);
    }

    private AuthzModel model(String name) {
        AuthzModel model = AuthzModel.open(folder.resolve(name));
        opened.add(model);
        return model;
    }

    private static EventEnvelope envelope(String account, String type) {
        return EventEnvelope.newBuilder().setEventId(UUID.randomUUID().toString()).setEventType(type).setAccountId(account)
                .setAggregateId(account).setAggregateVersion(1).setTime(Instant.EPOCH).setActor("arn:aws:iam::" + account + ":root")
                .setRequestId("r").setCorrelationId(null).setSourceService("test").build();
    }

    private static UserCreated bob() {
        return new UserCreated(envelope(MEMBER, "UserCreated"), BOB, "bob", "/", BOB_ARN, Instant.EPOCH,
                List.of(new Tag("team", "storage")), null);
    }

    private static AuthorizationQuestion ask(String action) {
        return new AuthorizationQuestion(BOB_ARN, null, action, "arn:aws:s3:::bucket/key", null, Map.of());
    }

    private static Authorization.Decided decided(Authorization answer) {
        assertThat(answer).isInstanceOf(Authorization.Decided.class);
        return (Authorization.Decided) answer;
    }

    @Test
    void anInlinePolicyAllowsAndTheAnswerSaysWhichStatement() {
        AuthzModel model = model("m");
        model.apply(List.of(bob(), new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "s3", ALLOW_S3)), Map.of());

        Authorization.Decided allowed = decided(model.authorize(ask("s3:GetObject")));
        assertThat(allowed.decision()).isEqualTo("allowed");
        assertThat(allowed.matchedStatements()).containsExactly(
                new Authorization.Matched("identity", "s3", null, 0, "S3", true, "direct"));
        Authorization.Decided denied = decided(model.authorize(ask("ec2:RunInstances")));
        assertThat(denied.decision()).isEqualTo("implicitDeny");
        assertThat(denied.message()).isEqualTo("User: " + BOB_ARN + " is not authorized to perform: ec2:RunInstances on resource:"
                + " arn:aws:s3:::bucket/key because no identity-based policy allows the ec2:RunInstances action");
    }

    @Test
    void aPolicyThatArrivesBeforeItsUserIsKept() {
        // The policy and identity topics are read independently: policy-service's event may come first.
        AuthzModel model = model("m");
        model.apply(List.of(new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "s3", ALLOW_S3)), Map.of());
        assertThat(model.authorize(ask("s3:GetObject"))).isInstanceOf(Authorization.PrincipalNotFound.class);
        model.apply(List.of(bob()), Map.of());
        assertThat(decided(model.authorize(ask("s3:GetObject"))).isAllowed()).isTrue();
    }

    @Test
    void aGroupsManagedPolicyCountsAtItsDefaultVersion() {
        AuthzModel model = model("m");
        String arn = "arn:aws:iam::" + MEMBER + ":policy/S3";
        model.apply(List.of(bob(), new GroupCreated(envelope(MEMBER, "GroupCreated"), "AGPADEVSDEVSDEVSDEVSD", "Devs", "/",
                        "arn:aws:iam::" + MEMBER + ":group/Devs", Instant.EPOCH),
                new UserAddedToGroup(envelope(MEMBER, "UserAddedToGroup"), "AGPADEVSDEVSDEVSDEVSD", "Devs", BOB, "bob"),
                new PolicyCreated(envelope(MEMBER, "PolicyCreated"), "ANPAS3S3S3S3S3S3S3S3S", "S3", "/", arn, null, ALLOW_S3, "v1",
                        Instant.EPOCH, List.of()),
                new GroupPolicyAttached(envelope(MEMBER, "GroupPolicyAttached"), "AGPADEVSDEVSDEVSDEVSD", "Devs", arn)), Map.of());
        assertThat(decided(model.authorize(ask("s3:PutObject"))).matchedStatements())
                .containsExactly(new Authorization.Matched("identity", arn, "v1", 0, "S3", true, "group Devs"));

        model.apply(List.of(new PolicyVersionCreated(envelope(MEMBER, "PolicyVersionCreated"), "ANPAS3S3S3S3S3S3S3S3S", arn, "v2", DENY_S3,
                true, Instant.EPOCH)), Map.of());
        Authorization.Decided denied = decided(model.authorize(ask("s3:PutObject")));
        assertThat(denied.decision()).isEqualTo("explicitDeny");
        assertThat(denied.blockedBy()).isEqualTo("identity");
        assertThat(denied.message()).endsWith("with an explicit deny in an identity-based policy");
    }

    @Test
    void aPermissionsBoundaryNarrowsWhatTheIdentityPoliciesAllow() {
        AuthzModel model = model("m");
        String readOnly = "arn:aws:iam::" + MEMBER + ":policy/ReadOnly";
        model.apply(List.of(bob(), new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "s3", ALLOW_S3),
                new PolicyCreated(envelope(MEMBER, "PolicyCreated"), "ANPAREADREADREADREADR", "ReadOnly", "/", readOnly, null, ALLOW_GET,
                        "v1", Instant.EPOCH, List.of()),
                new UserPermissionsBoundarySet(envelope(MEMBER, "UserPermissionsBoundarySet"), BOB, "bob", readOnly)), Map.of());
        assertThat(decided(model.authorize(ask("s3:GetObject"))).isAllowed()).isTrue();
        Authorization.Decided denied = decided(model.authorize(ask("s3:PutObject")));
        assertThat(denied.blockedBy()).isEqualTo("boundary");
        assertThat(denied.message()).endsWith("because no permissions boundary allows the s3:PutObject action");
    }

    @Test
    void effectivePermissionsListEveryPolicyInForceAndWhereItComesFrom() {
        AuthzModel model = model("m");
        List<SpecificRecord> events = new ArrayList<>(organization(DENY_S3, null));
        String arn = "arn:aws:iam::" + MEMBER + ":policy/ReadOnly";
        events.addAll(List.of(bob(), new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "s3", ALLOW_S3),
                new GroupCreated(envelope(MEMBER, "GroupCreated"), "AGPADEVSDEVSDEVSDEVSD", "Devs", "/", "arn:aws:iam::" + MEMBER + ":group/Devs",
                        Instant.EPOCH),
                new UserAddedToGroup(envelope(MEMBER, "UserAddedToGroup"), "AGPADEVSDEVSDEVSDEVSD", "Devs", BOB, "bob"),
                new PolicyCreated(envelope(MEMBER, "PolicyCreated"), "ANPAREADREADREADREADR", "ReadOnly", "/", arn, null, ALLOW_GET, "v1",
                        Instant.EPOCH, List.of()),
                new GroupPolicyAttached(envelope(MEMBER, "GroupPolicyAttached"), "AGPADEVSDEVSDEVSDEVSD", "Devs", arn),
                new UserPermissionsBoundarySet(envelope(MEMBER, "UserPermissionsBoundarySet"), BOB, "bob", arn)));
        model.apply(events, Map.of());

        EffectivePermissions effective = model.effectivePermissions(MEMBER, "BOB").orElseThrow();
        assertThat(effective.principalArn()).isEqualTo(BOB_ARN);
        assertThat(effective.identity()).containsExactly(new PolicyInForce("identity", "s3", null, "direct", ALLOW_S3),
                new PolicyInForce("identity", arn, "v1", "group Devs", ALLOW_GET));
        assertThat(effective.boundary()).isEqualTo(new PolicyInForce("boundary", arn, "v1", "boundary", ALLOW_GET));
        assertThat(effective.serviceControlPolicies()).hasSize(3);
        assertThat(effective.serviceControlPolicies().get(1)).extracting(PolicyInForce::policy).containsExactly("p-FullAWSAccess", "p-ouscp0001");
        assertThat(effective.managementAccount()).isFalse();
        assertThat(model.effectivePermissions(MEMBER, "nobody")).isEmpty();
    }

    @Test
    void simulationsAddPoliciesToAStoredUserOrDecideOnTheDocumentsAlone() {
        AuthzModel model = model("m");
        model.apply(List.of(bob(), new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "get", ALLOW_GET)), Map.of());

        // SimulatePrincipalPolicy: the stored policies, plus a deny given for the simulation only
        List<SimulationResult> principal = model.simulate(new Simulation(BOB_ARN, null, List.of(DENY_S3), null,
                List.of("s3:GetObject", "s3:PutObject"), List.of("*"), null, Map.of())).orElseThrow();
        assertThat(principal).extracting(r -> r.decision().decision()).containsExactly("explicitDeny", "explicitDeny");
        assertThat(principal.get(0).decision().matchedStatements()).contains(
                new Authorization.Matched("identity", "policyInputList[0]", null, 0, "NoS3", false, "simulation"));
        // Without the extra policy, the stored one decides; with another boundary, the boundary narrows
        assertThat(model.simulate(new Simulation(BOB_ARN, null, List.of(), ALLOW_S3.replace("s3:*", "s3:PutObject"),
                List.of("s3:GetObject"), List.of("*"), null, Map.of())).orElseThrow().get(0).decision().blockedBy()).isEqualTo("boundary");
        // SimulateCustomPolicy: the documents alone
        List<SimulationResult> custom = model.simulate(new Simulation(null, null, List.of(ALLOW_GET), null, List.of("s3:GetObject",
                "s3:DeleteObject"), List.of("arn:aws:s3:::b/k"), null, Map.of())).orElseThrow();
        assertThat(custom).extracting(r -> r.evalActionName() + "=" + r.decision().decision())
                .containsExactly("s3:GetObject=allowed", "s3:DeleteObject=implicitDeny");
        assertThat(model.simulate(new Simulation("arn:aws:iam::" + MEMBER + ":user/nobody", null, List.of(), null, List.of("s3:GetObject"),
                List.of("*"), null, Map.of()))).isEmpty();
    }

    @Test
    void aBatchIsDecidedOnOneSnapshot() {
        AuthzModel model = model("m");
        model.apply(List.of(bob(), new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "get", ALLOW_GET)), Map.of());
        List<Authorization> answers = model.authorizeAll(List.of(ask("s3:GetObject"), ask("s3:PutObject"),
                AuthorizationQuestion.of("arn:aws:iam::" + MEMBER + ":user/nobody", "s3:GetObject", "*")));
        assertThat(answers).hasSize(3);
        assertThat(decided(answers.get(0)).isAllowed()).isTrue();
        assertThat(decided(answers.get(1)).decision()).isEqualTo("implicitDeny");
        assertThat(answers.get(2)).isInstanceOf(Authorization.PrincipalNotFound.class);
    }

    @Test
    void theCallerCannotClaimToBeSomeoneElseThroughTheContext() {
        AuthzModel model = model("m");
        String onlyMallory = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:username\":\"mallory\"}}}]}";
        model.apply(List.of(bob(), new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "m", onlyMallory)), Map.of());
        AuthorizationQuestion claimed = new AuthorizationQuestion(BOB_ARN, null, "s3:GetObject", "*", null,
                Map.of("aws:username", List.of("mallory"), "aws:PrincipalTag/team", List.of("admins")));
        assertThat(decided(model.authorize(claimed)).decision()).isEqualTo("implicitDeny");
    }

    @Test
    void theRequestsTimeIsTheModelsClockNeverTheCallersExceptInASimulation() {
        AuthzModel model = AuthzModel.open(folder.resolve("clock"), AuthzModel.DEFAULT_POLICY_CACHE,
                Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));
        opened.add(model);
        String untilNewYear = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2027-01-01T00:00:00Z\"},"
                + "\"NumericGreaterThan\":{\"aws:EpochTime\":\"1795000000\"}}}]}";
        model.apply(List.of(bob(), new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "until", untilNewYear)),
                Map.of());

        assertThat(decided(model.authorize(ask("s3:GetObject"))).isAllowed()).isTrue();
        // A caller claiming another time is not believed
        AuthorizationQuestion claimed = new AuthorizationQuestion(BOB_ARN, null, "s3:GetObject", "*", null,
                Map.of("aws:CurrentTime", List.of("2030-01-01T00:00:00Z"), "aws:epochtime", List.of("1")));
        assertThat(decided(model.authorize(claimed)).isAllowed()).isTrue();
        // A simulation asks "what if", as AWS's simulator does: the time it is given counts
        Simulation later = new Simulation(BOB_ARN, null, List.of(), null, List.of("s3:GetObject"), List.of("*"), null,
                Map.of("aws:CurrentTime", List.of("2030-01-01T00:00:00Z")));
        assertThat(model.simulate(later).orElseThrow()).singleElement()
                .satisfies(result -> assertThat(result.decision().decision()).isEqualTo("implicitDeny"));
    }

    /** An organization with SCPs and RCPs enabled: MGMT manages it, MEMBER sits in OU under the root. */
    private static List<SpecificRecord> organization(String ouScp, String ouRcp) {
        List<SpecificRecord> events = new ArrayList<>(List.of(
                new OrganizationCreated(envelope("000000000000", "OrganizationCreated"), ORG, "arn", "ALL", MGMT, "arn", ROOT, "arn",
                        Instant.EPOCH),
                new PolicyTypeEnabled(envelope("000000000000", "PolicyTypeEnabled"), ORG, ROOT, "SERVICE_CONTROL_POLICY", "p-FullAWSAccess",
                        "arn", FULL_SCP),
                new PolicyTypeEnabled(envelope("000000000000", "PolicyTypeEnabled"), ORG, ROOT, "RESOURCE_CONTROL_POLICY",
                        "p-RCPFullAWSAccess", "arn", FULL_RCP),
                new OrganizationalUnitCreated(envelope("000000000000", "OrganizationalUnitCreated"), ORG, OU, "arn", "Eng", ROOT),
                new AccountCreated(envelope("000000000000", "AccountCreated"), ORG, MEMBER, "arn", "member", "m@example.com", ROOT,
                        "car-1", Instant.EPOCH)));
        for (String target : List.of(ROOT, OU, MGMT)) {
            events.add(attached("p-FullAWSAccess", "SERVICE_CONTROL_POLICY", target));
            events.add(attached("p-RCPFullAWSAccess", "RESOURCE_CONTROL_POLICY", target));
        }
        events.add(new AccountMoved(envelope("000000000000", "AccountMoved"), ORG, MEMBER, ROOT, OU));
        events.add(attached("p-FullAWSAccess", "SERVICE_CONTROL_POLICY", MEMBER));
        events.add(attached("p-RCPFullAWSAccess", "RESOURCE_CONTROL_POLICY", MEMBER));
        if (ouScp != null) {
            events.add(new OrganizationPolicyCreated(envelope("000000000000", "OrganizationPolicyCreated"), ORG, "p-ouscp0001", "arn",
                    "SERVICE_CONTROL_POLICY", "OuScp", "", ouScp));
            events.add(attached("p-ouscp0001", "SERVICE_CONTROL_POLICY", OU));
        }
        if (ouRcp != null) {
            events.add(new OrganizationPolicyCreated(envelope("000000000000", "OrganizationPolicyCreated"), ORG, "p-ourcp0001", "arn",
                    "RESOURCE_CONTROL_POLICY", "OuRcp", "", ouRcp));
            events.add(attached("p-ourcp0001", "RESOURCE_CONTROL_POLICY", OU));
        }
        return events;
    }

    private static PolicyAttachedToTarget attached(String policy, String type, String target) {
        return new PolicyAttachedToTarget(envelope("000000000000", "PolicyAttachedToTarget"), ORG, policy, type, target,
                target.startsWith("r-") ? "ROOT" : target.startsWith("ou-") ? "ORGANIZATIONAL_UNIT" : "ACCOUNT");
    }

    @Test
    void anScpAtTheAccountsOuDeniesWhatItsIdentityPoliciesAllowAndTheExplanationNamesTheOu() {
        AuthzModel model = model("m");
        List<SpecificRecord> events = new ArrayList<>(organization(DENY_S3, null));
        events.add(bob());
        events.add(new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "s3", ALLOW_S3));
        model.apply(events, Map.of());

        Authorization.Decided denied = decided(model.authorize(ask("s3:GetObject")));
        assertThat(denied.decision()).isEqualTo("explicitDeny");
        assertThat(denied.blockedBy()).isEqualTo("scp");
        assertThat(denied.matchedStatements()).contains(new Authorization.Matched("scp", "p-ouscp0001", null, 0, "NoS3", false, "scp " + OU));
        assertThat(denied.message()).endsWith("with an explicit deny in a service control policy");
    }

    @Test
    void anRcpOnTheResourcesAccountNarrowsAndTheManagementAccountIsExemptFromBoth() {
        String rcpDeny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}]}";
        AuthzModel model = model("m");
        String carol = "AIDACAROLCAROLCAROLCA";
        String carolArn = "arn:aws:iam::" + MGMT + ":user/carol";
        List<SpecificRecord> events = new ArrayList<>(organization(DENY_S3, rcpDeny));
        events.add(new UserCreated(envelope(MGMT, "UserCreated"), carol, "carol", "/", carolArn, Instant.EPOCH, List.of(), null));
        events.add(new UserInlinePolicyPut(envelope(MGMT, "UserInlinePolicyPut"), carol, "carol", "s3", ALLOW_S3));
        model.apply(events, Map.of());

        // In the management account: neither the SCP (principal's account) nor the RCP (resource's account) applies
        AuthorizationQuestion own = new AuthorizationQuestion(carolArn, null, "s3:GetObject", "arn:aws:s3:::b/k", MGMT, Map.of());
        assertThat(decided(model.authorize(own)).isAllowed()).isTrue();
        // A resource in the member account: the RCP of its OU denies
        AuthorizationQuestion member = new AuthorizationQuestion(carolArn, null, "s3:GetObject", "arn:aws:s3:::b/k", MEMBER, Map.of());
        Authorization.Decided denied = decided(model.authorize(member));
        assertThat(denied.blockedBy()).isEqualTo("rcp");
        assertThat(denied.message()).endsWith("with an explicit deny in a resource control policy");
    }

    @Test
    void theDataPerimeterRcpLetsInPrincipalsOfTheOrganizationOnlyWhoseOrgIdAndPathComeFromTheModel() {
        // AWS's data perimeter: deny S3 on the organization's resources to principals from outside it
        String perimeter = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Perimeter\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringNotEqualsIfExists\":{\"aws:PrincipalOrgID\":\"" + ORG
                + "\"}}}]}";
        String onlyTheOu = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringLike\":{\"aws:PrincipalOrgPaths\":\"" + ORG + "/" + ROOT + "/" + OU + "/*\"}}}]}";
        AuthzModel model = model("m");
        String outsider = "999988887777";
        String dan = "AIDADANDANDANDANDANDA";
        List<SpecificRecord> events = new ArrayList<>(organization(null, perimeter));
        events.add(bob());
        events.add(new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "s3", onlyTheOu));
        events.add(new UserCreated(envelope(outsider, "UserCreated"), dan, "dan", "/", "arn:aws:iam::" + outsider + ":user/dan", Instant.EPOCH,
                List.of(), null));
        events.add(new UserInlinePolicyPut(envelope(outsider, "UserInlinePolicyPut"), dan, "dan", "s3", ALLOW_S3));
        model.apply(events, Map.of());

        // bob, in the member account under the OU: the perimeter lets him in, his OU path matches his own policy
        assertThat(decided(model.authorize(new AuthorizationQuestion(BOB_ARN, null, "s3:GetObject", "arn:aws:s3:::b/k", MEMBER,
                Map.of("aws:PrincipalOrgID", List.of("o-claimed0000"))))).isAllowed()).isTrue();
        // dan, in an account outside any organization, on a resource of the member account: the perimeter denies,
        // and claiming the organization's id in the context changes nothing
        Authorization.Decided denied = decided(model.authorize(new AuthorizationQuestion("arn:aws:iam::" + outsider + ":user/dan", null,
                "s3:GetObject", "arn:aws:s3:::b/k", MEMBER, Map.of("aws:PrincipalOrgID", List.of(ORG)))));
        assertThat(denied.decision()).isEqualTo("explicitDeny");
        assertThat(denied.blockedBy()).isEqualTo("rcp");
        // and on his own account's resource, where no RCP applies, his own policy allows
        assertThat(decided(model.authorize(new AuthorizationQuestion("arn:aws:iam::" + outsider + ":user/dan", null, "s3:GetObject",
                "arn:aws:s3:::b/k", null, Map.of()))).isAllowed()).isTrue();
    }

    @Test
    void anActiveAccessKeyNamesItsUserAndAnInactiveOneNobody() {
        AuthzModel model = model("m");
        model.apply(List.of(bob(), new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "s3", ALLOW_S3),
                new AccessKeyCreated(envelope(MEMBER, "AccessKeyCreated"), BOB, "bob", "AKIAAAAAAAAAAAAAAAAA", "k:n:c", "Active",
                        Instant.EPOCH)), Map.of());
        AuthorizationQuestion byKey = new AuthorizationQuestion(null, "AKIAAAAAAAAAAAAAAAAA", "s3:GetObject", "*", null, Map.of());
        assertThat(decided(model.authorize(byKey)).principalArn()).isEqualTo(BOB_ARN);
        model.apply(List.of(new AccessKeyStatusChanged(envelope(MEMBER, "AccessKeyStatusChanged"), BOB, "bob", "AKIAAAAAAAAAAAAAAAAA",
                "Inactive")), Map.of());
        assertThat(model.authorize(byKey)).isInstanceOf(Authorization.PrincipalNotFound.class);
        assertThat(model.authorize(AuthorizationQuestion.of("arn:aws:iam::" + MEMBER + ":user/nobody", "s3:GetObject", "*")))
                .isInstanceOf(Authorization.PrincipalNotFound.class);
    }

    @Test
    void aDeletedOrganizationLeavesNothingBehindInTheModel() {
        List<SpecificRecord> events = new ArrayList<>(organization(DENY_S3, ALLOW_S3.replace("\"Action\"", "\"Principal\":\"*\",\"Action\"")));
        events.add(bob());
        events.add(new AccountRemoved(envelope("000000000000", "AccountRemoved"), ORG, MEMBER, OU, false));
        events.add(new OrganizationDeleted(envelope("000000000000", "OrganizationDeleted"), ORG, MGMT));
        AuthzModel deleted = model("deleted");
        deleted.apply(events, Map.of());
        AuthzModel never = model("never");
        never.apply(List.of(bob()), Map.of());

        assertThat(deleted.digest()).isEqualTo(never.digest());
        assertThat(decided(deleted.authorize(ask("s3:GetObject"))).decision()).isEqualTo("implicitDeny");
    }

    @Test
    void theSameEventsGiveTheSameDigestAnywhereAndTheOffsetsSurviveAReopen() {
        List<SpecificRecord> events = new ArrayList<>(organization(DENY_S3, null));
        events.add(bob());
        events.add(new UserInlinePolicyPut(envelope(MEMBER, "UserInlinePolicyPut"), BOB, "bob", "s3", ALLOW_S3));
        AuthzModel first = model("first");
        first.apply(events.subList(0, 5), Map.of("portcullis.org.events/0", 5L));
        first.apply(events.subList(5, events.size()), Map.of("portcullis.org.events/0", 17L, "portcullis.identity.events/3", 2L));
        AuthzModel second = model("second");
        second.apply(events, Map.of("portcullis.org.events/0", 17L, "portcullis.identity.events/3", 2L));

        assertThat(first.digest()).isEqualTo(second.digest());
        AuthzModel third = model("third");
        third.apply(events.subList(0, events.size() - 1), Map.of("portcullis.org.events/0", 17L, "portcullis.identity.events/3", 1L));
        assertThat(third.digest()).isNotEqualTo(first.digest());

        String digest = first.digest();
        first.close();
        opened.remove(first);
        AuthzModel reopened = AuthzModel.open(folder.resolve("first"));
        opened.add(reopened);
        assertThat(reopened.offsets()).containsEntry("portcullis.org.events/0", 17L).containsEntry("portcullis.identity.events/3", 2L);
        assertThat(reopened.digest()).isEqualTo(digest);
        assertThat(decided(reopened.authorize(ask("s3:GetObject"))).blockedBy()).isEqualTo("scp");
    }
}
