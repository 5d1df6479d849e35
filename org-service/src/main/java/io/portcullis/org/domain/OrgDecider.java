package io.portcullis.org.domain;

import io.portcullis.iam.decider.Decider;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.iam.error.Rejection;
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
import io.portcullis.org.domain.OrgEvent.AccountCreated;
import io.portcullis.org.domain.OrgEvent.AccountJoined;
import io.portcullis.org.domain.OrgEvent.AccountMoved;
import io.portcullis.org.domain.OrgEvent.AccountRemoved;
import io.portcullis.org.domain.OrgEvent.HandshakeAccepted;
import io.portcullis.org.domain.OrgEvent.HandshakeCanceled;
import io.portcullis.org.domain.OrgEvent.HandshakeCreated;
import io.portcullis.org.domain.OrgEvent.HandshakeDeclined;
import io.portcullis.org.domain.OrgEvent.OrganizationCreated;
import io.portcullis.org.domain.OrgEvent.OrganizationDeleted;
import io.portcullis.org.domain.OrgEvent.OrganizationPolicyCreated;
import io.portcullis.org.domain.OrgEvent.OrganizationPolicyDeleted;
import io.portcullis.org.domain.OrgEvent.OrganizationPolicyUpdated;
import io.portcullis.org.domain.OrgEvent.OrganizationalUnitCreated;
import io.portcullis.org.domain.OrgEvent.OrganizationalUnitDeleted;
import io.portcullis.org.domain.OrgEvent.OrganizationalUnitRenamed;
import io.portcullis.org.domain.OrgEvent.PolicyAttachedToTarget;
import io.portcullis.org.domain.OrgEvent.PolicyDetachedFromTarget;
import io.portcullis.org.domain.OrgEvent.PolicyTypeDisabled;
import io.portcullis.org.domain.OrgEvent.PolicyTypeEnabled;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides AWS Organizations' commands over every organization ({@link OrgState}): who may do what (the management
 * account, mostly), the tree's rules (OUs at most {@link OrgQuotas#maxOrganizationalUnitDepth()} levels below the
 * root, unique names among siblings, only empty OUs deleted), an account in at most one organization, invitations
 * as handshakes, and the policy rules (documents checked by the policy library as SCPs or RCPs, a type enabled
 * before its policies are attached, at most {@link OrgQuotas#maxPoliciesPerTarget()} of a type on a target, and at
 * least one while the type is enabled). Quotas are AWS's by default and configurable.
 */
public final class OrgDecider implements Decider<OrgCommand, OrgState, NoFacts, OrgEvent> {

    /** How long an invitation stays open, as on AWS. */
    public static final Duration HANDSHAKE_LIFETIME = Duration.ofDays(15);

    private final OrgQuotas quotas;

    public OrgDecider(OrgQuotas quotas) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    @Override
    public OrgState initialState() {
        return OrgState.empty();
    }

    @Override
    public Decision<OrgEvent> decide(OrgCommand command, OrgState state, NoFacts facts) {
        Optional<Rejection> invalid = command.validate();
        if (invalid.isPresent()) {
            return Decision.reject(invalid.get());
        }
        if (command instanceof CreateOrganization c) {
            return createOrganization(c, state);
        } else if (command instanceof DeleteOrganization c) {
            return managed(state, c, org -> state.accounts(org.id()).size() > 1 ? Decision.reject(OrgRejections.organizationNotEmpty())
                    : Decision.accept(new OrganizationDeleted(org.id(), org.managementAccountId())));
        } else if (command instanceof EnablePolicyType c) {
            return managed(state, c, org -> enablePolicyType(c, org, state));
        } else if (command instanceof DisablePolicyType c) {
            return managed(state, c, org -> disablePolicyType(c, org, state));
        } else if (command instanceof CreateAccount c) {
            return managed(state, c, org -> createAccount(c, org, state));
        } else if (command instanceof InviteAccount c) {
            return managed(state, c, org -> invite(c, org, state));
        } else if (command instanceof AcceptHandshake c) {
            return accept(c, state);
        } else if (command instanceof DeclineHandshake c) {
            return respond(state, c.handshakeId(), c.caller(), c.now(), Handshake.State.DECLINED,
                    h -> new HandshakeDeclined(h.organizationId(), h.id(), h.targetAccountId()));
        } else if (command instanceof CancelHandshake c) {
            return respond(state, c.handshakeId(), c.caller(), c.now(), Handshake.State.CANCELED,
                    h -> new HandshakeCanceled(h.organizationId(), h.id(), h.targetAccountId()));
        } else if (command instanceof RemoveAccount c) {
            return managed(state, c, org -> remove(org, state, c.memberAccountId(), false));
        } else if (command instanceof LeaveOrganization c) {
            return state.organizationOf(c.caller()).map(org -> remove(org, state, c.caller(), true))
                    .orElseGet(() -> Decision.reject(OrgRejections.notInUse()));
        } else if (command instanceof MoveAccount c) {
            return managed(state, c, org -> move(c, org, state));
        } else if (command instanceof CreateOrganizationalUnit c) {
            return managed(state, c, org -> createOrganizationalUnit(c, org, state));
        } else if (command instanceof RenameOrganizationalUnit c) {
            return managed(state, c, org -> renameOrganizationalUnit(c, org, state));
        } else if (command instanceof DeleteOrganizationalUnit c) {
            return managed(state, c, org -> state.organizationalUnit(org.id(), c.organizationalUnitId())
                    .<Decision<OrgEvent>>map(ou -> state.children(org.id(), ou.id()).isEmpty()
                            ? Decision.accept(new OrganizationalUnitDeleted(org.id(), ou.id(), ou.parentId()))
                            : Decision.reject(OrgRejections.organizationalUnitNotEmpty()))
                    .orElseGet(() -> Decision.reject(OrgRejections.organizationalUnitNotFound())));
        } else if (command instanceof CreatePolicy c) {
            return managed(state, c, org -> createPolicy(c, org, state));
        } else if (command instanceof UpdatePolicy c) {
            return managed(state, c, org -> updatePolicy(c, org, state));
        } else if (command instanceof DeletePolicy c) {
            return managed(state, c, org -> customerPolicy(state, org, c.policyId(), policy -> state.targetsOf(org.id(), policy.id()).isEmpty()
                    ? Decision.accept(new OrganizationPolicyDeleted(org.id(), policy.id(), policy.type().name()))
                    : Decision.reject(OrgRejections.policyInUse())));
        } else if (command instanceof AttachPolicy c) {
            return managed(state, c, org -> attach(c, org, state));
        } else if (command instanceof DetachPolicy c) {
            return managed(state, c, org -> detach(c, org, state));
        }
        throw new IllegalStateException("Unhandled org command " + command.getClass().getName());
    }

    @Override
    public OrgState evolve(OrgState state, OrgEvent event) {
        return OrgEvolution.apply(state, event);
    }

    private Decision<OrgEvent> createOrganization(CreateOrganization c, OrgState state) {
        if (state.organizationOf(c.caller()).isPresent()) {
            return Decision.reject(OrgRejections.alreadyInOrganization());
        }
        String organizationId = OrgIds.organizationId(c.organizationToken());
        String rootId = OrgIds.rootId(c.rootToken());
        return Decision.accept(new OrganizationCreated(organizationId, OrgIds.organizationArn(c.caller(), organizationId),
                Organization.FEATURE_SET, c.caller(), OrgIds.accountArn(c.caller(), organizationId, c.caller()), rootId,
                OrgIds.rootArn(c.caller(), organizationId, rootId), c.now()));
    }

    /** Enabling a type attaches its AWS managed policy to the root, every OU and every account, as AWS does. */
    private Decision<OrgEvent> enablePolicyType(EnablePolicyType c, Organization org, OrgState state) {
        if (!org.rootId().equals(c.rootId())) {
            return Decision.reject(OrgRejections.rootNotFound());
        }
        OrgPolicyType type = OrgPolicyType.parse(c.policyType()).orElseThrow();
        if (org.isEnabled(type)) {
            return Decision.reject(OrgRejections.policyTypeAlreadyEnabled());
        }
        List<OrgEvent> events = new ArrayList<>();
        events.add(new PolicyTypeEnabled(org.id(), org.rootId(), type.name(), type.defaultPolicyId(), type.defaultPolicyArn(),
                type.defaultPolicy().content()));
        events.add(defaultAttached(org, type, org.rootId(), "ROOT"));
        state.organizationalUnits(org.id()).forEach(ou -> events.add(defaultAttached(org, type, ou.id(), "ORGANIZATIONAL_UNIT")));
        state.accounts(org.id()).forEach(account -> events.add(defaultAttached(org, type, account.id(), "ACCOUNT")));
        return Decision.accept(events);
    }

    /** Disabling a type detaches every policy of that type from every target, then records the type disabled. */
    private Decision<OrgEvent> disablePolicyType(DisablePolicyType c, Organization org, OrgState state) {
        OrgPolicyType type = OrgPolicyType.parse(c.policyType()).orElseThrow();
        if (!org.rootId().equals(c.rootId())) {
            return Decision.reject(OrgRejections.rootNotFound());
        }
        if (!org.isEnabled(type)) {
            return Decision.reject(OrgRejections.policyTypeNotEnabled());
        }
        List<OrgEvent> events = new ArrayList<>();
        List<String> targets = new ArrayList<>(List.of(org.rootId()));
        state.organizationalUnits(org.id()).forEach(ou -> targets.add(ou.id()));
        state.accounts(org.id()).forEach(account -> targets.add(account.id()));
        for (String target : targets) {
            String targetType = state.targetType(org, target).orElseThrow();
            for (String policyId : state.attachedTo(org.id(), target)) {
                if (state.policy(org.id(), policyId).map(OrgPolicy::type).orElse(null) == type) {
                    events.add(new PolicyDetachedFromTarget(org.id(), policyId, type.name(), target, targetType));
                }
            }
        }
        events.add(new PolicyTypeDisabled(org.id(), org.rootId(), type.name()));
        return Decision.accept(events);
    }

    private Decision<OrgEvent> createAccount(CreateAccount c, Organization org, OrgState state) {
        if (state.accounts(org.id()).size() >= quotas.maxAccounts()) {
            return Decision.reject(OrgRejections.constraint(OrgRejections.Constraint.ACCOUNT_NUMBER_LIMIT_EXCEEDED));
        }
        if (state.accountWithEmail(c.email()).isPresent()) {
            return Decision.reject(OrgRejections.emailInUse());
        }
        String accountId = c.accountToken();
        List<OrgEvent> events = new ArrayList<>();
        events.add(new AccountCreated(org.id(), accountId, OrgIds.accountArn(org.managementAccountId(), org.id(), accountId), c.accountName(),
                c.email(), org.rootId(), OrgIds.createAccountRequestId(c.requestToken()), c.now()));
        org.enabledPolicyTypes().forEach(type -> events.add(defaultAttached(org, type, accountId, "ACCOUNT")));
        return Decision.accept(events);
    }

    private Decision<OrgEvent> invite(InviteAccount c, Organization org, OrgState state) {
        if (state.organizationOf(c.targetId()).isPresent()) {
            return Decision.reject(OrgRejections.invitedAccountInAnOrganization());
        }
        if (state.accounts(org.id()).size() >= quotas.maxAccounts()) {
            return Decision.reject(OrgRejections.invitationsOverAccountLimit());
        }
        boolean pending = state.handshakesOf(c.targetId()).stream()
                .anyMatch(h -> h.organizationId().equals(org.id()) && h.stateAt(c.now()) == Handshake.State.OPEN);
        if (pending) {
            return Decision.reject(OrgRejections.duplicateHandshake());
        }
        String handshakeId = OrgIds.handshakeId(c.handshakeToken());
        return Decision.accept(new HandshakeCreated(org.id(), handshakeId, OrgIds.handshakeArn(org.managementAccountId(), org.id(), handshakeId),
                org.managementAccountId(), c.targetId(), c.notes(), c.now(), c.now().plus(HANDSHAKE_LIFETIME)));
    }

    /** The invited account joins the root, with the default policy of every enabled type, if it is in no organization. */
    private Decision<OrgEvent> accept(AcceptHandshake c, OrgState state) {
        Optional<Handshake> found = state.handshake(c.handshakeId()).filter(h -> h.targetAccountId().equals(c.caller()));
        if (found.isEmpty()) {
            return Decision.reject(OrgRejections.handshakeNotFound());
        }
        Handshake handshake = found.get();
        Optional<Rejection> transition = transition(handshake, c.now(), Handshake.State.ACCEPTED);
        if (transition.isPresent()) {
            return Decision.reject(transition.get());
        }
        if (state.organizationOf(c.caller()).isPresent()) {
            return Decision.reject(OrgRejections.invitedAccountInAnOrganization());
        }
        Organization org = state.organizationOf(handshake.managementAccountId()).filter(o -> o.id().equals(handshake.organizationId()))
                .orElse(null);
        if (org == null) {
            return Decision.reject(OrgRejections.invalidHandshakeTransition());
        }
        if (state.accounts(org.id()).size() >= quotas.maxAccounts()) {
            return Decision.reject(OrgRejections.constraint(OrgRejections.Constraint.ACCOUNT_NUMBER_LIMIT_EXCEEDED));
        }
        List<OrgEvent> events = new ArrayList<>();
        events.add(new HandshakeAccepted(org.id(), handshake.id(), c.caller()));
        events.add(new AccountJoined(org.id(), c.caller(), OrgIds.accountArn(org.managementAccountId(), org.id(), c.caller()), org.rootId(),
                handshake.id(), c.now()));
        org.enabledPolicyTypes().forEach(type -> events.add(defaultAttached(org, type, c.caller(), "ACCOUNT")));
        return Decision.accept(events);
    }

    /** Decline (by the invited account) and cancel (by the management account that offered it). */
    private Decision<OrgEvent> respond(OrgState state, String handshakeId, String caller, Instant now, Handshake.State to,
                                       Function<Handshake, OrgEvent> event) {
        Optional<Handshake> found = state.handshake(handshakeId).filter(h -> to == Handshake.State.CANCELED
                ? h.managementAccountId().equals(caller) : h.targetAccountId().equals(caller));
        if (found.isEmpty()) {
            return Decision.reject(OrgRejections.handshakeNotFound());
        }
        return transition(found.get(), now, to).<Decision<OrgEvent>>map(Decision::reject)
                .orElseGet(() -> Decision.accept(event.apply(found.get())));
    }

    private static Optional<Rejection> transition(Handshake handshake, Instant now, Handshake.State to) {
        Handshake.State current = handshake.stateAt(now);
        if (current == to) {
            return Optional.of(OrgRejections.handshakeAlreadyInState());
        }
        return current == Handshake.State.OPEN ? Optional.empty() : Optional.of(OrgRejections.invalidHandshakeTransition());
    }

    private static Decision<OrgEvent> remove(Organization org, OrgState state, String accountId, boolean left) {
        Optional<MemberAccount> account = state.account(org.id(), accountId);
        if (account.isEmpty()) {
            return Decision.reject(OrgRejections.accountNotFound());
        }
        if (org.managementAccountId().equals(accountId)) {
            return Decision.reject(OrgRejections.managementCannotLeave());
        }
        return Decision.accept(new AccountRemoved(org.id(), accountId, account.get().parentId(), left));
    }

    private static Decision<OrgEvent> move(MoveAccount c, Organization org, OrgState state) {
        Optional<MemberAccount> account = state.account(org.id(), c.memberAccountId());
        if (account.isEmpty()) {
            return Decision.reject(OrgRejections.accountNotFound());
        }
        if (!state.isParent(org, c.sourceParentId()) || !account.get().parentId().equals(c.sourceParentId())) {
            return Decision.reject(OrgRejections.sourceParentNotFound());
        }
        if (!state.isParent(org, c.destinationParentId())) {
            return Decision.reject(OrgRejections.destinationParentNotFound());
        }
        if (c.sourceParentId().equals(c.destinationParentId())) {
            return Decision.reject(OrgRejections.duplicateAccount());
        }
        return Decision.accept(new AccountMoved(org.id(), c.memberAccountId(), c.sourceParentId(), c.destinationParentId()));
    }

    private Decision<OrgEvent> createOrganizationalUnit(CreateOrganizationalUnit c, Organization org, OrgState state) {
        if (!state.isParent(org, c.parentId())) {
            return Decision.reject(OrgRejections.parentNotFound());
        }
        int depth = org.rootId().equals(c.parentId()) ? 1 : state.organizationalUnit(org.id(), c.parentId()).orElseThrow().depth() + 1;
        if (depth > quotas.maxOrganizationalUnitDepth()) {
            return Decision.reject(OrgRejections.constraint(OrgRejections.Constraint.OU_DEPTH_LIMIT_EXCEEDED));
        }
        if (state.organizationalUnits(org.id()).size() >= quotas.maxOrganizationalUnits()) {
            return Decision.reject(OrgRejections.constraint(OrgRejections.Constraint.OU_NUMBER_LIMIT_EXCEEDED));
        }
        if (siblingNamed(state, org, c.parentId(), c.name(), null)) {
            return Decision.reject(OrgRejections.duplicateOrganizationalUnit());
        }
        String ouId = OrgIds.organizationalUnitId(org.rootId(), c.idToken());
        List<OrgEvent> events = new ArrayList<>();
        events.add(new OrganizationalUnitCreated(org.id(), ouId, OrgIds.organizationalUnitArn(org.managementAccountId(), org.id(), ouId),
                c.name(), c.parentId()));
        org.enabledPolicyTypes().forEach(type -> events.add(defaultAttached(org, type, ouId, "ORGANIZATIONAL_UNIT")));
        return Decision.accept(events);
    }

    private static Decision<OrgEvent> renameOrganizationalUnit(RenameOrganizationalUnit c, Organization org, OrgState state) {
        Optional<OrganizationalUnit> ou = state.organizationalUnit(org.id(), c.organizationalUnitId());
        if (ou.isEmpty()) {
            return Decision.reject(OrgRejections.organizationalUnitNotFound());
        }
        if (ou.get().name().equals(c.name())) {
            return Decision.accept(List.of());
        }
        if (siblingNamed(state, org, ou.get().parentId(), c.name(), ou.get().id())) {
            return Decision.reject(OrgRejections.duplicateOrganizationalUnit());
        }
        return Decision.accept(new OrganizationalUnitRenamed(org.id(), ou.get().id(), c.name()));
    }

    private static boolean siblingNamed(OrgState state, Organization org, String parentId, String name, String except) {
        return state.children(org.id(), parentId).organizationalUnits().stream()
                .filter(id -> !id.equals(except))
                .map(id -> state.organizationalUnit(org.id(), id).orElseThrow().name())
                .anyMatch(name::equals);
    }

    private Decision<OrgEvent> createPolicy(CreatePolicy c, Organization org, OrgState state) {
        OrgPolicyType type = OrgPolicyType.parse(c.policyType()).orElseThrow();
        List<OrgPolicy> ofType = state.policies(org.id()).stream().filter(p -> p.type() == type).toList();
        if (ofType.size() >= quotas.maxPoliciesPerType()) {
            return Decision.reject(OrgRejections.constraint(OrgRejections.Constraint.POLICY_NUMBER_LIMIT_EXCEEDED));
        }
        if (ofType.stream().anyMatch(p -> p.name().equals(c.name())) || type.defaultPolicy().name().equals(c.name())) {
            return Decision.reject(OrgRejections.duplicatePolicy());
        }
        Optional<Rejection> content = OrgPolicyDocuments.check(c.content(), type, quotas.maxPolicySize());
        if (content.isPresent()) {
            return Decision.reject(content.get());
        }
        String policyId = OrgIds.policyId(c.idToken());
        return Decision.accept(new OrganizationPolicyCreated(org.id(), policyId, OrgIds.policyArn(org.managementAccountId(), org.id(), type,
                policyId), type.name(), c.name(), c.description(), c.content()));
    }

    private Decision<OrgEvent> updatePolicy(UpdatePolicy c, Organization org, OrgState state) {
        return customerPolicy(state, org, c.policyId(), policy -> {
            String name = c.name() == null ? policy.name() : c.name();
            String description = c.description() == null ? policy.description() : c.description();
            String content = c.content() == null ? policy.content() : c.content();
            if (!name.equals(policy.name()) && state.policies(org.id()).stream()
                    .anyMatch(p -> p.type() == policy.type() && p.name().equals(name))) {
                return Decision.reject(OrgRejections.duplicatePolicy());
            }
            if (c.content() != null) {
                Optional<Rejection> invalid = OrgPolicyDocuments.check(content, policy.type(), quotas.maxPolicySize());
                if (invalid.isPresent()) {
                    return Decision.reject(invalid.get());
                }
            }
            if (name.equals(policy.name()) && description.equals(policy.description()) && content.equals(policy.content())) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new OrganizationPolicyUpdated(org.id(), policy.id(), policy.type().name(), name, description, content));
        });
    }

    private Decision<OrgEvent> attach(AttachPolicy c, Organization org, OrgState state) {
        Optional<OrgPolicy> policy = state.policy(org.id(), c.policyId());
        if (policy.isEmpty()) {
            return Decision.reject(OrgRejections.policyNotFound());
        }
        Optional<String> targetType = state.targetType(org, c.targetId());
        if (targetType.isEmpty()) {
            return Decision.reject(OrgRejections.targetNotFound());
        }
        OrgPolicyType type = policy.get().type();
        if (!org.isEnabled(type)) {
            return Decision.reject(OrgRejections.policyTypeNotEnabled());
        }
        List<String> attached = state.attachedTo(org.id(), c.targetId());
        if (attached.contains(c.policyId())) {
            return Decision.reject(OrgRejections.duplicatePolicyAttachment());
        }
        if (countOfType(state, org, attached, type) >= quotas.maxPoliciesPerTarget()) {
            return Decision.reject(OrgRejections.constraint(OrgRejections.Constraint.MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED));
        }
        return Decision.accept(new PolicyAttachedToTarget(org.id(), c.policyId(), type.name(), c.targetId(), targetType.get()));
    }

    /** A target keeps at least one policy of each enabled type, as AWS enforces. */
    private static Decision<OrgEvent> detach(DetachPolicy c, Organization org, OrgState state) {
        Optional<OrgPolicy> policy = state.policy(org.id(), c.policyId());
        if (policy.isEmpty()) {
            return Decision.reject(OrgRejections.policyNotFound());
        }
        Optional<String> targetType = state.targetType(org, c.targetId());
        if (targetType.isEmpty()) {
            return Decision.reject(OrgRejections.targetNotFound());
        }
        List<String> attached = state.attachedTo(org.id(), c.targetId());
        if (!attached.contains(c.policyId())) {
            return Decision.reject(OrgRejections.policyNotAttached());
        }
        OrgPolicyType type = policy.get().type();
        if (org.isEnabled(type) && countOfType(state, org, attached, type) <= 1) {
            return Decision.reject(OrgRejections.constraint(OrgRejections.Constraint.MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED));
        }
        return Decision.accept(new PolicyDetachedFromTarget(org.id(), c.policyId(), type.name(), c.targetId(), targetType.get()));
    }

    private static long countOfType(OrgState state, Organization org, List<String> attached, OrgPolicyType type) {
        return attached.stream().filter(id -> state.policy(org.id(), id).map(OrgPolicy::type).orElse(null) == type).count();
    }

    private static PolicyAttachedToTarget defaultAttached(Organization org, OrgPolicyType type, String targetId, String targetType) {
        return new PolicyAttachedToTarget(org.id(), type.defaultPolicyId(), type.name(), targetId, targetType);
    }

    /** The caller's organization, if the caller is its management account. */
    private static Decision<OrgEvent> managed(OrgState state, OrgCommand command, Function<Organization, Decision<OrgEvent>> decide) {
        Optional<Organization> org = state.organizationOf(command.caller());
        if (org.isEmpty()) {
            return Decision.reject(OrgRejections.notInUse());
        }
        if (!org.get().managementAccountId().equals(command.caller())) {
            return Decision.reject(OrgRejections.accessDenied());
        }
        return decide.apply(org.get());
    }

    /** A policy the organization made: AWS's managed policies cannot be changed or deleted. */
    private static Decision<OrgEvent> customerPolicy(OrgState state, Organization org, String policyId,
                                                     Function<OrgPolicy, Decision<OrgEvent>> decide) {
        Optional<OrgPolicy> policy = state.policy(org.id(), policyId);
        if (policy.isEmpty()) {
            return Decision.reject(OrgRejections.policyNotFound());
        }
        if (policy.get().awsManaged()) {
            return Decision.reject(OrgRejections.accessDenied());
        }
        return decide.apply(policy.get());
    }
}
