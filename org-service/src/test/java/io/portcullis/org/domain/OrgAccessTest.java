package io.portcullis.org.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.org.domain.OrgCommand.AcceptHandshake;
import io.portcullis.org.domain.OrgCommand.AttachPolicy;
import io.portcullis.org.domain.OrgCommand.CancelHandshake;
import io.portcullis.org.domain.OrgCommand.CreateAccount;
import io.portcullis.org.domain.OrgCommand.CreateOrganization;
import io.portcullis.org.domain.OrgCommand.CreateOrganizationalUnit;
import io.portcullis.org.domain.OrgCommand.CreatePolicy;
import io.portcullis.org.domain.OrgCommand.DeclineHandshake;
import io.portcullis.org.domain.OrgCommand.DeleteOrganization;
import io.portcullis.org.domain.OrgCommand.DeleteOrganizationalUnit;
import io.portcullis.org.domain.OrgCommand.DeletePolicy;
import io.portcullis.org.domain.OrgCommand.DetachPolicy;
import io.portcullis.org.domain.OrgCommand.DisablePolicyType;
import io.portcullis.org.domain.OrgCommand.EnablePolicyType;
import io.portcullis.org.domain.OrgCommand.InviteAccount;
import io.portcullis.org.domain.OrgCommand.LeaveOrganization;
import io.portcullis.org.domain.OrgCommand.MoveAccount;
import io.portcullis.org.domain.OrgCommand.RemoveAccount;
import io.portcullis.org.domain.OrgCommand.RenameOrganizationalUnit;
import io.portcullis.org.domain.OrgCommand.UpdatePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What org-service's requests ask the authorizer, as the Service Authorization Reference for Organizations names it. */
class OrgAccessTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String MGMT = "111111111111";
    private static final AccountId CALLER = new AccountId(MGMT);
    private static final String MEMBER = "222222222222";
    private static final String OUTSIDER = "333333333333";
    private static final String SCP = OrgPolicyType.SERVICE_CONTROL_POLICY.name();
    private static final String DENY_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

    private static final OrgDecider DECIDER = new OrgDecider(OrgQuotas.aws());

    private OrgState state = DECIDER.initialState();

    private List<OrgEvent> run(OrgCommand command) {
        Decision<OrgEvent> decision = DECIDER.decide(command, state, NoFacts.NONE);
        assertThat(decision).as("%s", command).isInstanceOf(Decision.Accepted.class);
        List<OrgEvent> events = ((Decision.Accepted<OrgEvent>) decision).events();
        events.forEach(e -> state = DECIDER.evolve(state, e));
        return events;
    }

    private List<RequestedAccess> accessOf(AccountId caller, OrgCommand command) {
        OrgState now = state;
        return OrgAccess.of(caller, command, () -> now, () -> NoFacts.NONE);
    }

    private List<RequestedAccess> accessOf(OrgCommand command) {
        return accessOf(CALLER, command);
    }

    /** An organization of MGMT with an OU, an SCP and a pending invitation of MEMBER. */
    private record Fixture(Organization org, String ou, String ouArn, String policy, String policyArn, String handshake,
                           String handshakeArn) {
    }

    private Fixture organization() {
        run(new CreateOrganization(MGMT, null, "aaaaaaaaaa", "abcd", T0));
        Organization org = state.organizationOf(MGMT).orElseThrow();
        OrgEvent.OrganizationalUnitCreated ou = (OrgEvent.OrganizationalUnitCreated) run(
                new CreateOrganizationalUnit(MGMT, org.rootId(), "Eng", "00000001")).get(0);
        OrgEvent.OrganizationPolicyCreated policy = (OrgEvent.OrganizationPolicyCreated) run(
                new CreatePolicy(MGMT, SCP, "deny-s3", "", DENY_S3, "00000002")).get(0);
        OrgEvent.HandshakeCreated handshake = (OrgEvent.HandshakeCreated) run(
                new InviteAccount(MGMT, "ACCOUNT", MEMBER, null, "0000000003", T0)).get(0);
        return new Fixture(org, ou.organizationalUnitId(), ou.arn(), policy.policyId(), policy.arn(), handshake.handshakeId(),
                handshake.arn());
    }

    @Test
    void everyCommandNamesAnOrganizationsActionInTheCallingAccount() {
        Fixture f = organization();
        List<OrgCommand> commands = List.of(
                new CreateOrganization(MGMT, null, "bbbbbbbbbb", "bbbb", T0),
                new DeleteOrganization(MGMT),
                new EnablePolicyType(MGMT, f.org().rootId(), SCP),
                new DisablePolicyType(MGMT, f.org().rootId(), SCP),
                new CreateAccount(MGMT, "dev", "dev@example.com", "444444444444", "r1", T0),
                new InviteAccount(MGMT, "ACCOUNT", OUTSIDER, null, "0000000009", T0),
                new AcceptHandshake(MGMT, f.handshake(), T0),
                new DeclineHandshake(MGMT, f.handshake(), T0),
                new CancelHandshake(MGMT, f.handshake(), T0),
                new RemoveAccount(MGMT, MEMBER),
                new LeaveOrganization(MGMT),
                new MoveAccount(MGMT, MGMT, f.org().rootId(), f.ou()),
                new CreateOrganizationalUnit(MGMT, f.org().rootId(), "Ops", "00000004"),
                new RenameOrganizationalUnit(MGMT, f.ou(), "Engineering"),
                new DeleteOrganizationalUnit(MGMT, f.ou()),
                new CreatePolicy(MGMT, SCP, "other", "", DENY_S3, "00000005"),
                new UpdatePolicy(MGMT, f.policy(), "renamed", null, null),
                new DeletePolicy(MGMT, f.policy()),
                new AttachPolicy(MGMT, f.policy(), f.ou()),
                new DetachPolicy(MGMT, f.policy(), f.ou()));
        Set<Class<?>> sampled = commands.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrder(OrgCommand.class.getPermittedSubclasses());

        for (OrgCommand command : commands) {
            assertThat(accessOf(command)).as(command.getClass().getSimpleName()).isNotEmpty().allSatisfy(access -> {
                assertThat(access.action()).matches("organizations:[A-Z][A-Za-z]+");
                assertThat(access.account()).isEqualTo(CALLER);
                assertThat(access.resourcePolicy()).isNull();
            });
        }
    }

    @Test
    void entitiesAreNamedByTheirArnsAndPoliciesByTheirType() {
        Fixture f = organization();

        assertThat(accessOf(new CreateOrganizationalUnit(MGMT, f.org().rootId(), "Ops", "00000004"))).singleElement()
                .satisfies(access -> {
                    assertThat(access.action()).isEqualTo("organizations:CreateOrganizationalUnit");
                    assertThat(access.resource()).isEqualTo(f.org().rootArn());
                });
        assertThat(accessOf(new RenameOrganizationalUnit(MGMT, f.ou(), "Engineering"))).singleElement()
                .satisfies(access -> {
                    assertThat(access.action()).isEqualTo("organizations:UpdateOrganizationalUnit");
                    assertThat(access.resource()).isEqualTo(f.ouArn());
                });
        assertThat(accessOf(new CancelHandshake(MGMT, f.handshake(), T0))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo(f.handshakeArn()));
        assertThat(accessOf(new EnablePolicyType(MGMT, f.org().rootId(), SCP))).singleElement()
                .satisfies(access -> assertThat(access.context()).containsEntry("organizations:PolicyType", List.of(SCP)));
        assertThat(accessOf(new CreatePolicy(MGMT, SCP, "other", "", DENY_S3, "00000005"))).singleElement()
                .satisfies(access -> {
                    assertThat(access.resource()).isEqualTo("*");
                    assertThat(access.context()).containsEntry("organizations:PolicyType", List.of(SCP));
                });
        assertThat(accessOf(new DeletePolicy(MGMT, f.policy()))).singleElement().satisfies(access -> {
            assertThat(access.resource()).isEqualTo(f.policyArn());
            assertThat(access.context()).containsEntry("organizations:PolicyType", List.of(SCP));
        });
    }

    @Test
    void anActionOnSeveralResourcesAsksForEachOfThem() {
        Fixture f = organization();
        String mgmtArn = state.account(f.org().id(), MGMT).orElseThrow().arn();

        assertThat(accessOf(new AttachPolicy(MGMT, f.policy(), f.ou())))
                .extracting(RequestedAccess::action, RequestedAccess::resource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("organizations:AttachPolicy", f.policyArn()),
                        org.assertj.core.groups.Tuple.tuple("organizations:AttachPolicy", f.ouArn()));
        assertThat(accessOf(new AttachPolicy(MGMT, f.policy(), f.ou())))
                .allSatisfy(access -> assertThat(access.context()).containsEntry("organizations:PolicyType", List.of(SCP)));
        assertThat(accessOf(new MoveAccount(MGMT, MGMT, f.org().rootId(), f.ou())))
                .extracting(RequestedAccess::resource).containsExactly(mgmtArn, f.org().rootArn(), f.ouArn());
    }

    @Test
    void whatNamesNothingInTheCallersOrganizationIsAskedOnEverything() {
        Fixture f = organization();

        // An id of no entity, and another organization's entities seen from an account outside it
        assertThat(accessOf(new DeleteOrganizationalUnit(MGMT, "ou-abcd-zzzzzzzz"))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("*"));
        AccountId outsider = new AccountId(OUTSIDER);
        assertThat(accessOf(outsider, new DeletePolicy(OUTSIDER, f.policy()))).singleElement().satisfies(access -> {
            assertThat(access.resource()).isEqualTo("*");
            assertThat(access.account()).isEqualTo(outsider);
            assertThat(access.context()).doesNotContainKey("organizations:PolicyType");
        });
        assertThat(accessOf(outsider, new AcceptHandshake(OUTSIDER, f.handshake(), T0))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("*"));

        // The invited account is party to its handshake and sees its ARN
        AccountId member = new AccountId(MEMBER);
        assertThat(accessOf(member, new AcceptHandshake(MEMBER, f.handshake(), T0))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo(f.handshakeArn()));
    }

    @Test
    void readRulesNameTheirEntityAndTheTypeListed() {
        Fixture f = organization();
        OrgState now = state;

        assertThat(OrgAccess.on("organizations:DescribeOrganizationalUnit", f.ou()).of(CALLER, () -> now, () -> NoFacts.NONE))
                .singleElement().satisfies(access -> assertThat(access.resource()).isEqualTo(f.ouArn()));
        assertThat(OrgAccess.listPolicies(OrgPolicyType.SERVICE_CONTROL_POLICY).of(CALLER, () -> now, () -> NoFacts.NONE))
                .singleElement().satisfies(access -> {
                    assertThat(access.action()).isEqualTo("organizations:ListPolicies");
                    assertThat(access.context()).containsEntry("organizations:PolicyType", List.of(SCP));
                });
        assertThat(OrgAccess.onPolicy("organizations:DescribePolicy", f.policy()).of(CALLER, () -> now, () -> NoFacts.NONE))
                .singleElement().satisfies(access -> assertThat(access.resource()).isEqualTo(f.policyArn()));
        assertThat(OrgAccess.onAll("organizations:DescribeOrganization").of(CALLER, () -> now, () -> NoFacts.NONE))
                .singleElement().satisfies(access -> assertThat(access.resource()).isEqualTo("*"));
    }
}
