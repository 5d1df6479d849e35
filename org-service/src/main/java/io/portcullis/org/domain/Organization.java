package io.portcullis.org.domain;

import java.util.List;

/**
 * An organization: its ids and ARNs, its management account, its one root, and the policy types enabled in the
 * root (in the order enabled). The feature set is always {@code ALL}.
 */
public record Organization(String id, String arn, String managementAccountId, String managementAccountArn, String rootId,
                           String rootArn, List<OrgPolicyType> enabledPolicyTypes) {

    public static final String FEATURE_SET = "ALL";
    /** The name AWS gives the root. */
    public static final String ROOT_NAME = "Root";

    public Organization {
        enabledPolicyTypes = List.copyOf(enabledPolicyTypes);
    }

    public boolean isEnabled(OrgPolicyType type) {
        return enabledPolicyTypes.contains(type);
    }

    Organization withPolicyTypes(List<OrgPolicyType> types) {
        return new Organization(id, arn, managementAccountId, managementAccountArn, rootId, rootArn, types);
    }
}
