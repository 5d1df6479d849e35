package io.portcullis.authz.model;

import java.util.List;

/**
 * Every policy in force for a user, and where it comes from: its own and its groups' policies, its boundary, and the
 * SCPs from its organization's root down to its account, level by level (root first). RCPs are left out: they follow
 * the account of each resource, not the principal.
 */
public record EffectivePermissions(String principalArn, List<PolicyInForce> identity, PolicyInForce boundary,
                                   List<List<PolicyInForce>> serviceControlPolicies, boolean managementAccount) {

    public EffectivePermissions {
        identity = List.copyOf(identity);
        serviceControlPolicies = serviceControlPolicies.stream().map(List::copyOf).toList();
    }
}
