package io.portcullis.identity.domain;

import io.portcullis.iam.persistent.PersistentTreeMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What other services' events say the users and groups of one account hold: attached managed policies,
 * inline policies and a user's permissions boundary (policy-service), a user's access keys and
 * console password (credential-service). identity-service refuses to delete a user or group that still holds them, as IAM
 * does, and shows a user's boundary in GetUser. Immutable; every change is idempotent (sets, not counts), so
 * a fact folded twice is folded once.
 */
public final class Holdings {

    private static final Holdings NONE = new Holdings(PersistentTreeMap.empty(), PersistentTreeMap.empty());

    /**
     * What one user or group holds, by policy ARN, inline policy name and access key id; {@code boundarySaid} once
     * policy-service has said what the user's boundary is (until then, the one it was created with stands).
     */
    public record Held(Set<String> attached, Set<String> inline, String boundaryArn, Set<String> accessKeys, boolean loginProfile,
                       boolean boundarySaid) {
        static final Held NOTHING = new Held(Set.of(), Set.of(), null, Set.of(), false, false);

        public Held {
            attached = Set.copyOf(attached);
            inline = Set.copyOf(inline);
            accessKeys = Set.copyOf(accessKeys);
        }

        boolean isNothing() {
            return attached.isEmpty() && inline.isEmpty() && boundaryArn == null && accessKeys.isEmpty() && !loginProfile && !boundarySaid;
        }
    }

    /** By user or group id: the prefixes (AIDA, AGPA) keep the two apart. */
    private final PersistentTreeMap<Held> byId;
    /** The account's customer managed policies, by ARN: what a boundary named at CreateUser must be (or an AWS managed one). */
    private final PersistentTreeMap<Boolean> managedPolicies;

    private Holdings(PersistentTreeMap<Held> byId, PersistentTreeMap<Boolean> managedPolicies) {
        this.byId = byId;
        this.managedPolicies = managedPolicies;
    }

    public static Holdings none() {
        return NONE;
    }

    /** What the user or group with this id holds. */
    public Held of(String id) {
        Held held = byId.get(id);
        return held == null ? Held.NOTHING : held;
    }

    public Optional<String> boundaryOf(String userId) {
        return Optional.ofNullable(of(userId).boundaryArn());
    }

    /** The user's boundary: policy-service's, once it has said; until then the one the user was created with. */
    public Optional<String> boundaryOf(User user) {
        Held held = of(user.userId());
        return Optional.ofNullable(held.boundarySaid() ? held.boundaryArn() : user.permissionsBoundary());
    }

    /** True when the account has this customer managed policy. */
    public boolean hasManagedPolicy(String policyArn) {
        return managedPolicies.containsKey(policyArn);
    }

    public Holdings withManagedPolicy(String policyArn, boolean present) {
        return new Holdings(byId, present ? managedPolicies.put(policyArn, Boolean.TRUE) : managedPolicies.remove(policyArn));
    }

    public Holdings withAttached(String id, String policyArn, boolean attached) {
        Held held = of(id);
        return with(id, new Held(changed(held.attached(), policyArn, attached), held.inline(), held.boundaryArn(), held.accessKeys(), held.loginProfile(),
                held.boundarySaid()));
    }

    public Holdings withInline(String id, String policyName, boolean present) {
        Held held = of(id);
        return with(id, new Held(held.attached(), changed(held.inline(), policyName, present), held.boundaryArn(), held.accessKeys(), held.loginProfile(),
                held.boundarySaid()));
    }

    /** {@code policyArn} null: no boundary. */
    public Holdings withBoundary(String userId, String policyArn) {
        Held held = of(userId);
        return with(userId, new Held(held.attached(), held.inline(), policyArn, held.accessKeys(), held.loginProfile(), true));
    }

    public Holdings withAccessKey(String userId, String accessKeyId, boolean present) {
        Held held = of(userId);
        return with(userId, new Held(held.attached(), held.inline(), held.boundaryArn(), changed(held.accessKeys(), accessKeyId, present),
                held.loginProfile(), held.boundarySaid()));
    }

    public Holdings withLoginProfile(String userId, boolean present) {
        Held held = of(userId);
        return with(userId, new Held(held.attached(), held.inline(), held.boundaryArn(), held.accessKeys(), present, held.boundarySaid()));
    }

    private Holdings with(String id, Held held) {
        return new Holdings(held.isNothing() ? byId.remove(id) : byId.put(id, held), managedPolicies);
    }

    private static Set<String> changed(Set<String> before, String value, boolean present) {
        Set<String> after = new HashSet<>(before);
        if (present) {
            after.add(value);
        } else {
            after.remove(value);
        }
        return after;
    }
}
