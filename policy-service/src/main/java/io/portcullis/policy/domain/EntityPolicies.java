package io.portcullis.policy.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one user or group holds: the managed policies attached to it (in the order attached; at most ten, so
 * copying is cheap), its inline policies (by name), and, for a user, its permissions boundary. The name is
 * the entity's as the last event about it gave it.
 */
public record EntityPolicies(String name, List<String> attached, List<InlinePolicy> inline, String boundaryArn) {

    static final EntityPolicies NONE = new EntityPolicies("", List.of(), List.of(), null);

    /** An inline policy, its document exactly as submitted. */
    public record InlinePolicy(String policyName, String document) {
    }

    public EntityPolicies {
        attached = List.copyOf(attached);
        inline = List.copyOf(inline);
    }

    public boolean isEmpty() {
        return attached.isEmpty() && inline.isEmpty() && boundaryArn == null;
    }

    public Optional<InlinePolicy> inlinePolicy(String policyName) {
        return inline.stream().filter(p -> p.policyName().equals(policyName)).findFirst();
    }

    public Optional<String> boundary() {
        return Optional.ofNullable(boundaryArn);
    }

    EntityPolicies named(String newName) {
        return new EntityPolicies(newName, attached, inline, boundaryArn);
    }

    EntityPolicies withAttached(String policyArn) {
        List<String> after = new ArrayList<>(attached);
        if (!after.contains(policyArn)) {
            after.add(policyArn);
        }
        return new EntityPolicies(name, after, inline, boundaryArn);
    }

    EntityPolicies withoutAttached(String policyArn) {
        return new EntityPolicies(name, attached.stream().filter(arn -> !arn.equals(policyArn)).toList(), inline, boundaryArn);
    }

    EntityPolicies withInline(InlinePolicy policy) {
        List<InlinePolicy> after = new ArrayList<>(inline.stream().filter(p -> !p.policyName().equals(policy.policyName())).toList());
        after.add(policy);
        after.sort(Comparator.comparing(InlinePolicy::policyName));
        return new EntityPolicies(name, attached, after, boundaryArn);
    }

    EntityPolicies withoutInline(String policyName) {
        return new EntityPolicies(name, attached, inline.stream().filter(p -> !p.policyName().equals(policyName)).toList(),
                boundaryArn);
    }

    EntityPolicies withBoundary(String policyArn) {
        return new EntityPolicies(name, attached, inline, policyArn);
    }
}
