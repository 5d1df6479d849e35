package io.portcullis.org.domain;

/**
 * AWS Organizations' quotas, configurable because AWS has changed them over time and raises some on request. The
 * defaults ({@link #aws()}) are the values on AWS's Organizations quotas page: 10 accounts (adjustable), 2,000 OUs
 * in an organization, OUs nested at most five levels below the root, 1,000 policies of each type, five policies of
 * one type attached to a root, OU or account, and 5,120 characters for a service or resource control policy.
 */
public record OrgQuotas(int maxAccounts, int maxOrganizationalUnits, int maxOrganizationalUnitDepth, int maxPoliciesPerType,
                        int maxPoliciesPerTarget, int maxPolicySize) {

    public static OrgQuotas aws() {
        return new OrgQuotas(10, 2_000, 5, 1_000, 5, 5_120);
    }
}
