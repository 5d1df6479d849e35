package io.portcullis.identity.config;

import io.portcullis.identity.domain.IdentityDecider;
import io.portcullis.identity.domain.IdentityQuotas;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What identity-service is told about its own rules ({@code portcullis.identity.*}). */
@ConfigMapping(prefix = "portcullis.identity")
public interface IdentityConfig {

    /**
     * The IAM quota {@code UsersPerAccount}: how many users one account may hold. AWS's default is 5,000
     * ({@link IdentityDecider#DEFAULT_USERS_PER_ACCOUNT}); at least 1.
     */
    @WithDefault("5000")
    int maxUsersPerAccount();

    /** The IAM quota {@code GroupsPerAccount}; AWS's default is 300. */
    @WithDefault("300")
    int maxGroupsPerAccount();

    /** The IAM quota {@code GroupsPerUser}: groups one user can be a member of; AWS's default is 10. */
    @WithDefault("10")
    int maxGroupsPerUser();

    default IdentityQuotas quotas() {
        return new IdentityQuotas(maxUsersPerAccount(), maxGroupsPerAccount(), maxGroupsPerUser());
    }
}
