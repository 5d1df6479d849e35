package io.portcullis.org.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.iam.error.IamErrorCode;
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
import io.portcullis.org.domain.OrgEvent.AccountMoved;
import io.portcullis.org.domain.OrgEvent.HandshakeAccepted;
import io.portcullis.org.domain.OrgEvent.PolicyAttachedToTarget;
import io.portcullis.org.domain.OrgEvent.PolicyDetachedFromTarget;
import io.portcullis.org.domain.OrgEvent.PolicyTypeDisabled;
import io.portcullis.iam.error.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgDeciderTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String MGMT = "111111111111";
    private static final String MEMBER = "222222222222";
    private static final String OTHER = "333333333333";
    private static final String ORG = "o-aaaaaaaaaa";
    private static final String ROOT = "r-abcd";
    private static final String SCP = OrgPolicyType.SERVICE_CONTROL_POLICY.name();
    private static final String RCP = OrgPolicyType.RESOURCE_CONTROL_POLICY.name();
    private static final String DENY_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

    /** A world of organizations built by commands, each of which must be accepted. */
    private static final class World {
        private final OrgDecider decider;
        private OrgState state;
        private List<OrgEvent> last = List.of();
        private int tokens;

        World(OrgQuotas quotas) {
            decider = new OrgDecider(quotas);
            state = decider.initialState();
        }

        World() {
            this(OrgQuotas.aws());
        }

        World run(OrgCommand command) {
            Decision<OrgEvent> decision = decider.decide(command, state, NoFacts.NONE);
            assertThat(decision).as("%s", command).isInstanceOf(Decision.Accepted.class);
            last = ((Decision.Accepted<OrgEvent>) decision).events();
            last.forEach(e -> state = decider.evolve(state, e));
            return this;
        }

        Rejection refused(OrgCommand command) {
            Decision<OrgEvent> decision = decider.decide(command, state, NoFacts.NONE);
            assertThat(decision).as("%s", command).isInstanceOf(Decision.Rejected.class);
            return ((Decision.Rejected<OrgEvent>) decision).rejection();
        }

        List<OrgEvent> events() {
            return last;
        }

        String token(int length) {
            String n = String.valueOf(++tokens);
            return "0".repeat(length - n.length()) + n;
        }

        World organization(String management) {
            return run(new CreateOrganization(management, null, management.substring(0, 10).replace('1', 'a').replace('3', 'c'),
                    management.equals(MGMT) ? "abcd" : "cdef", T0));
        }

        String createAccount(String name) {
            run(new CreateAccount(MGMT, name, name + "@example.com", "4444444" + token(5), token(10), T0));
            return ((OrgEvent.AccountCreated) last.get(0)).accountId();
        }

        String ou(String parentId, String name) {
            run(new CreateOrganizationalUnit(MGMT, parentId, name, token(8)));
            return ((OrgEvent.OrganizationalUnitCreated) last.get(0)).organizationalUnitId();
        }

        String policy(String type, String name, String content) {
            run(new CreatePolicy(MGMT, type, name, "", content, token(8)));
            return ((OrgEvent.OrganizationPolicyCreated) last.get(0)).policyId();
        }

        String invite(String target) {
            run(new InviteAccount(MGMT, "ACCOUNT", target, null, token(10), T0));
            return ((OrgEvent.HandshakeCreated) last.get(0)).handshakeId();
        }
    }

    @Test
    void theCallerOfCreateOrganizationBecomesItsManagementAccountInItsRoot() {
        World world = new World().organization(MGMT);
        Organization org = world.state.organizationOf(MGMT).orElseThrow();
        assertThat(org.id()).isEqualTo(ORG);
        assertThat(org.rootId()).isEqualTo(ROOT);
        assertThat(org.arn()).isEqualTo("arn:aws:organizations::111111111111:organization/o-aaaaaaaaaa");
        assertThat(world.state.account(ORG, MGMT)).map(MemberAccount::parentId).contains(ROOT);
        assertThat(world.refused(new CreateOrganization(MGMT, null, "bbbbbbbbbb", "bbbb", T0)).code())
                .isEqualTo(IamErrorCode.ALREADY_IN_ORGANIZATION);
        assertThat(world.refused(new CreateOrganization(OTHER, "CONSOLIDATED_BILLING", "bbbbbbbbbb", "bbbb", T0)).reason())
                .isEqualTo("INVALID_ENUM");
    }

    @Test
    void onlyTheManagementAccountManagesAndAnAccountOutsideEveryOrganizationIsToldSo() {
        World world = new World().organization(MGMT);
        String handshake = world.invite(MEMBER);
        world.run(new AcceptHandshake(MEMBER, handshake, T0));
        assertThat(world.refused(new CreateOrganizationalUnit(MEMBER, ROOT, "Eng", "00000001")).code())
                .isEqualTo(IamErrorCode.ORGANIZATIONS_ACCESS_DENIED);
        assertThat(world.refused(new CreateOrganizationalUnit(OTHER, ROOT, "Eng", "00000001")))
                .isEqualTo(OrgRejections.notInUse());
    }

    @Test
    void anAccountBelongsToAtMostOneOrganization() {
        World world = new World().organization(MGMT).organization(OTHER);
        String handshake = world.invite(MEMBER);
        world.run(new AcceptHandshake(MEMBER, handshake, T0));
        assertThat(world.events()).hasSize(2).first().isInstanceOf(HandshakeAccepted.class);

        // It cannot found an organization of its own, nor accept a second invitation, nor be invited again
        assertThat(world.refused(new CreateOrganization(MEMBER, null, "dddddddddd", "dddd", T0))).isEqualTo(OrgRejections.alreadyInOrganization());
        World two = new World().organization(MGMT).organization(OTHER);
        String fromFirst = two.invite(MEMBER);
        two.run(new InviteAccount(OTHER, "ACCOUNT", MEMBER, null, "zzzzzzzzzz", T0));
        two.run(new AcceptHandshake(MEMBER, fromFirst, T0));
        assertThat(two.refused(new AcceptHandshake(MEMBER, "h-zzzzzzzzzz", T0))).isEqualTo(OrgRejections.invitedAccountInAnOrganization());
        assertThat(two.refused(new InviteAccount(OTHER, "ACCOUNT", MEMBER, null, "yyyyyyyyyy", T0)).reason())
                .isEqualTo("ALREADY_IN_AN_ORGANIZATION");
    }

    @Test
    void handshakesAreAcceptedOrDeclinedByTheInvitedAccountAndCanceledByTheManagementAccountOnce() {
        World world = new World().organization(MGMT);
        String first = world.invite(MEMBER);
        assertThat(world.refused(new InviteAccount(MGMT, "ACCOUNT", MEMBER, null, "9999999999", T0)).code())
                .isEqualTo(IamErrorCode.DUPLICATE_HANDSHAKE);
        assertThat(world.refused(new AcceptHandshake(OTHER, first, T0))).isEqualTo(OrgRejections.handshakeNotFound());
        world.run(new DeclineHandshake(MEMBER, first, T0));
        assertThat(world.refused(new DeclineHandshake(MEMBER, first, T0))).isEqualTo(OrgRejections.handshakeAlreadyInState());
        assertThat(world.refused(new AcceptHandshake(MEMBER, first, T0))).isEqualTo(OrgRejections.invalidHandshakeTransition());
        assertThat(world.state.organizationOf(MEMBER)).isEmpty();

        String second = world.invite(MEMBER);
        assertThat(world.refused(new CancelHandshake(MEMBER, second, T0))).isEqualTo(OrgRejections.handshakeNotFound());
        world.run(new CancelHandshake(MGMT, second, T0));
        assertThat(world.state.handshake(second)).map(h -> h.stateAt(T0)).contains(Handshake.State.CANCELED);

        String third = world.invite(MEMBER);
        Instant expired = T0.plus(OrgDecider.HANDSHAKE_LIFETIME);
        assertThat(world.state.handshake(third)).map(h -> h.stateAt(expired)).contains(Handshake.State.EXPIRED);
        assertThat(world.refused(new AcceptHandshake(MEMBER, third, expired))).isEqualTo(OrgRejections.invalidHandshakeTransition());
        world.run(new AcceptHandshake(MEMBER, third, expired.minusSeconds(1)));
        assertThat(world.state.organizationOf(MEMBER)).map(Organization::id).contains(ORG);
        assertThat(world.state.account(ORG, MEMBER)).map(MemberAccount::joinedMethod).contains(MemberAccount.INVITED);
    }

    @Test
    void createdAccountsHaveUniqueEmailsAndTheOrganizationAtMostItsQuota() {
        World world = new World(new OrgQuotas(3, 2_000, 5, 1_000, 5, 5_120)).organization(MGMT);
        String dev = world.createAccount("dev");
        assertThat(world.state.createAccountStatuses(ORG)).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(CreateAccountStatus.SUCCEEDED);
            assertThat(s.accountId()).isEqualTo(dev);
        });
        assertThat(world.refused(new CreateAccount(MGMT, "again", "DEV@example.com", "555555555555", "r1", T0)).reason())
                .isEqualTo("EMAIL_ALREADY_EXISTS");
        assertThat(world.refused(new CreateAccount(MGMT, "bad", "not-an-email", "555555555555", "r1", T0)).reason())
                .isEqualTo("INVALID_PATTERN");
        world.createAccount("prod");
        assertThat(world.refused(new CreateAccount(MGMT, "third", "third@example.com", "555555555555", "r1", T0)).reason())
                .isEqualTo("ACCOUNT_NUMBER_LIMIT_EXCEEDED");
        assertThat(world.refused(new InviteAccount(MGMT, "ACCOUNT", MEMBER, null, "9999999999", T0)).reason())
                .isEqualTo("ACCOUNT_NUMBER_LIMIT_EXCEEDED");
    }

    @Test
    void organizationalUnitsNestFiveLevelsBelowTheRootWithUniqueNamesAmongSiblings() {
        World world = new World().organization(MGMT);
        String parent = ROOT;
        for (int level = 1; level <= 5; level++) {
            parent = world.ou(parent, "level" + level);
        }
        assertThat(world.state.organizationalUnit(ORG, parent)).map(OrganizationalUnit::depth).contains(5);
        assertThat(world.refused(new CreateOrganizationalUnit(MGMT, parent, "level6", "99999999")).reason())
                .isEqualTo("OU_DEPTH_LIMIT_EXCEEDED");
        world.ou(ROOT, "Eng");
        assertThat(world.refused(new CreateOrganizationalUnit(MGMT, ROOT, "Eng", "99999999")))
                .isEqualTo(OrgRejections.duplicateOrganizationalUnit());
        assertThat(world.refused(new CreateOrganizationalUnit(MGMT, "ou-abcd-99999999", "X", "99999999")))
                .isEqualTo(OrgRejections.parentNotFound());
        String level1 = world.state.children(ORG, ROOT).organizationalUnits().get(0);
        assertThat(world.refused(new RenameOrganizationalUnit(MGMT, level1, "Eng"))).isEqualTo(OrgRejections.duplicateOrganizationalUnit());
        world.run(new RenameOrganizationalUnit(MGMT, level1, "Platform"));
        assertThat(world.state.organizationalUnit(ORG, level1)).map(OrganizationalUnit::name).contains("Platform");
        world.run(new RenameOrganizationalUnit(MGMT, level1, "Platform"));
        assertThat(world.events()).isEmpty();
    }

    @Test
    void onlyAnEmptyOrganizationalUnitIsDeleted() {
        World world = new World().organization(MGMT);
        String eng = world.ou(ROOT, "Eng");
        String team = world.ou(eng, "Team");
        assertThat(world.refused(new DeleteOrganizationalUnit(MGMT, eng))).isEqualTo(OrgRejections.organizationalUnitNotEmpty());
        String dev = world.createAccount("dev");
        world.run(new MoveAccount(MGMT, dev, ROOT, team));
        assertThat(world.refused(new DeleteOrganizationalUnit(MGMT, team))).isEqualTo(OrgRejections.organizationalUnitNotEmpty());
        world.run(new MoveAccount(MGMT, dev, team, ROOT));
        world.run(new DeleteOrganizationalUnit(MGMT, team));
        world.run(new DeleteOrganizationalUnit(MGMT, eng));
        assertThat(world.state.organizationalUnits(ORG)).isEmpty();
        assertThat(world.refused(new DeleteOrganizationalUnit(MGMT, eng))).isEqualTo(OrgRejections.organizationalUnitNotFound());
    }

    @Test
    void accountsMoveBetweenTheRootAndOrganizationalUnits() {
        World world = new World().organization(MGMT);
        String eng = world.ou(ROOT, "Eng");
        String ops = world.ou(ROOT, "Ops");
        String dev = world.createAccount("dev");
        world.run(new MoveAccount(MGMT, dev, ROOT, eng));
        assertThat(world.events()).containsExactly(new AccountMoved(ORG, dev, ROOT, eng));
        world.run(new MoveAccount(MGMT, dev, eng, ops));
        assertThat(world.state.children(ORG, ops).accounts()).containsExactly(dev);
        assertThat(world.state.children(ORG, eng).accounts()).isEmpty();
        assertThat(world.refused(new MoveAccount(MGMT, dev, eng, ROOT))).isEqualTo(OrgRejections.sourceParentNotFound());
        assertThat(world.refused(new MoveAccount(MGMT, dev, ops, "ou-abcd-99999999"))).isEqualTo(OrgRejections.destinationParentNotFound());
        assertThat(world.refused(new MoveAccount(MGMT, dev, ops, ops))).isEqualTo(OrgRejections.duplicateAccount());
        assertThat(world.refused(new MoveAccount(MGMT, "999999999999", ops, ROOT))).isEqualTo(OrgRejections.accountNotFound());
        world.run(new MoveAccount(MGMT, dev, ops, ROOT));
        world.run(new DeleteOrganizationalUnit(MGMT, ops));
        assertThat(world.state.organizationalUnit(ORG, ops)).isEmpty();
    }

    @Test
    void enablingAPolicyTypeAttachesItsAwsManagedPolicyEverywhereAndNewTargetsGetItToo() {
        World world = new World().organization(MGMT);
        String eng = world.ou(ROOT, "Eng");
        String dev = world.createAccount("dev");
        world.run(new EnablePolicyType(MGMT, ROOT, SCP));
        String full = OrgPolicyType.SERVICE_CONTROL_POLICY.defaultPolicyId();
        assertThat(world.events()).hasSize(5).contains(new PolicyAttachedToTarget(ORG, full, SCP, ROOT, "ROOT"),
                new PolicyAttachedToTarget(ORG, full, SCP, eng, "ORGANIZATIONAL_UNIT"), new PolicyAttachedToTarget(ORG, full, SCP, dev, "ACCOUNT"),
                new PolicyAttachedToTarget(ORG, full, SCP, MGMT, "ACCOUNT"));
        assertThat(world.refused(new EnablePolicyType(MGMT, ROOT, SCP))).isEqualTo(OrgRejections.policyTypeAlreadyEnabled());
        assertThat(world.refused(new EnablePolicyType(MGMT, "r-zzzz", RCP))).isEqualTo(OrgRejections.rootNotFound());
        String ops = world.ou(ROOT, "Ops");
        assertThat(world.state.attachedTo(ORG, ops)).containsExactly(full);
        String prod = world.createAccount("prod");
        assertThat(world.state.attachedTo(ORG, prod)).containsExactly(full);
    }

    @Test
    void disablingAPolicyTypeDetachesEveryPolicyOfThatTypeFirst() {
        World world = new World().organization(MGMT);
        String eng = world.ou(ROOT, "Eng");
        world.run(new EnablePolicyType(MGMT, ROOT, SCP));
        String deny = world.policy(SCP, "DenyS3", DENY_S3);
        world.run(new AttachPolicy(MGMT, deny, eng));
        world.run(new DisablePolicyType(MGMT, ROOT, SCP));
        String full = OrgPolicyType.SERVICE_CONTROL_POLICY.defaultPolicyId();
        assertThat(world.events()).contains(new PolicyDetachedFromTarget(ORG, deny, SCP, eng, "ORGANIZATIONAL_UNIT"),
                new PolicyDetachedFromTarget(ORG, full, SCP, ROOT, "ROOT")).last().isEqualTo(new PolicyTypeDisabled(ORG, ROOT, SCP));
        assertThat(world.state.attachedTo(ORG, eng)).isEmpty();
        assertThat(world.refused(new DisablePolicyType(MGMT, ROOT, SCP))).isEqualTo(OrgRejections.policyTypeNotEnabled());
        assertThat(world.refused(new AttachPolicy(MGMT, deny, eng))).isEqualTo(OrgRejections.policyTypeNotEnabled());
    }

    @Test
    void policiesAreCheckedByThePolicyLibraryAsTheirTypeAndUnderTheSizeQuota() {
        World world = new World(new OrgQuotas(10, 2_000, 5, 1_000, 5, 200)).organization(MGMT);
        world.policy(SCP, "DenyS3", DENY_S3);
        assertThat(world.refused(new CreatePolicy(MGMT, SCP, "DenyS3", "", DENY_S3, "99999999"))).isEqualTo(OrgRejections.duplicatePolicy());
        assertThat(world.refused(new CreatePolicy(MGMT, SCP, "Broken", "", "{\"Statement\":", "99999999")).code())
                .isEqualTo(IamErrorCode.MALFORMED_ORGANIZATION_POLICY);
        // An SCP may not name a principal; an RCP must, and allows nothing but AWS's full-access policy
        assertThat(world.refused(new CreatePolicy(MGMT, SCP, "WithPrincipal", "", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", "99999999")).code())
                .isEqualTo(IamErrorCode.MALFORMED_ORGANIZATION_POLICY);
        assertThat(world.refused(new CreatePolicy(MGMT, RCP, "NoPrincipal", "", DENY_S3, "99999999")).code())
                .isEqualTo(IamErrorCode.MALFORMED_ORGANIZATION_POLICY);
        world.policy(RCP, "DenyS3", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
        String large = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Sid\":\"" + "A".repeat(200) + "\"}]}";
        assertThat(world.refused(new CreatePolicy(MGMT, SCP, "Large", "", large, "99999999")).reason())
                .isEqualTo("POLICY_CONTENT_LIMIT_EXCEEDED");
        assertThat(world.refused(new CreatePolicy(MGMT, "TAG_POLICY", "Tags", "", DENY_S3, "99999999")).reason()).isEqualTo("INVALID_ENUM");
    }

    @Test
    void attachmentsStayBetweenOneAndTheQuotaPerTypeAndTarget() {
        World world = new World(new OrgQuotas(10, 2_000, 5, 1_000, 2, 5_120)).organization(MGMT);
        String eng = world.ou(ROOT, "Eng");
        String deny = world.policy(SCP, "DenyS3", DENY_S3);
        assertThat(world.refused(new AttachPolicy(MGMT, deny, eng))).isEqualTo(OrgRejections.policyTypeNotEnabled());
        world.run(new EnablePolicyType(MGMT, ROOT, SCP));
        String full = OrgPolicyType.SERVICE_CONTROL_POLICY.defaultPolicyId();
        assertThat(world.refused(new DetachPolicy(MGMT, full, eng)).reason()).isEqualTo("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
        world.run(new AttachPolicy(MGMT, deny, eng));
        assertThat(world.events()).containsExactly(new PolicyAttachedToTarget(ORG, deny, SCP, eng, "ORGANIZATIONAL_UNIT"));
        assertThat(world.refused(new AttachPolicy(MGMT, deny, eng))).isEqualTo(OrgRejections.duplicatePolicyAttachment());
        String other = world.policy(SCP, "DenyEc2", DENY_S3.replace("s3", "ec2"));
        assertThat(world.refused(new AttachPolicy(MGMT, other, eng)).reason()).isEqualTo("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
        assertThat(world.refused(new AttachPolicy(MGMT, deny, "ou-abcd-99999999"))).isEqualTo(OrgRejections.targetNotFound());
        assertThat(world.refused(new AttachPolicy(MGMT, "p-99999999", eng))).isEqualTo(OrgRejections.policyNotFound());
        assertThat(world.refused(new DeletePolicy(MGMT, deny))).isEqualTo(OrgRejections.policyInUse());
        world.run(new DetachPolicy(MGMT, full, eng));
        assertThat(world.refused(new DetachPolicy(MGMT, deny, eng)).reason()).isEqualTo("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
        assertThat(world.refused(new DetachPolicy(MGMT, other, eng))).isEqualTo(OrgRejections.policyNotAttached());
        assertThat(world.state.attachedTo(ORG, eng)).containsExactly(deny);
        assertThat(world.refused(new UpdatePolicy(MGMT, full, "Mine", null, null))).isEqualTo(OrgRejections.accessDenied());
        assertThat(world.refused(new DeletePolicy(MGMT, full))).isEqualTo(OrgRejections.accessDenied());
    }

    @Test
    void updatingAPolicyChangesOnlyWhatIsGivenAndChecksTheNewContent() {
        World world = new World().organization(MGMT);
        String deny = world.policy(SCP, "DenyS3", DENY_S3);
        world.policy(SCP, "Other", DENY_S3);
        world.run(new UpdatePolicy(MGMT, deny, null, "no S3", null));
        assertThat(world.state.policy(ORG, deny)).map(OrgPolicy::description).contains("no S3");
        assertThat(world.state.policy(ORG, deny)).map(OrgPolicy::content).contains(DENY_S3);
        assertThat(world.refused(new UpdatePolicy(MGMT, deny, "Other", null, null))).isEqualTo(OrgRejections.duplicatePolicy());
        assertThat(world.refused(new UpdatePolicy(MGMT, deny, null, null, "{")).code()).isEqualTo(IamErrorCode.MALFORMED_ORGANIZATION_POLICY);
        world.run(new UpdatePolicy(MGMT, deny, null, "no S3", null));
        assertThat(world.events()).isEmpty();
        world.run(new DeletePolicy(MGMT, deny));
        assertThat(world.state.policy(ORG, deny)).isEmpty();
    }

    @Test
    void membersLeaveOrAreRemovedTheManagementAccountNeverAndOnlyAnEmptyOrganizationIsDeleted() {
        World world = new World().organization(MGMT);
        world.run(new EnablePolicyType(MGMT, ROOT, SCP));
        String dev = world.createAccount("dev");
        world.run(new AcceptHandshake(MEMBER, world.invite(MEMBER), T0));
        assertThat(world.refused(new DeleteOrganization(MGMT))).isEqualTo(OrgRejections.organizationNotEmpty());
        assertThat(world.refused(new LeaveOrganization(MGMT))).isEqualTo(OrgRejections.managementCannotLeave());
        assertThat(world.refused(new RemoveAccount(MGMT, MGMT))).isEqualTo(OrgRejections.managementCannotLeave());
        world.run(new LeaveOrganization(MEMBER));
        world.run(new RemoveAccount(MGMT, dev));
        assertThat(world.state.organizationOf(MEMBER)).isEmpty();
        assertThat(world.state.attachedTo(ORG, dev)).isEmpty();
        assertThat(world.refused(new LeaveOrganization(MEMBER))).isEqualTo(OrgRejections.notInUse());
        world.run(new DeleteOrganization(MGMT));
        assertThat(world.state.organizationOf(MGMT)).isEmpty();
        assertThat(world.state.attachedTo(ORG, ROOT)).isEmpty();
        // The management account may found a new organization; the account it created keeps its email
        world.organization(MGMT);
        assertThat(world.state.accountWithEmail("dev@example.com")).contains(dev);
    }

    @Test
    void aReplayOfTheEventsFoldsToTheSameAnswers() {
        World world = new World().organization(MGMT);
        List<OrgEvent> all = new ArrayList<>(world.events());
        String eng = world.ou(ROOT, "Eng");
        all.addAll(world.events());
        world.run(new EnablePolicyType(MGMT, ROOT, SCP));
        all.addAll(world.events());
        OrgState replayed = OrgState.empty();
        OrgDecider decider = new OrgDecider(OrgQuotas.aws());
        for (OrgEvent event : all) {
            replayed = decider.evolve(replayed, event);
        }
        assertThat(replayed.attachedTo(ORG, eng)).isEqualTo(world.state.attachedTo(ORG, eng));
        assertThat(replayed.organizationOf(MGMT)).isEqualTo(world.state.organizationOf(MGMT));
    }
}
