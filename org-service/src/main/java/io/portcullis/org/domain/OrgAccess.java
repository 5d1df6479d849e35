package io.portcullis.org.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.access.AccessRule;
import io.portcullis.iam.access.RequestedAccess;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What each of org-service's requests asks to do, in AWS Organizations' terms (the Service Authorization Reference for
 * Organizations): the action, the ARNs of the organization's entities it names as they exist (account, root, OU,
 * policy, handshake: all in the management account's namespace), and {@code organizations:PolicyType} where a policy's
 * type is known. An action that names several resources (AttachPolicy names the policy and its target, MoveAccount
 * the account and both parents) is asked once per resource, and all must be allowed, as IAM requires. An id that names
 * nothing in the caller's organization is asked on {@code *}: a policy scoped to particular ARNs refuses it, a broad
 * one lets the service answer that it is not found.
 *
 * <p>The account acted in is always the calling account (the path's); whether it may act on the organization at all
 * (the management account only, for most actions) is the decider's to say, after the authorizer.
 */
public final class OrgAccess {

    private static final String POLICY_TYPE = "organizations:PolicyType";

    private OrgAccess() {
    }

    public static List<RequestedAccess> of(AccountId caller, OrgCommand command, Supplier<OrgState> state, Supplier<NoFacts> facts) {
        if (command instanceof CreateOrganization) {
            return List.of(onAll("organizations:CreateOrganization", caller));
        } else if (command instanceof DeleteOrganization) {
            return List.of(onAll("organizations:DeleteOrganization", caller));
        } else if (command instanceof LeaveOrganization) {
            return List.of(onAll("organizations:LeaveOrganization", caller));
        } else if (command instanceof EnablePolicyType c) {
            return List.of(on("organizations:EnablePolicyType", caller, state.get(), c.rootId()).with(POLICY_TYPE, c.policyType()));
        } else if (command instanceof DisablePolicyType c) {
            return List.of(on("organizations:DisablePolicyType", caller, state.get(), c.rootId()).with(POLICY_TYPE, c.policyType()));
        } else if (command instanceof CreateAccount) {
            return List.of(onAll("organizations:CreateAccount", caller));
        } else if (command instanceof InviteAccount) {
            return List.of(onAll("organizations:InviteAccountToOrganization", caller));
        } else if (command instanceof AcceptHandshake c) {
            return List.of(on("organizations:AcceptHandshake", caller, state.get(), c.handshakeId()));
        } else if (command instanceof DeclineHandshake c) {
            return List.of(on("organizations:DeclineHandshake", caller, state.get(), c.handshakeId()));
        } else if (command instanceof CancelHandshake c) {
            return List.of(on("organizations:CancelHandshake", caller, state.get(), c.handshakeId()));
        } else if (command instanceof RemoveAccount c) {
            return List.of(on("organizations:RemoveAccountFromOrganization", caller, state.get(), c.memberAccountId()));
        } else if (command instanceof MoveAccount c) {
            return onEach("organizations:MoveAccount", caller, state.get(), c.memberAccountId(), c.sourceParentId(), c.destinationParentId());
        } else if (command instanceof CreateOrganizationalUnit c) {
            return List.of(on("organizations:CreateOrganizationalUnit", caller, state.get(), c.parentId()));
        } else if (command instanceof RenameOrganizationalUnit c) {
            return List.of(on("organizations:UpdateOrganizationalUnit", caller, state.get(), c.organizationalUnitId()));
        } else if (command instanceof DeleteOrganizationalUnit c) {
            return List.of(on("organizations:DeleteOrganizationalUnit", caller, state.get(), c.organizationalUnitId()));
        } else if (command instanceof CreatePolicy c) {
            return List.of(onAll("organizations:CreatePolicy", caller).with(POLICY_TYPE, c.policyType()));
        } else if (command instanceof UpdatePolicy c) {
            return List.of(onPolicy("organizations:UpdatePolicy", caller, state.get(), c.policyId()));
        } else if (command instanceof DeletePolicy c) {
            return List.of(onPolicy("organizations:DeletePolicy", caller, state.get(), c.policyId()));
        } else if (command instanceof AttachPolicy c) {
            return onPolicyAndTarget("organizations:AttachPolicy", caller, state.get(), c.policyId(), c.targetId());
        } else if (command instanceof DetachPolicy c) {
            return onPolicyAndTarget("organizations:DetachPolicy", caller, state.get(), c.policyId(), c.targetId());
        }
        throw new IllegalStateException("No access named for org command " + command.getClass().getName());
    }

    /**
     * A read on no particular resource: DescribeOrganization, ListRoots, ListAccounts, ListHandshakesForAccount,
     * DescribeCreateAccountStatus.
     */
    public static AccessRule<OrgState, NoFacts> onAll(String action) {
        return AccessRule.of(caller -> onAll(action, caller));
    }

    /** ListPolicies: on {@code *}, with the type listed. */
    public static AccessRule<OrgState, NoFacts> listPolicies(OrgPolicyType type) {
        return AccessRule.of(caller -> onAll("organizations:ListPolicies", caller).with(POLICY_TYPE, type.name()));
    }

    /**
     * A read on the entity {@code id} names (DescribeAccount, DescribeOrganizationalUnit, DescribeHandshake, ListChildren,
     * ListParents, ListAccountsForParent, ListOrganizationalUnitsForParent).
     */
    public static AccessRule<OrgState, NoFacts> on(String action, String id) {
        return (caller, state, facts) -> List.of(on(action, caller, state.get(), id));
    }

    /** DescribePolicy, ListTargetsForPolicy: on the policy, with its type. */
    public static AccessRule<OrgState, NoFacts> onPolicy(String action, String policyId) {
        return (caller, state, facts) -> List.of(onPolicy(action, caller, state.get(), policyId));
    }

    /** ListPoliciesForTarget: on the target, with the type listed. */
    public static AccessRule<OrgState, NoFacts> listPoliciesForTarget(String targetId, OrgPolicyType type) {
        return (caller, state, facts) -> List.of(on("organizations:ListPoliciesForTarget", caller, state.get(), targetId)
                .with(POLICY_TYPE, type.name()));
    }

    /**
     * The ARN of the root, OU, account, policy or handshake {@code id} names in the caller's organization (a handshake:
     * one the caller is party to), or {@code *} when it names none there.
     */
    static String arnOf(OrgState state, AccountId caller, String id) {
        if (id == null) {
            return "*";
        }
        Optional<Handshake> handshake = state.handshake(id)
                .filter(h -> h.managementAccountId().equals(caller.value()) || h.targetAccountId().equals(caller.value()));
        if (handshake.isPresent()) {
            return handshake.get().arn();
        }
        Optional<Organization> organization = state.organizationOf(caller.value());
        if (organization.isEmpty()) {
            return "*";
        }
        Organization org = organization.get();
        if (org.rootId().equals(id)) {
            return org.rootArn();
        }
        return state.organizationalUnit(org.id(), id).map(OrganizationalUnit::arn)
                .or(() -> state.account(org.id(), id).map(MemberAccount::arn))
                .or(() -> state.policy(org.id(), id).map(OrgPolicy::arn))
                .orElse("*");
    }

    private static RequestedAccess onAll(String action, AccountId caller) {
        return RequestedAccess.of(action, "*", caller);
    }

    private static RequestedAccess on(String action, AccountId caller, OrgState state, String id) {
        return RequestedAccess.of(action, arnOf(state, caller, id), caller);
    }

    private static List<RequestedAccess> onEach(String action, AccountId caller, OrgState state, String... ids) {
        List<RequestedAccess> accesses = new ArrayList<>(ids.length);
        for (String id : ids) {
            accesses.add(on(action, caller, state, id));
        }
        return List.copyOf(accesses);
    }

    private static RequestedAccess onPolicy(String action, AccountId caller, OrgState state, String policyId) {
        return on(action, caller, state, policyId).with(POLICY_TYPE, policyType(state, caller, policyId));
    }

    private static List<RequestedAccess> onPolicyAndTarget(String action, AccountId caller, OrgState state, String policyId, String targetId) {
        String type = policyType(state, caller, policyId);
        return List.of(onPolicy(action, caller, state, policyId), on(action, caller, state, targetId).with(POLICY_TYPE, type));
    }

    /** The type of the policy, when it is one of the caller's organization (or AWS's managed one). */
    private static String policyType(OrgState state, AccountId caller, String policyId) {
        if (policyId == null) {
            return null;
        }
        return state.organizationOf(caller.value()).flatMap(org -> state.policy(org.id(), policyId))
                .map(policy -> policy.type().name()).orElse(null);
    }
}
