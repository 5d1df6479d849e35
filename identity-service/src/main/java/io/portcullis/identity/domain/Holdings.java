package io.portcullis.identity.domain;

import io.portcullis.iam.persistent.PersistentTreeMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What policy-service's events say the users and groups of one account hold: attached managed policies,
 * inline policies, a user's permissions boundary. identity-service refuses to delete a user or group that
 * still holds policies, as IAM does, and shows a user's boundary in GetUser. Immutable; every change is
 * idempotent (sets, not counts), so a fact folded twice is folded once.
 */
public final class PolicyHoldings {

    private static final PolicyHoldings NONE = new PolicyHoldings(PersistentTreeMap.empty());

    /** What one user or group holds, by policy ARN and inline policy name. */
    public record Held(Set<String> attached, Set<String> inline, String boundaryArn) {
        static final Held NOTHING = new Held(Set.of(), Set.of(), null);

        public Held {
            attached = Set.copyOf(attached);
            inline = Set.copyOf(inline);
        }

        boolean isNothing() {
            return attached.isEmpty() && inline.isEmpty() && boundaryArn == null;
        }
    }

    /** By user or group id: the prefixes (AIDA, AGPA) keep the two apart. */
    private final PersistentTreeMap<Held> byId;

    private PolicyHoldings(PersistentTreeMap<Held> byId) {
        this.byId = byId;
    }

    public static PolicyHoldings none() {
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

    public PolicyHoldings withAttached(String id, String policyArn, boolean attached) {
        Held held = of(id);
        return with(id, new Held(changed(held.attached(), policyArn, attached), held.inline(), held.boundaryArn()));
    }

    public PolicyHoldings withInline(String id, String policyName, boolean present) {
        Held held = of(id);
        return with(id, new Held(held.attached(), changed(held.inline(), policyName, present), held.boundaryArn()));
    }

    /** {@code policyArn} null: no boundary. */
    public PolicyHoldings withBoundary(String userId, String policyArn) {
        Held held = of(userId);
        return with(userId, new Held(held.attached(), held.inline(), policyArn));
    }

    private PolicyHoldings with(String id, Held held) {
        return new PolicyHoldings(held.isNothing() ? byId.remove(id) : byId.put(id, held));
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
