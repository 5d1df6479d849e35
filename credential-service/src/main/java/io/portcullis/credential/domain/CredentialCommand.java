package io.portcullis.credential.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.UniqueIds;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.validation.Constraints;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to change one account's credentials. Commands that create a key carry its id and its secret
 * already sealed by the edge: a command is a Kafka record too, and no plaintext secret may reach one.
 */
public sealed interface CredentialCommand extends AccountCommand {

    /** {@code CreateAccessKey} for a user identity-service says exists. */
    record CreateAccessKey(AccountId accountId, String userName, String accessKeyId, String sealedSecret, Instant createDate)
            implements CredentialCommand {
        public CreateAccessKey {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().userNameReference("userName", userName)
                    .uniqueId("accessKeyId", accessKeyId, UniqueIds.Kind.ACCESS_KEY).result();
        }
    }

    /** {@code UpdateAccessKey}: Active or Inactive. */
    record UpdateAccessKey(AccountId accountId, String userName, String accessKeyId, String status) implements CredentialCommand {
        public UpdateAccessKey {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            Constraints shape = CredentialShapes.accessKeyId(Constraints.check().userNameReference("userName", userName), accessKeyId);
            if (status == null) {
                shape.violated("status", null, "Member must not be null");
            } else if (AccessKeyStatus.parse(status) == null) {
                shape.violated("status", status, "Member must satisfy enum value set: [Active, Inactive]");
            }
            return shape.result();
        }
    }

    /** {@code DeleteAccessKey}. */
    record DeleteAccessKey(AccountId accountId, String userName, String accessKeyId) implements CredentialCommand {
        public DeleteAccessKey {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return CredentialShapes.accessKeyId(Constraints.check().userNameReference("userName", userName), accessKeyId).result();
        }
    }

    /**
     * Rotation in one step: a new key (id and sealed secret stamped by the edge) becomes Active and the named
     * old key Inactive, at once or {@code deactivateOldAfterSeconds} later (null or 0: at once).
     */
    record RotateAccessKey(AccountId accountId, String userName, String oldAccessKeyId, String newAccessKeyId, String sealedSecret,
                           Instant createDate, Long deactivateOldAfterSeconds) implements CredentialCommand {

        /** The longest grace period a rotation may give the old key: 30 days. */
        public static final long MAX_GRACE_SECONDS = 30L * 24 * 3600;

        public RotateAccessKey {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            Constraints shape = CredentialShapes.accessKeyId(Constraints.check().userNameReference("userName", userName), oldAccessKeyId)
                    .uniqueId("newAccessKeyId", newAccessKeyId, UniqueIds.Kind.ACCESS_KEY);
            if (deactivateOldAfterSeconds != null && deactivateOldAfterSeconds < 0) {
                shape.violated("deactivateOldAfterSeconds", String.valueOf(deactivateOldAfterSeconds),
                        "Member must have value greater than or equal to 0");
            } else if (deactivateOldAfterSeconds != null && deactivateOldAfterSeconds > MAX_GRACE_SECONDS) {
                shape.violated("deactivateOldAfterSeconds", String.valueOf(deactivateOldAfterSeconds),
                        "Member must have value less than or equal to " + MAX_GRACE_SECONDS);
            }
            return shape.result();
        }

        /** When the old key goes Inactive; null: at once. */
        Instant deactivateOldAt() {
            return deactivateOldAfterSeconds == null || deactivateOldAfterSeconds == 0 ? null
                    : createDate.plusSeconds(deactivateOldAfterSeconds);
        }
    }

    /**
     * The service's own command when deadlines pass ({@link KeyDeadlines}): rotated keys whose grace period ended
     * are deactivated, and, with a maximum age ({@code maxAgeSeconds}, null: none), Active keys that reached it
     * expire. Harmless to decide twice: what is no longer due emits nothing.
     */
    record MeetKeyDeadlines(AccountId accountId, Instant now, Long maxAgeSeconds) implements CredentialCommand {
        public MeetKeyDeadlines {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(now, "now");
        }

        @Override
        public Optional<Rejection> validate() {
            Constraints shape = Constraints.check();
            if (maxAgeSeconds != null && maxAgeSeconds <= 0) {
                shape.violated("maxAgeSeconds", String.valueOf(maxAgeSeconds), "Member must have value greater than or equal to 1");
            }
            return shape.result();
        }
    }

    /**
     * A key signed a request (authz-service reports it): recorded when it is the first use of a 15-minute span,
     * as AWS records last use; otherwise accepted and nothing emitted.
     */
    record RecordAccessKeyUse(AccountId accountId, String accessKeyId, Instant usedDate, String serviceName, String region)
            implements CredentialCommand {
        public RecordAccessKeyUse {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            Constraints shape = CredentialShapes.accessKeyId(Constraints.check(), accessKeyId);
            CredentialShapes.usageName(shape, "serviceName", serviceName);
            CredentialShapes.usageName(shape, "region", region);
            if (usedDate == null) {
                shape.violated("usedDate", null, "Member must not be null");
            }
            return shape.result();
        }
    }

    /**
     * identity-service deleted the user with this id: its keys go. Issued by the service itself (a reaction to
     * {@code UserDeleted}), so that a key created while the delete was in flight does not outlive its user.
     */
    record ForgetUser(AccountId accountId, String userId) implements CredentialCommand {
        public ForgetUser {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().uniqueId("userId", userId, UniqueIds.Kind.USER).result();
        }
    }

    /**
     * {@code CreateLoginProfile} / {@code UpdateLoginProfile} in one: the password as its Argon2id hash and its
     * traits (null both to keep the password, only for an existing profile); {@code passwordResetRequired} null
     * keeps what is set (false for a new profile).
     */
    record PutLoginProfile(AccountId accountId, String userName, String passwordHash, PasswordTraits traits, Boolean passwordResetRequired,
                           Instant now) implements CredentialCommand {
        public PutLoginProfile {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().userNameReference("userName", userName).result();
        }
    }

    record DeleteLoginProfile(AccountId accountId, String userName) implements CredentialCommand {
        public DeleteLoginProfile {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().userNameReference("userName", userName).result();
        }
    }

    /**
     * {@code ChangePassword}: the edge verified the old password against {@code verifiedHash}; the change holds only
     * if that is still the user's current password when decided.
     */
    record ChangePassword(AccountId accountId, String userName, String verifiedHash, String passwordHash, PasswordTraits traits,
                          Instant now) implements CredentialCommand {
        public ChangePassword {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().userNameReference("userName", userName).result();
        }
    }

    /** {@code UpdateAccountPasswordPolicy}: absent values take AWS's defaults. */
    record UpdateAccountPasswordPolicy(AccountId accountId, PasswordPolicy policy) implements CredentialCommand {
        public UpdateAccountPasswordPolicy {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(policy, "policy");
        }

        @Override
        public Optional<Rejection> validate() {
            Constraints shape = Constraints.check();
            if (policy.minimumPasswordLength() < PasswordPolicy.MIN_LENGTH_FLOOR) {
                shape.violated("minimumPasswordLength", String.valueOf(policy.minimumPasswordLength()),
                        "Member must have value greater than or equal to " + PasswordPolicy.MIN_LENGTH_FLOOR);
            } else if (policy.minimumPasswordLength() > PasswordPolicy.MIN_LENGTH_CEILING) {
                shape.violated("minimumPasswordLength", String.valueOf(policy.minimumPasswordLength()),
                        "Member must have value less than or equal to " + PasswordPolicy.MIN_LENGTH_CEILING);
            }
            range(shape, "maxPasswordAge", policy.maxPasswordAge(), 1, 1095);
            range(shape, "passwordReusePrevention", policy.passwordReusePrevention(), 1, LoginProfile.HISTORY);
            return shape.result();
        }

        private static void range(Constraints shape, String field, Integer value, int min, int max) {
            if (value != null && (value < min || value > max)) {
                shape.violated(field, String.valueOf(value), value < min ? "Member must have value greater than or equal to " + min
                        : "Member must have value less than or equal to " + max);
            }
        }
    }

    record DeleteAccountPasswordPolicy(AccountId accountId) implements CredentialCommand {
        public DeleteAccountPasswordPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Optional.empty();
        }
    }
}
