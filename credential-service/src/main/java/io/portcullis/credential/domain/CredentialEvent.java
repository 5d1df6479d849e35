package io.portcullis.credential.domain;

import io.portcullis.iam.AccountId;
import java.time.Instant;

/**
 * A fact about one account's credentials: payload only (the runtime adds the envelope). Users are named by
 * id and by their name at the time; secrets travel sealed, since authz-service verifies signatures with them.
 */
public sealed interface CredentialEvent {

    AccountId accountId();

    record AccessKeyCreated(AccountId accountId, String userId, String userName, String accessKeyId, String sealedSecret,
                            AccessKeyStatus status, Instant createDate) implements CredentialEvent {
    }

    record AccessKeyStatusChanged(AccountId accountId, String userId, String userName, String accessKeyId, AccessKeyStatus status)
            implements CredentialEvent {
    }

    /**
     * The new key is Active; the old one Inactive from now on, or, with a grace period, from {@code deactivateOldAt}
     * (null: at once), when the service deactivates it with {@link AccessKeyStatusChanged}.
     */
    record KeyRotated(AccountId accountId, String userId, String userName, String oldAccessKeyId, String newAccessKeyId,
                      String sealedSecret, Instant createDate, Instant deactivateOldAt) implements CredentialEvent {
    }

    /** The service deactivated an Active key that reached the configured maximum age. */
    record AccessKeyExpired(AccountId accountId, String userId, String userName, String accessKeyId, Instant createDate,
                            long maxAgeSeconds) implements CredentialEvent {
    }

    /** A key signed a request (the first use in its 15-minute span: {@link AccessKeyUse#GRANULARITY}). */
    record AccessKeyUsed(AccountId accountId, String userId, String userName, String accessKeyId, Instant usedDate, String serviceName,
                         String region) implements CredentialEvent {
    }

    record AccessKeyDeleted(AccountId accountId, String userId, String userName, String accessKeyId) implements CredentialEvent {
    }

    record LoginProfileCreated(AccountId accountId, String userId, String userName, String passwordHash, boolean passwordResetRequired,
                               Instant createDate) implements CredentialEvent {
    }

    /** {@code passwordHash} null: the password stays as it was. */
    record LoginProfileUpdated(AccountId accountId, String userId, String userName, String passwordHash, boolean passwordResetRequired,
                               Instant updateDate) implements CredentialEvent {
    }

    record LoginProfileDeleted(AccountId accountId, String userId, String userName) implements CredentialEvent {
    }

    /** The user changed its own password (ChangePassword); a required reset is then done. */
    record PasswordChanged(AccountId accountId, String userId, String userName, String passwordHash, Instant changeDate)
            implements CredentialEvent {
    }

    record AccountPasswordPolicyUpdated(AccountId accountId, int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                                        boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                                        boolean allowUsersToChangePassword, Integer maxPasswordAge, Integer passwordReusePrevention,
                                        boolean hardExpiry) implements CredentialEvent {
        PasswordPolicy policy() {
            return new PasswordPolicy(minimumPasswordLength, requireSymbols, requireNumbers, requireUppercaseCharacters,
                    requireLowercaseCharacters, allowUsersToChangePassword, maxPasswordAge, passwordReusePrevention, hardExpiry);
        }
    }

    record AccountPasswordPolicyDeleted(AccountId accountId) implements CredentialEvent {
    }
}
