package io.portcullis.policylang.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.compile.PolicyCompiler;
import io.portcullis.policylang.validate.PolicyKind;
import io.portcullis.policylang.validate.PolicyType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    private static final AuthorizationRequest READ = new AuthorizationRequest(
            "arn:aws:iam::111122223333:user/alice", Map.of(), "s3:GetObject", "arn:aws:s3:::data/file", "", Map.of());
    private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"All\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
    private static final String BROKEN = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringEqulas\":{\"k\":\"v\"}}}}";

    @Test
    void anInvalidIdentityPolicyNeverGrantsAndDeniesExplicitly() {
        // Given
        PolicySet policies = PolicySet.identityOnly(List.of(
                PolicyCompiler.compile(ALLOW_ALL, PolicyKind.MANAGED),
                PolicyCompiler.compile(BROKEN, PolicyKind.MANAGED)));

        // When
        Decision decision = PolicyEvaluator.decide(policies, READ);

        // Then
        assertThat(decision).isInstanceOf(Decision.ExplicitDeny.class);
        assertThat(decision.blockedBy()).contains(PolicyType.IDENTITY);
        assertThat(decision.matchedStatements()).contains(new MatchedStatement(PolicyType.IDENTITY, -1, 1, -1, "", false));
    }

    @Test
    void anInvalidScpOrBoundaryAlsoFailsClosed() {
        // Given
        String brokenScp = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}";
        CompiledPolicy scp = PolicyCompiler.compile(brokenScp, PolicyKind.SERVICE_CONTROL_POLICY);
        CompiledPolicy boundary = PolicyCompiler.compile("not json", PolicyKind.PERMISSIONS_BOUNDARY);
        CompiledPolicy identity = PolicyCompiler.compile(ALLOW_ALL, PolicyKind.MANAGED);

        // When
        Decision withBrokenScp = PolicyEvaluator.decide(new PolicySet(List.of(identity), null, List.of(List.of(scp)), null, null), READ);
        Decision withBrokenBoundary = PolicyEvaluator.decide(new PolicySet(List.of(identity), boundary, List.of(), null, null), READ);

        // Then
        assertThat(withBrokenScp.isAllowed()).isFalse();
        assertThat(withBrokenScp.blockedBy()).contains(PolicyType.SCP);
        assertThat(withBrokenBoundary.isAllowed()).isFalse();
        assertThat(withBrokenBoundary.blockedBy()).contains(PolicyType.BOUNDARY);
    }

    @Test
    void reportsTheAllowingStatementWithItsSid() {
        // Given
        PolicySet policies = PolicySet.identityOnly(List.of(PolicyCompiler.compile(ALLOW_ALL, PolicyKind.INLINE_USER)));

        // When
        Decision decision = PolicyEvaluator.decide(policies, READ);

        // Then
        assertThat(decision).isEqualTo(new Decision.Allowed(List.of(
                new MatchedStatement(PolicyType.IDENTITY, -1, 0, 0, "All", true))));
    }

    @Test
    void theAccountRootNeedsNoIdentityPolicyButStaysUnderScps() {
        // Given
        AuthorizationRequest asRoot = new AuthorizationRequest("arn:aws:iam::111122223333:root", Map.of(), "s3:GetObject",
                "arn:aws:s3:::data/file", "", Map.of());
        CompiledPolicy denyingScp = PolicyCompiler.compile(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}}", PolicyKind.SERVICE_CONTROL_POLICY);

        // When
        Decision alone = PolicyEvaluator.decide(PolicySet.identityOnly(List.of()), asRoot);
        Decision underScp = PolicyEvaluator.decide(new PolicySet(List.of(), null, List.of(List.of(denyingScp)), null, null), asRoot);

        // Then
        assertThat(alone.isAllowed()).isTrue();
        assertThat(underScp.blockedBy()).contains(PolicyType.SCP);
    }

    @Test
    void refusesAPolicyGivenAsTheWrongType() {
        // Given
        CompiledPolicy identity = PolicyCompiler.compile(ALLOW_ALL, PolicyKind.MANAGED);

        // When / Then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PolicySet(List.of(), identity, List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysTheEngineDerivesWinOverWhatTheCallerPutsInTheContext() {
        // Given a policy that allows only principals tagged team=admin, named admin, of account 999999999999
        String onlyAdmins = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"admin\"}}}}";
        String onlyAdminName = onlyAdmins.replace("aws:PrincipalTag/team\\\":\\\"admin", "aws:username\\\":\\\"admin");
        String onlyOtherAccount = onlyAdmins.replace("aws:PrincipalTag/team\\\":\\\"admin",
                "aws:PrincipalAccount\\\":\\\"999999999999");
        AuthorizationRequest claiming = new AuthorizationRequest("arn:aws:iam::111122223333:user/alice", Map.of("team", "dev"),
                "s3:GetObject", "arn:aws:s3:::data/file", "", Map.of(
                        "aws:PrincipalTag/team", List.of("admin"), "AWS:USERNAME", List.of("admin"),
                        "aws:PrincipalAccount", List.of("999999999999"), "aws:userid", List.of("AIDAADMIN")));

        // When
        List<Decision> decisions = java.util.stream.Stream.of(onlyAdmins, onlyAdminName, onlyOtherAccount)
                .map(policy -> PolicyEvaluator.decide(PolicySet.identityOnly(List.of(PolicyCompiler.compile(policy,
                        PolicyKind.MANAGED))), claiming))
                .toList();

        // Then
        assertThat(decisions).allSatisfy(decision -> assertThat(decision).isInstanceOf(Decision.ImplicitDeny.class));
        assertThat(claiming.toContext().values("aws:userid")).isNull();
        assertThat(claiming.toContext().single("aws:principaltag/team")).isEqualTo("dev");
    }

    @Test
    void aDateWithAYearBeyondEpochMillisecondsNeitherThrowsNorMatches() {
        // Given a valid policy allowing requests after 2020, and one with a date no millisecond can hold
        String after2020 = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01\"}}}}";
        String afterTheEnd = after2020.replace("2020-01-01", "+999999999-12-31");
        AuthorizationRequest atTheEnd = new AuthorizationRequest("arn:aws:iam::111122223333:user/alice", Map.of(),
                "s3:GetObject", "arn:aws:s3:::data/file", "", Map.of("aws:CurrentTime", List.of("+999999999-12-31T00:00:00Z")));

        // When
        var validated = io.portcullis.policylang.validate.PolicyValidator.validate(afterTheEnd, PolicyKind.MANAGED);
        Decision decision = PolicyEvaluator.decide(PolicySet.identityOnly(List.of(PolicyCompiler.compile(after2020,
                PolicyKind.MANAGED))), atTheEnd);

        // Then
        assertThat(validated.isValid()).isFalse();
        assertThat(validated.diagnostics()).extracting(d -> d.code()).containsOnly("MalformedPolicyDocument");
        assertThat(decision).isInstanceOf(Decision.ImplicitDeny.class);
    }

    private static CompiledPolicy resourcePolicy(String statement) {
        CompiledPolicy policy = PolicyCompiler.compile("{\"Version\":\"2012-10-17\",\"Statement\":" + statement + "}",
                PolicyKind.RESOURCE_POLICY);
        assertThat(policy.failedClosed()).as("test policy must be valid: %s", policy.diagnostics()).isFalse();
        return policy;
    }

    @Test
    void aDenyWithNotPrincipalDeniesEveryPrincipalWithABoundaryWhateverItNames() {
        // Given a bucket policy denying everyone but alice, and alice allowed by her identity policy
        CompiledPolicy denyAllButAlice = resourcePolicy("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":["
                + "\"arn:aws:iam::111122223333:user/alice\",\"arn:aws:iam::111122223333:root\"]},\"Action\":\"s3:*\",\"Resource\":\"*\"}");
        CompiledPolicy identity = PolicyCompiler.compile(ALLOW_ALL, PolicyKind.MANAGED);
        CompiledPolicy boundary = PolicyCompiler.compile(ALLOW_ALL, PolicyKind.PERMISSIONS_BOUNDARY);

        // When
        Decision withoutBoundary = PolicyEvaluator.decide(new PolicySet(List.of(identity), null, List.of(), denyAllButAlice, null), READ);
        Decision withBoundary = PolicyEvaluator.decide(new PolicySet(List.of(identity), boundary, List.of(), denyAllButAlice, null), READ);
        Decision otherActionWithBoundary = PolicyEvaluator.decide(new PolicySet(List.of(identity), boundary, List.of(),
                denyAllButAlice, null), new AuthorizationRequest("arn:aws:iam::111122223333:user/alice", Map.of(),
                "ec2:RunInstances", "*", "", Map.of()));

        // Then the boundary itself allows everything: only the NotPrincipal rule can deny
        assertThat(withoutBoundary.isAllowed()).isTrue();
        assertThat(withBoundary).isInstanceOf(Decision.ExplicitDeny.class);
        assertThat(withBoundary.blockedBy()).contains(PolicyType.RESOURCE);
        assertThat(withBoundary.matchedStatements()).contains(new MatchedStatement(PolicyType.RESOURCE, -1, 0, 0, "", false));
        assertThat(otherActionWithBoundary.isAllowed()).isTrue();
    }

    @Test
    void anAllowWithNotPrincipalAllowsEveryoneItDoesNotName() {
        // Given
        CompiledPolicy allowAllButBob = resourcePolicy("{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":"
                + "\"arn:aws:iam::111122223333:user/bob\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");
        PolicySet policies = new PolicySet(List.of(), null, List.of(), allowAllButBob, null);
        AuthorizationRequest asBob = new AuthorizationRequest("arn:aws:iam::111122223333:user/bob", Map.of(),
                "s3:GetObject", "arn:aws:s3:::data/file", "", Map.of());

        // When
        Decision alice = PolicyEvaluator.decide(policies, READ);
        Decision bob = PolicyEvaluator.decide(policies, asBob);

        // Then
        assertThat(alice.isAllowed()).isTrue();
        assertThat(bob).isInstanceOf(Decision.ImplicitDeny.class);
    }

    @Test
    void aUniqueIdPrincipalNamesTheUserOrRoleWithThatId() {
        // Given
        CompiledPolicy byId = resourcePolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"AIDAALICEUNIQUEID0001\","
                + "\"AROAAUDITORUNIQUEID01\"]},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");
        PolicySet policies = new PolicySet(List.of(), null, List.of(), byId, null);
        AuthorizationRequest alice = new AuthorizationRequest("arn:aws:iam::111122223333:user/alice", Map.of(),
                "s3:GetObject", "arn:aws:s3:::data/file", "", Map.of(), "AIDAALICEUNIQUEID0001");
        AuthorizationRequest aliceRecreated = new AuthorizationRequest("arn:aws:iam::111122223333:user/alice", Map.of(),
                "s3:GetObject", "arn:aws:s3:::data/file", "", Map.of(), "AIDAALICENEWIDENT0002");
        AuthorizationRequest auditorSession = new AuthorizationRequest("arn:aws:sts::111122223333:assumed-role/auditor/s1",
                Map.of(), "s3:GetObject", "arn:aws:s3:::data/file", "", Map.of(), "AROAAUDITORUNIQUEID01:s1");

        // When / Then
        assertThat(PolicyEvaluator.decide(policies, alice).isAllowed()).isTrue();
        assertThat(PolicyEvaluator.decide(policies, aliceRecreated).isAllowed()).isFalse();
        assertThat(PolicyEvaluator.decide(policies, auditorSession).isAllowed()).isTrue();
    }

    // Organizations: accounts of one organization, its management account, and its RCPs and SCPs

    private static final String MANAGEMENT = "111111111111";
    private static final String MEMBER = "222222222222";
    private static final String RCP_FULL_AWS_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String FULL_AWS_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private static CompiledPolicy rcp(String json) {
        CompiledPolicy policy = PolicyCompiler.compile(json, PolicyKind.RESOURCE_CONTROL_POLICY);
        assertThat(policy.failedClosed()).as("test RCP must be valid: %s", policy.diagnostics()).isFalse();
        return policy;
    }

    private static CompiledPolicy denyingRcp(String sid, String action) {
        return rcp("{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"" + sid + "\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}}");
    }

    private static CompiledPolicy scp(String json) {
        return PolicyCompiler.compile(json, PolicyKind.SERVICE_CONTROL_POLICY);
    }

    private static AuthorizationRequest request(String principalAccount, String action, String resourceAccount,
                                                Map<String, List<String>> context) {
        return new AuthorizationRequest("arn:aws:iam::" + principalAccount + ":user/alice", Map.of(), action,
                "arn:aws:s3:::data/file", resourceAccount, context);
    }

    private static PolicySet organization(List<List<CompiledPolicy>> scps, List<List<CompiledPolicy>> rcps,
                                          CompiledPolicy resource, String... managementAccounts) {
        return new PolicySet(List.of(PolicyCompiler.compile(ALLOW_ALL, PolicyKind.MANAGED)), null, scps, rcps, resource, null,
                java.util.Set.of(managementAccounts));
    }

    /** A bucket policy allowing alice of {@code account} to read. */
    private static CompiledPolicy bucketAllowing(String account) {
        return resourcePolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":user/alice\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");
    }

    @Test
    void anRcpLevelWithoutAnAllowNarrowsAnIdentityAllowToAnImplicitDenyBlockedByRcp() {
        // Given a member account whose OU (level 1) has only a deny about something else: RCPFullAWSAccess detached
        PolicySet policies = organization(List.of(List.of(scp(FULL_AWS_ACCESS))),
                List.of(List.of(rcp(RCP_FULL_AWS_ACCESS)), List.of(denyingRcp("NoDeletes", "s3:DeleteObject"))), null,
                MANAGEMENT);

        // When
        Decision decision = PolicyEvaluator.decide(policies, request(MEMBER, "s3:GetObject", "", Map.of()));

        // Then the identity policy allows, the SCP allows, the root's RCP allows: level 1 of the RCPs decides
        assertThat(decision).isEqualTo(new Decision.ImplicitDeny(PolicyType.RCP, List.of(
                new MatchedStatement(PolicyType.RCP, 0, 0, 0, "", true),
                new MatchedStatement(PolicyType.SCP, 0, 0, 0, "", true),
                new MatchedStatement(PolicyType.IDENTITY, -1, 0, 0, "All", true))));
        assertThat(decision.name()).isEqualTo("implicitDeny");
    }

    @Test
    void anRcpExplicitDenyWinsAndIsReportedBeforeAnScpDeny() {
        // Given RCPFullAWSAccess and an RCP denying requests over plain HTTP, and an SCP denying every read
        CompiledPolicy denyInsecure = rcp("{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"DenyInsecure\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":"
                + "{\"aws:SecureTransport\":\"false\"}}}}");
        CompiledPolicy denyReads = scp("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\"},{\"Sid\":\"NoReads\",\"Effect\":\"Deny\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}]}");
        List<List<CompiledPolicy>> rcps = List.of(List.of(rcp(RCP_FULL_AWS_ACCESS), denyInsecure));

        // When
        Decision overHttp = PolicyEvaluator.decide(organization(List.of(), rcps, null, MANAGEMENT),
                request(MEMBER, "s3:GetObject", "", Map.of("aws:SecureTransport", List.of("false"))));
        Decision overTls = PolicyEvaluator.decide(organization(List.of(), rcps, null, MANAGEMENT),
                request(MEMBER, "s3:GetObject", "", Map.of("aws:SecureTransport", List.of("true"))));
        Decision bothDeny = PolicyEvaluator.decide(organization(List.of(List.of(denyReads)), rcps, null, MANAGEMENT),
                request(MEMBER, "s3:GetObject", "", Map.of("aws:SecureTransport", List.of("false"))));

        // Then
        assertThat(overHttp).isInstanceOf(Decision.ExplicitDeny.class);
        assertThat(overHttp.blockedBy()).contains(PolicyType.RCP);
        assertThat(overHttp.matchedStatements()).contains(new MatchedStatement(PolicyType.RCP, 0, 1, 0, "DenyInsecure", false));
        assertThat(overTls.isAllowed()).isTrue();
        assertThat(bothDeny.blockedBy()).contains(PolicyType.RCP);
        assertThat(bothDeny.matchedStatements()).contains(new MatchedStatement(PolicyType.SCP, 0, 0, 1, "NoReads", false));
    }

    @Test
    void rcpFullAwsAccessAtEveryLevelLetsTheIdentityDecisionThrough() {
        // Given RCPFullAWSAccess at the root, an OU and the account, as AWS attaches it
        CompiledPolicy full = rcp(RCP_FULL_AWS_ACCESS);
        List<List<CompiledPolicy>> rcps = List.of(List.of(full), List.of(full), List.of(full));
        PolicySet withIdentity = organization(List.of(), rcps, null, MANAGEMENT);
        PolicySet withoutIdentity = new PolicySet(List.of(), null, List.of(), rcps, null, null, java.util.Set.of(MANAGEMENT));

        // When
        Decision allowed = PolicyEvaluator.decide(withIdentity, request(MEMBER, "s3:GetObject", "", Map.of()));
        Decision notGranted = PolicyEvaluator.decide(withoutIdentity, request(MEMBER, "s3:GetObject", "", Map.of()));

        // Then an RCP never grants: without an identity policy the request stays denied by the identity side
        assertThat(allowed.isAllowed()).isTrue();
        assertThat(allowed.matchedStatements()).extracting(MatchedStatement::policyType, MatchedStatement::level)
                .containsExactly(tuple(PolicyType.RCP, 0), tuple(PolicyType.RCP, 1), tuple(PolicyType.RCP, 2),
                        tuple(PolicyType.IDENTITY, -1));
        assertThat(notGranted).isInstanceOf(Decision.ImplicitDeny.class);
        assertThat(notGranted.blockedBy()).contains(PolicyType.IDENTITY);
    }

    @Test
    void scpsDoNotAffectPrincipalsOfTheManagementAccount() {
        // Given an SCP level denying everything, for a principal and a bucket of the management account
        List<List<CompiledPolicy>> scps = List.of(List.of(scp(FULL_AWS_ACCESS)), List.of(scp("{\"Version\":\"2012-10-17\","
                + "\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}")));
        AuthorizationRequest read = request(MANAGEMENT, "s3:GetObject", "", Map.of());

        // When
        Decision exempt = PolicyEvaluator.decide(organization(scps, List.of(), null, MANAGEMENT), read);
        Decision asIfAMember = PolicyEvaluator.decide(organization(scps, List.of(), null), read);

        // Then the exempt decision does not even list the SCPs' statements
        assertThat(exempt).isEqualTo(new Decision.Allowed(List.of(new MatchedStatement(PolicyType.IDENTITY, -1, 0, 0, "All", true))));
        assertThat(asIfAMember.blockedBy()).contains(PolicyType.SCP);
    }

    @Test
    void rcpsDoNotAffectResourcesOfTheManagementAccount() {
        // Given an RCP level without an allow, and alice of a member account reading a management account's bucket
        // that allows her (cross account, so the bucket policy and her identity policy both must allow)
        List<List<CompiledPolicy>> rcps = List.of(List.of(denyingRcp("NoReads", "s3:GetObject")));
        List<List<CompiledPolicy>> scps = List.of(List.of(scp(FULL_AWS_ACCESS)));
        AuthorizationRequest read = request(MEMBER, "s3:GetObject", MANAGEMENT, Map.of());

        // When
        Decision exempt = PolicyEvaluator.decide(organization(scps, rcps, bucketAllowing(MEMBER), MANAGEMENT), read);
        Decision asIfAMember = PolicyEvaluator.decide(organization(scps, rcps, bucketAllowing(MEMBER)), read);

        // Then
        assertThat(exempt.isAllowed()).isTrue();
        assertThat(exempt.matchedStatements()).extracting(MatchedStatement::policyType)
                .containsExactly(PolicyType.SCP, PolicyType.RESOURCE, PolicyType.IDENTITY);
        assertThat(asIfAMember).isInstanceOf(Decision.ExplicitDeny.class);
        assertThat(asIfAMember.blockedBy()).contains(PolicyType.RCP);
    }

    @Test
    void acrossAccountsRcpsFollowTheResourcesAccountAndScpsThePrincipals() {
        // Given levels that allow nothing, as RCPs and as SCPs
        List<List<CompiledPolicy>> rcpsWithoutAllow = List.of(List.of(rcp(RCP_FULL_AWS_ACCESS)),
                List.of(denyingRcp("NoDeletes", "s3:DeleteObject")));
        List<List<CompiledPolicy>> scpsWithoutAllow = List.of(List.of(scp("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}}")));

        // When the management account's principal reads a member's bucket, and a member's principal the management's
        Decision managementReadsMember = PolicyEvaluator.decide(
                organization(scpsWithoutAllow, rcpsWithoutAllow, bucketAllowing(MANAGEMENT), MANAGEMENT),
                request(MANAGEMENT, "s3:GetObject", MEMBER, Map.of()));
        Decision managementReadsMemberUnderFullAccess = PolicyEvaluator.decide(
                organization(scpsWithoutAllow, List.of(List.of(rcp(RCP_FULL_AWS_ACCESS))), bucketAllowing(MANAGEMENT), MANAGEMENT),
                request(MANAGEMENT, "s3:GetObject", MEMBER, Map.of()));
        Decision memberReadsManagement = PolicyEvaluator.decide(
                organization(scpsWithoutAllow, rcpsWithoutAllow, bucketAllowing(MEMBER), MANAGEMENT),
                request(MEMBER, "s3:GetObject", MANAGEMENT, Map.of()));

        // Then the member's bucket is under RCPs whoever asks; the member's principal is under SCPs wherever it goes
        assertThat(managementReadsMember).isInstanceOf(Decision.ImplicitDeny.class);
        assertThat(managementReadsMember.blockedBy()).contains(PolicyType.RCP);
        assertThat(managementReadsMemberUnderFullAccess.isAllowed()).isTrue();
        assertThat(memberReadsManagement).isInstanceOf(Decision.ImplicitDeny.class);
        assertThat(memberReadsManagement.blockedBy()).contains(PolicyType.SCP);
        assertThat(memberReadsManagement.matchedStatements()).extracting(MatchedStatement::policyType)
                .doesNotContain(PolicyType.RCP);
    }

    @Test
    void aPolicySetWithoutOrganizationDetailsHasNoRcpsAndNoManagementAccount() {
        // Given
        CompiledPolicy scpAsRcp = scp(FULL_AWS_ACCESS);

        // When
        PolicySet legacy = new PolicySet(List.of(), null, List.of(List.of(scp(FULL_AWS_ACCESS))), null, null);

        // Then
        assertThat(legacy.rcps()).isEmpty();
        assertThat(legacy.managementAccounts()).isEmpty();
        assertThat(legacy.isManagementAccount("")).isFalse();
        assertThat(new PolicySet(List.of(), null, List.of(), null, null, null, null).rcps()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PolicySet(List.of(), null, List.of(),
                        List.of(List.of(scpAsRcp)), null, null, java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
