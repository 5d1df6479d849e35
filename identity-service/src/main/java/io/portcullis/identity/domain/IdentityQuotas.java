package io.portcullis.identity.domain;

/**
 * IAM's quotas on an account's identities, AWS's defaults unless configured otherwise; each one exceeded
 * answers {@code LimitExceeded}. With no quota one client could grow every instance's memory without bound.
 *
 * @param usersPerAccount {@code UsersPerAccount}, 5,000 by default
 * @param groupsPerAccount {@code GroupsPerAccount}, 300 by default
 * @param groupsPerUser {@code GroupsPerUser} (groups a user can be a member of), 10 by default
 */
public record IdentityQuotas(int usersPerAccount, int groupsPerAccount, int groupsPerUser) {

    public static final IdentityQuotas AWS_DEFAULTS = new IdentityQuotas(5_000, 300, 10);

    public IdentityQuotas {
        if (usersPerAccount < 1 || groupsPerAccount < 1 || groupsPerUser < 1) {
            throw new IllegalArgumentException("Every quota must be at least 1: " + usersPerAccount + ", " + groupsPerAccount
                    + ", " + groupsPerUser);
        }
    }
}
