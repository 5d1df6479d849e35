package io.portcullis.org.config;

import io.portcullis.org.domain.OrgQuotas;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * AWS Organizations' quotas as this deployment sets them ({@code portcullis.org.quotas.*}); the defaults are AWS's
 * current values (Organizations quotas page), since AWS has changed them over time and raises some on request.
 */
@ConfigMapping(prefix = "portcullis.org")
public interface OrgConfig {

    Quotas quotas();

    interface Quotas {
        /** Accounts in an organization, the management account included. */
        @WithDefault("10")
        int maxAccounts();

        @WithDefault("2000")
        int maxOrganizationalUnits();

        /** Levels of OUs below the root. */
        @WithDefault("5")
        int maxOrganizationalUnitDepth();

        /** Policies of one type in an organization. */
        @WithDefault("1000")
        int maxPoliciesPerType();

        /** Policies of one type attached to one root, OU or account. */
        @WithDefault("5")
        int maxPoliciesPerTarget();

        /** Characters of a service or resource control policy, white space included. */
        @WithDefault("5120")
        int maxPolicySize();

        default OrgQuotas toQuotas() {
            return new OrgQuotas(maxAccounts(), maxOrganizationalUnits(), maxOrganizationalUnitDepth(), maxPoliciesPerType(),
                    maxPoliciesPerTarget(), maxPolicySize());
        }
    }
}
