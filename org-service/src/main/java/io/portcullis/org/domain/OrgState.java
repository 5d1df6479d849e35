package io.portcullis.org.domain;

import io.portcullis.iam.persistent.PersistentTreeMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Every organization, immutable. Entities of an organization are kept under {@code organizationId/id} keys, so an
 * organization's accounts, OUs or policies are one ordered range, and an id found in another organization is not
 * found. Also kept: which organization each account is in (at most one), each parent's children, what is attached
 * to each target and where each policy is attached, handshakes by id and by party, and the email of every account
 * created here (emails stay taken after an account leaves, as AWS keeps the account).
 */
public final class OrgState {

    /** A root's or OU's children, in the order they arrived. */
    public record Children(List<String> organizationalUnits, List<String> accounts) {
        static final Children NONE = new Children(List.of(), List.of());

        public Children {
            organizationalUnits = List.copyOf(organizationalUnits);
            accounts = List.copyOf(accounts);
        }

        public boolean isEmpty() {
            return organizationalUnits.isEmpty() && accounts.isEmpty();
        }
    }

    private static final OrgState EMPTY = new OrgState(PersistentTreeMap.empty(), PersistentTreeMap.empty(), PersistentTreeMap.empty(),
            PersistentTreeMap.empty(), PersistentTreeMap.empty(), PersistentTreeMap.empty(), PersistentTreeMap.empty(),
            PersistentTreeMap.empty(), PersistentTreeMap.empty(), PersistentTreeMap.empty(), PersistentTreeMap.empty(),
            PersistentTreeMap.empty());

    private final PersistentTreeMap<Organization> organizations;
    private final PersistentTreeMap<String> organizationOfAccount;
    private final PersistentTreeMap<MemberAccount> accounts;
    private final PersistentTreeMap<OrganizationalUnit> organizationalUnits;
    private final PersistentTreeMap<Children> children;
    private final PersistentTreeMap<OrgPolicy> policies;
    private final PersistentTreeMap<List<String>> attachedToTarget;
    private final PersistentTreeMap<List<String>> targetsOfPolicy;
    private final PersistentTreeMap<Handshake> handshakes;
    private final PersistentTreeMap<List<String>> handshakesOfAccount;
    private final PersistentTreeMap<CreateAccountStatus> createAccountStatuses;
    private final PersistentTreeMap<String> accountOfEmail;

    private OrgState(PersistentTreeMap<Organization> organizations, PersistentTreeMap<String> organizationOfAccount,
                     PersistentTreeMap<MemberAccount> accounts, PersistentTreeMap<OrganizationalUnit> organizationalUnits,
                     PersistentTreeMap<Children> children, PersistentTreeMap<OrgPolicy> policies,
                     PersistentTreeMap<List<String>> attachedToTarget, PersistentTreeMap<List<String>> targetsOfPolicy,
                     PersistentTreeMap<Handshake> handshakes, PersistentTreeMap<List<String>> handshakesOfAccount,
                     PersistentTreeMap<CreateAccountStatus> createAccountStatuses, PersistentTreeMap<String> accountOfEmail) {
        this.organizations = organizations;
        this.organizationOfAccount = organizationOfAccount;
        this.accounts = accounts;
        this.organizationalUnits = organizationalUnits;
        this.children = children;
        this.policies = policies;
        this.attachedToTarget = attachedToTarget;
        this.targetsOfPolicy = targetsOfPolicy;
        this.handshakes = handshakes;
        this.handshakesOfAccount = handshakesOfAccount;
        this.createAccountStatuses = createAccountStatuses;
        this.accountOfEmail = accountOfEmail;
    }

    public static OrgState empty() {
        return EMPTY;
    }

    // Reads

    public Optional<Organization> organizationById(String organizationId) {
        return Optional.ofNullable(organizations.get(organizationId));
    }

    /** The organization the account is in, as management or member account. */
    public Optional<Organization> organizationOf(String accountId) {
        String organizationId = organizationOfAccount.get(accountId);
        return organizationId == null ? Optional.empty() : Optional.ofNullable(organizations.get(organizationId));
    }

    public Optional<MemberAccount> account(String organizationId, String accountId) {
        return Optional.ofNullable(accounts.get(key(organizationId, accountId)));
    }

    public List<MemberAccount> accounts(String organizationId) {
        return within(accounts, organizationId, MemberAccount::organizationId);
    }

    public Optional<OrganizationalUnit> organizationalUnit(String organizationId, String ouId) {
        return Optional.ofNullable(organizationalUnits.get(key(organizationId, ouId)));
    }

    public List<OrganizationalUnit> organizationalUnits(String organizationId) {
        return within(organizationalUnits, organizationId, OrganizationalUnit::organizationId);
    }

    /** True when the id is the organization's root or one of its OUs. */
    public boolean isParent(Organization organization, String parentId) {
        return organization.rootId().equals(parentId) || organizationalUnit(organization.id(), parentId).isPresent();
    }

    public Children children(String organizationId, String parentId) {
        Children found = children.get(key(organizationId, parentId));
        return found == null ? Children.NONE : found;
    }

    /** A customer managed policy of the organization, or an AWS managed one of a type the organization keeps. */
    public Optional<OrgPolicy> policy(String organizationId, String policyId) {
        for (OrgPolicyType type : OrgPolicyType.values()) {
            if (type.defaultPolicyId().equals(policyId)) {
                return Optional.of(type.defaultPolicy());
            }
        }
        return Optional.ofNullable(policies.get(key(organizationId, policyId)));
    }

    /** The organization's own policies, by id. */
    public List<OrgPolicy> policies(String organizationId) {
        return within(policies, organizationId, OrgPolicy::organizationId);
    }

    /** The ids of the policies attached to the target (root, OU or account), in the order attached. */
    public List<String> attachedTo(String organizationId, String targetId) {
        List<String> attached = attachedToTarget.get(key(organizationId, targetId));
        return attached == null ? List.of() : attached;
    }

    /** The targets the policy is attached to in the organization, in the order attached. */
    public List<String> targetsOf(String organizationId, String policyId) {
        List<String> targets = targetsOfPolicy.get(key(organizationId, policyId));
        return targets == null ? List.of() : targets;
    }

    public Optional<Handshake> handshake(String handshakeId) {
        return Optional.ofNullable(handshakes.get(handshakeId));
    }

    /** The handshakes the account is a party to (as invited account or as management account), oldest first. */
    public List<Handshake> handshakesOf(String accountId) {
        List<String> ids = handshakesOfAccount.get(accountId);
        return ids == null ? List.of() : ids.stream().map(handshakes::get).toList();
    }

    public Optional<CreateAccountStatus> createAccountStatus(String organizationId, String requestId) {
        return Optional.ofNullable(createAccountStatuses.get(key(organizationId, requestId)));
    }

    public List<CreateAccountStatus> createAccountStatuses(String organizationId) {
        return within(createAccountStatuses, organizationId, CreateAccountStatus::organizationId);
    }

    /** The account created here with this email (any case), if any. */
    public Optional<String> accountWithEmail(String email) {
        return Optional.ofNullable(accountOfEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    /** The target type of an id of the organization, or empty when it names nothing there. */
    public Optional<String> targetType(Organization organization, String targetId) {
        if (organization.rootId().equals(targetId)) {
            return Optional.of("ROOT");
        } else if (organizationalUnit(organization.id(), targetId).isPresent()) {
            return Optional.of("ORGANIZATIONAL_UNIT");
        } else if (account(organization.id(), targetId).isPresent()) {
            return Optional.of("ACCOUNT");
        }
        return Optional.empty();
    }

    // Transitions, used by evolve; each is total, so a replayed topic always folds.

    OrgState withOrganization(Organization organization) {
        return copy(b -> b.organizations = organizations.put(organization.id(), organization));
    }

    OrgState withoutOrganization(String organizationId) {
        Organization organization = organizations.get(organizationId);
        if (organization == null) {
            return this;
        }
        OrgState state = this;
        for (MemberAccount account : accounts(organizationId)) {
            state = state.withoutAccount(organizationId, account.id());
        }
        for (OrganizationalUnit ou : organizationalUnits(organizationId)) {
            state = state.withoutOrganizationalUnit(organizationId, ou.id());
        }
        for (OrgPolicy policy : policies(organizationId)) {
            state = state.withoutPolicy(organizationId, policy.id());
        }
        for (OrgPolicyType type : OrgPolicyType.values()) {
            state = state.withoutPolicyTargets(organizationId, type.defaultPolicyId());
        }
        for (CreateAccountStatus status : createAccountStatuses(organizationId)) {
            OrgState before = state;
            state = before.copy(b -> b.createAccountStatuses = before.createAccountStatuses.remove(key(organizationId, status.id())));
        }
        OrgState cleared = state.withoutTarget(organizationId, organization.rootId());
        return cleared.copy(b -> {
            b.organizations = cleared.organizations.remove(organizationId);
            b.children = cleared.children.remove(key(organizationId, organization.rootId()));
        });
    }

    OrgState withAccount(MemberAccount account, boolean created) {
        OrgState placed = copy(b -> {
            b.accounts = accounts.put(key(account.organizationId(), account.id()), account);
            b.organizationOfAccount = organizationOfAccount.put(account.id(), account.organizationId());
            if (created && account.email() != null) {
                b.accountOfEmail = accountOfEmail.put(account.email().toLowerCase(Locale.ROOT), account.id());
            }
        });
        return placed.withChild(account.organizationId(), account.parentId(), c -> new Children(c.organizationalUnits(),
                append(c.accounts(), account.id())));
    }

    OrgState withAccountMoved(String organizationId, String accountId, String destinationParentId) {
        MemberAccount account = accounts.get(key(organizationId, accountId));
        if (account == null) {
            return this;
        }
        return withChild(organizationId, account.parentId(), c -> new Children(c.organizationalUnits(), without(c.accounts(), accountId)))
                .withChild(organizationId, destinationParentId, c -> new Children(c.organizationalUnits(), append(c.accounts(), accountId)))
                .copy(b -> b.accounts = b.accounts.put(key(organizationId, accountId), account.movedTo(destinationParentId)));
    }

    OrgState withoutAccount(String organizationId, String accountId) {
        MemberAccount account = accounts.get(key(organizationId, accountId));
        if (account == null) {
            return this;
        }
        return withChild(organizationId, account.parentId(), c -> new Children(c.organizationalUnits(), without(c.accounts(), accountId)))
                .withoutTarget(organizationId, accountId)
                .copy(b -> {
                    b.accounts = b.accounts.remove(key(organizationId, accountId));
                    b.organizationOfAccount = b.organizationOfAccount.remove(accountId);
                });
    }

    OrgState withOrganizationalUnit(OrganizationalUnit ou) {
        return copy(b -> b.organizationalUnits = organizationalUnits.put(key(ou.organizationId(), ou.id()), ou))
                .withChild(ou.organizationId(), ou.parentId(), c -> new Children(append(c.organizationalUnits(), ou.id()), c.accounts()));
    }

    OrgState withOrganizationalUnitRenamed(String organizationId, String ouId, String name) {
        OrganizationalUnit ou = organizationalUnits.get(key(organizationId, ouId));
        return ou == null ? this : copy(b -> b.organizationalUnits = organizationalUnits.put(key(organizationId, ouId), ou.renamed(name)));
    }

    OrgState withoutOrganizationalUnit(String organizationId, String ouId) {
        OrganizationalUnit ou = organizationalUnits.get(key(organizationId, ouId));
        if (ou == null) {
            return this;
        }
        return withChild(organizationId, ou.parentId(), c -> new Children(without(c.organizationalUnits(), ouId), c.accounts()))
                .withoutTarget(organizationId, ouId)
                .copy(b -> {
                    b.organizationalUnits = b.organizationalUnits.remove(key(organizationId, ouId));
                    b.children = b.children.remove(key(organizationId, ouId));
                });
    }

    OrgState withPolicy(OrgPolicy policy) {
        return copy(b -> b.policies = policies.put(key(policy.organizationId(), policy.id()), policy));
    }

    OrgState withoutPolicy(String organizationId, String policyId) {
        return withoutPolicyTargets(organizationId, policyId).copy(b -> b.policies = b.policies.remove(key(organizationId, policyId)));
    }

    OrgState withAttachment(String organizationId, String policyId, String targetId) {
        return copy(b -> {
            b.attachedToTarget = attachedToTarget.put(key(organizationId, targetId), append(attachedTo(organizationId, targetId), policyId));
            b.targetsOfPolicy = targetsOfPolicy.put(key(organizationId, policyId), append(targetsOf(organizationId, policyId), targetId));
        });
    }

    OrgState withoutAttachment(String organizationId, String policyId, String targetId) {
        return copy(b -> {
            b.attachedToTarget = putOrRemove(attachedToTarget, key(organizationId, targetId), without(attachedTo(organizationId, targetId), policyId));
            b.targetsOfPolicy = putOrRemove(targetsOfPolicy, key(organizationId, policyId), without(targetsOf(organizationId, policyId), targetId));
        });
    }

    OrgState withHandshake(Handshake handshake) {
        boolean known = handshakes.containsKey(handshake.id());
        return copy(b -> {
            b.handshakes = handshakes.put(handshake.id(), handshake);
            if (!known) {
                b.handshakesOfAccount = handshakesOfAccount
                        .put(handshake.targetAccountId(), append(handshakeIds(handshake.targetAccountId()), handshake.id()));
                b.handshakesOfAccount = b.handshakesOfAccount.put(handshake.managementAccountId(),
                        append(Optional.ofNullable(b.handshakesOfAccount.get(handshake.managementAccountId())).orElse(List.of()), handshake.id()));
            }
        });
    }

    OrgState withCreateAccountStatus(CreateAccountStatus status) {
        return copy(b -> b.createAccountStatuses = createAccountStatuses.put(key(status.organizationId(), status.id()), status));
    }

    private List<String> handshakeIds(String accountId) {
        List<String> ids = handshakesOfAccount.get(accountId);
        return ids == null ? List.of() : ids;
    }

    /** Ends every attachment of a target that is going away. */
    private OrgState withoutTarget(String organizationId, String targetId) {
        OrgState state = this;
        for (String policyId : attachedTo(organizationId, targetId)) {
            state = state.withoutAttachment(organizationId, policyId, targetId);
        }
        return state;
    }

    private OrgState withoutPolicyTargets(String organizationId, String policyId) {
        OrgState state = this;
        for (String targetId : targetsOf(organizationId, policyId)) {
            state = state.withoutAttachment(organizationId, policyId, targetId);
        }
        return state;
    }

    private OrgState withChild(String organizationId, String parentId, UnaryOperator<Children> change) {
        Children after = change.apply(children(organizationId, parentId));
        return copy(b -> b.children = after.isEmpty() ? children.remove(key(organizationId, parentId))
                : children.put(key(organizationId, parentId), after));
    }

    private static <V> PersistentTreeMap<List<V>> putOrRemove(PersistentTreeMap<List<V>> map, String key, List<V> value) {
        return value.isEmpty() ? map.remove(key) : map.put(key, value);
    }

    private static String key(String organizationId, String id) {
        return organizationId + "/" + id;
    }

    private static <V> List<V> within(PersistentTreeMap<V> map, String organizationId, Function<V, String> organizationOf) {
        List<V> found = new ArrayList<>();
        for (Iterator<V> values = map.valuesFrom(organizationId + "/", true); values.hasNext(); ) {
            V value = values.next();
            if (!organizationId.equals(organizationOf.apply(value))) {
                break;
            }
            found.add(value);
        }
        return found;
    }

    private static List<String> append(List<String> list, String value) {
        List<String> after = new ArrayList<>(list);
        if (!after.contains(value)) {
            after.add(value);
        }
        return List.copyOf(after);
    }

    private static List<String> without(List<String> list, String value) {
        return list.stream().filter(v -> !v.equals(value)).toList();
    }

    /** Builds a changed copy: the fields start as this state's. */
    private OrgState copy(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        PersistentTreeMap<Organization> organizations;
        PersistentTreeMap<String> organizationOfAccount;
        PersistentTreeMap<MemberAccount> accounts;
        PersistentTreeMap<OrganizationalUnit> organizationalUnits;
        PersistentTreeMap<Children> children;
        PersistentTreeMap<OrgPolicy> policies;
        PersistentTreeMap<List<String>> attachedToTarget;
        PersistentTreeMap<List<String>> targetsOfPolicy;
        PersistentTreeMap<Handshake> handshakes;
        PersistentTreeMap<List<String>> handshakesOfAccount;
        PersistentTreeMap<CreateAccountStatus> createAccountStatuses;
        PersistentTreeMap<String> accountOfEmail;

        Builder(OrgState s) {
            organizations = s.organizations;
            organizationOfAccount = s.organizationOfAccount;
            accounts = s.accounts;
            organizationalUnits = s.organizationalUnits;
            children = s.children;
            policies = s.policies;
            attachedToTarget = s.attachedToTarget;
            targetsOfPolicy = s.targetsOfPolicy;
            handshakes = s.handshakes;
            handshakesOfAccount = s.handshakesOfAccount;
            createAccountStatuses = s.createAccountStatuses;
            accountOfEmail = s.accountOfEmail;
        }

        OrgState build() {
            return new OrgState(organizations, organizationOfAccount, accounts, organizationalUnits, children, policies, attachedToTarget,
                    targetsOfPolicy, handshakes, handshakesOfAccount, createAccountStatuses, accountOfEmail);
        }
    }
}
