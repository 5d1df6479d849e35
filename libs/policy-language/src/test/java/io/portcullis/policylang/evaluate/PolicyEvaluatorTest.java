package io.portcullis.policylang.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

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
}
