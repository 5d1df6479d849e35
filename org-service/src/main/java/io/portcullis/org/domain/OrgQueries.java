package io.portcullis.org.domain;

import io.portcullis.iam.error.Lookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read questions of AWS Organizations, as pure functions of the state and the caller. Member accounts may
 * describe their organization and the handshakes they are party to; everything else is the management account's,
 * as on AWS (which also lets a delegated administrator read; this service has none).
 */
public final class OrgQueries {

    private OrgQueries() {
    }

    /** AWS's {@code Root}, with the policy types enabled in it. */
    public record Root(String id, String arn, String name, List<OrgPolicyType> policyTypes) {
    }

    /** A child or parent: its id and {@code ACCOUNT}, {@code ORGANIZATIONAL_UNIT} or {@code ROOT}. */
    public record Relative(String id, String type) {
    }

    /** Where a policy is attached: AWS's {@code PolicyTargetSummary}. */
    public record Target(String targetId, String arn, String name, String type) {
    }

    /** {@code DescribeOrganization}: any account of the organization. */
    public static Lookup<Organization> organization(OrgState state, String caller) {
        return Lookup.of(state.organizationOf(caller), OrgRejections::notInUse);
    }

    /** The caller's organization when the caller is its management account. */
    public static Lookup<Organization> managed(OrgState state, String caller) {
        return organization(state, caller).flatMap(org -> org.managementAccountId().equals(caller) ? Lookup.found(org)
                : Lookup.missing(OrgRejections.accessDenied()));
    }

    public static Lookup<List<Root>> roots(OrgState state, String caller) {
        return managed(state, caller).map(org -> List.of(new Root(org.rootId(), org.rootArn(), Organization.ROOT_NAME,
                org.enabledPolicyTypes())));
    }

    public static Lookup<MemberAccount> account(OrgState state, String caller, String accountId) {
        return managed(state, caller).flatMap(org -> Lookup.of(state.account(org.id(), accountId), OrgRejections::accountNotFound));
    }

    public static Lookup<List<MemberAccount>> accounts(OrgState state, String caller) {
        return managed(state, caller).map(org -> state.accounts(org.id()));
    }

    public static Lookup<List<MemberAccount>> accountsForParent(OrgState state, String caller, String parentId) {
        return parent(state, caller, parentId).map(org -> state.children(org.id(), parentId).accounts().stream()
                .map(id -> state.account(org.id(), id).orElseThrow()).toList());
    }

    public static Lookup<OrganizationalUnit> organizationalUnit(OrgState state, String caller, String ouId) {
        return managed(state, caller).flatMap(org -> Lookup.of(state.organizationalUnit(org.id(), ouId),
                OrgRejections::organizationalUnitNotFound));
    }

    public static Lookup<List<OrganizationalUnit>> organizationalUnitsForParent(OrgState state, String caller, String parentId) {
        return parent(state, caller, parentId).map(org -> state.children(org.id(), parentId).organizationalUnits().stream()
                .map(id -> state.organizationalUnit(org.id(), id).orElseThrow()).toList());
    }

    /** {@code ListChildren}: {@code childType} is {@code ACCOUNT} or {@code ORGANIZATIONAL_UNIT}. */
    public static Lookup<List<Relative>> children(OrgState state, String caller, String parentId, String childType) {
        return parent(state, caller, parentId).map(org -> {
            OrgState.Children children = state.children(org.id(), parentId);
            List<String> ids = "ACCOUNT".equals(childType) ? children.accounts() : children.organizationalUnits();
            return ids.stream().map(id -> new Relative(id, childType)).toList();
        });
    }

    /** {@code ListParents}: the one parent of an account or OU. */
    public static Lookup<List<Relative>> parents(OrgState state, String caller, String childId) {
        return managed(state, caller).flatMap(org -> {
            Optional<String> parent = state.account(org.id(), childId).map(MemberAccount::parentId)
                    .or(() -> state.organizationalUnit(org.id(), childId).map(OrganizationalUnit::parentId));
            return Lookup.of(parent.map(id -> List.of(new Relative(id, org.rootId().equals(id) ? "ROOT" : "ORGANIZATIONAL_UNIT"))),
                    OrgRejections::childNotFound);
        });
    }

    public static Lookup<OrgPolicy> policy(OrgState state, String caller, String policyId) {
        return managed(state, caller).flatMap(org -> Lookup.of(state.policy(org.id(), policyId), OrgRejections::policyNotFound));
    }

    /** {@code ListPolicies} of a type: AWS's managed policy of the type first while the type is enabled, then the organization's. */
    public static Lookup<List<OrgPolicy>> policies(OrgState state, String caller, OrgPolicyType type) {
        return managed(state, caller).map(org -> {
            List<OrgPolicy> found = new ArrayList<>();
            if (org.isEnabled(type)) {
                found.add(type.defaultPolicy());
            }
            state.policies(org.id()).stream().filter(p -> p.type() == type).forEach(found::add);
            return found;
        });
    }

    public static Lookup<List<OrgPolicy>> policiesForTarget(OrgState state, String caller, String targetId, OrgPolicyType type) {
        return managed(state, caller).flatMap(org -> Lookup.of(state.targetType(org, targetId), OrgRejections::targetNotFound)
                .map(targetType -> state.attachedTo(org.id(), targetId).stream().map(id -> state.policy(org.id(), id).orElseThrow())
                        .filter(p -> p.type() == type).toList()));
    }

    public static Lookup<List<Target>> targetsForPolicy(OrgState state, String caller, String policyId) {
        return policy(state, caller, policyId).flatMap(policy -> managed(state, caller).map(org -> state.targetsOf(org.id(), policyId).stream()
                .map(id -> target(state, org, id)).toList()));
    }

    /** {@code DescribeHandshake}: for the invited account and the management account that offered it. */
    public static Lookup<Handshake> handshake(OrgState state, String caller, String handshakeId) {
        return Lookup.of(state.handshake(handshakeId).filter(h -> h.targetAccountId().equals(caller) || h.managementAccountId().equals(caller)),
                OrgRejections::handshakeNotFound);
    }

    /** {@code ListHandshakesForAccount}: every handshake the caller is party to, oldest first (any account may ask). */
    public static List<Handshake> handshakes(OrgState state, String caller) {
        return state.handshakesOf(caller);
    }

    public static Lookup<CreateAccountStatus> createAccountStatus(OrgState state, String caller, String requestId) {
        return managed(state, caller).flatMap(org -> Lookup.of(state.createAccountStatus(org.id(), requestId),
                OrgRejections::createAccountStatusNotFound));
    }

    private static Lookup<Organization> parent(OrgState state, String caller, String parentId) {
        return managed(state, caller).flatMap(org -> state.isParent(org, parentId) ? Lookup.found(org)
                : Lookup.missing(OrgRejections.parentNotFound()));
    }

    private static Target target(OrgState state, Organization org, String targetId) {
        if (org.rootId().equals(targetId)) {
            return new Target(targetId, org.rootArn(), Organization.ROOT_NAME, "ROOT");
        }
        Optional<OrganizationalUnit> ou = state.organizationalUnit(org.id(), targetId);
        if (ou.isPresent()) {
            return new Target(targetId, ou.get().arn(), ou.get().name(), "ORGANIZATIONAL_UNIT");
        }
        MemberAccount account = state.account(org.id(), targetId).orElseThrow();
        return new Target(targetId, account.arn(), account.name(), "ACCOUNT");
    }
}
