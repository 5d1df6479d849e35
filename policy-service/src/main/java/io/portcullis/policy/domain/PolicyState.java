package io.portcullis.policy.domain;

import io.portcullis.iam.persistent.NameIndex;
import io.portcullis.iam.persistent.PersistentTreeMap;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One account's policies, immutable: its customer managed policies (by name ignoring case, as IAM keeps
 * them unique), what each user and group holds (by id), and how often each managed policy, customer or AWS,
 * is attached or used as a boundary (by ARN), which listings and deletes need without scanning every user, and which
 * users' boundary policy-service has decided on (set or deleted): until it has, the boundary a user was created with is in
 * force.
 */
public final class PolicyState {

    private static final PolicyState EMPTY = new PolicyState(NameIndex.empty(), PersistentTreeMap.empty(), PersistentTreeMap.empty(),
            PersistentTreeMap.empty(), PersistentTreeMap.empty());

    private final NameIndex<ManagedPolicy> policies;
    private final PersistentTreeMap<EntityPolicies> users;
    private final PersistentTreeMap<EntityPolicies> groups;
    private final PersistentTreeMap<Usage> usage;
    /** Ids of the users whose boundary policy-service has set or deleted (kept after a delete, which leaves no boundary). */
    private final PersistentTreeMap<Boolean> boundarySaid;

    /** How a managed policy is used: attached to users and groups, and as users' permissions boundary. */
    public record Usage(int attachments, int boundaries) {
        static final Usage NONE = new Usage(0, 0);

        Usage plus(int attached, int bounded) {
            return new Usage(attachments + attached, boundaries + bounded);
        }

        boolean isNone() {
            return attachments == 0 && boundaries == 0;
        }
    }

    private PolicyState(NameIndex<ManagedPolicy> policies, PersistentTreeMap<EntityPolicies> users,
                        PersistentTreeMap<EntityPolicies> groups, PersistentTreeMap<Usage> usage, PersistentTreeMap<Boolean> boundarySaid) {
        this.policies = policies;
        this.users = users;
        this.groups = groups;
        this.usage = usage;
        this.boundarySaid = boundarySaid;
    }

    public static PolicyState empty() {
        return EMPTY;
    }

    public Optional<ManagedPolicy> policy(String policyName) {
        return policies.byName(policyName);
    }

    public Optional<ManagedPolicy> policyById(String policyId) {
        return policies.byId(policyId);
    }

    /** This account's customer managed policy with exactly this ARN (its path is part of it). */
    public Optional<ManagedPolicy> policyByArn(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : policy(arn.substring(slash + 1)).filter(p -> p.arn().equals(arn));
    }

    /** Customer managed policies in name order (ignoring case) after the name key, or from the first. */
    public Iterator<ManagedPolicy> policiesAfter(String nameKey) {
        return policies.after(nameKey);
    }

    public int policyCount() {
        return policies.size();
    }

    /** What the user holds; nothing for a user with no policies. */
    public EntityPolicies user(String userId) {
        EntityPolicies held = users.get(userId);
        return held == null ? EntityPolicies.NONE : held;
    }

    public EntityPolicies group(String groupId) {
        EntityPolicies held = groups.get(groupId);
        return held == null ? EntityPolicies.NONE : held;
    }

    /** Users that hold anything, by id order. */
    public Iterator<EntityPolicies> users() {
        return users.valuesFrom(null, false);
    }

    public Usage usage(String policyArn) {
        Usage used = usage.get(policyArn);
        return used == null ? Usage.NONE : used;
    }

    /**
     * Whether policy-service has set or deleted the user's boundary: then {@link EntityPolicies#boundaryArn} is the boundary
     * (null: none); until then the boundary the user was created with is.
     */
    public boolean boundarySaid(String userId) {
        return boundarySaid.containsKey(userId);
    }

    // Transitions, used by evolve; each is total, so a replayed topic always folds.

    PolicyState withPolicy(ManagedPolicy policy) {
        return new PolicyState(policies.put(policy.policyId(), policy.policyName(), policy), users, groups, usage, boundarySaid);
    }

    PolicyState withChangedPolicy(String policyId, UnaryOperator<ManagedPolicy> change) {
        return policyById(policyId).map(p -> withPolicy(change.apply(p))).orElse(this);
    }

    PolicyState withoutPolicy(String policyId) {
        return new PolicyState(policies.remove(policyId), users, groups, usage, boundarySaid);
    }

    PolicyState withUser(String userId, String userName, UnaryOperator<EntityPolicies> change) {
        return new PolicyState(policies, changed(users, userId, userName, change), groups, usage, boundarySaid);
    }

    PolicyState withGroup(String groupId, String groupName, UnaryOperator<EntityPolicies> change) {
        return new PolicyState(policies, users, changed(groups, groupId, groupName, change), usage, boundarySaid);
    }

    PolicyState used(String policyArn, int attached, int bounded) {
        Usage after = usage(policyArn).plus(attached, bounded);
        return new PolicyState(policies, users, groups, after.isNone() ? usage.remove(policyArn) : usage.put(policyArn, after),
                boundarySaid);
    }

    PolicyState withBoundarySaid(String userId) {
        return boundarySaid(userId) ? this : new PolicyState(policies, users, groups, usage, boundarySaid.put(userId, Boolean.TRUE));
    }

    /** Entities that come to hold nothing are dropped, so the state holds only what is in force. */
    private static PersistentTreeMap<EntityPolicies> changed(PersistentTreeMap<EntityPolicies> entities, String id, String name,
                                                             UnaryOperator<EntityPolicies> change) {
        EntityPolicies before = entities.get(id);
        EntityPolicies after = change.apply((before == null ? EntityPolicies.NONE : before).named(name));
        return after.isEmpty() ? entities.remove(id) : entities.put(id, after);
    }
}
