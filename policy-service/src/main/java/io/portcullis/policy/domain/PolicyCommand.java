package io.portcullis.policy.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.UniqueIds;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.validation.Constraints;
import java.util.Objects;
import java.util.Optional;

/** A request to change one account's policies and their attachments. */
public sealed interface PolicyCommand extends AccountCommand {

    /** {@code AttachUserPolicy}: a managed policy to a user identity-service says exists. */
    record AttachUserPolicy(AccountId accountId, String userName, String policyArn) implements PolicyCommand {
        public AttachUserPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.policyArn(Constraints.check().userNameReference("userName", userName), policyArn).result();
        }
    }

    /** {@code DetachUserPolicy}. */
    record DetachUserPolicy(AccountId accountId, String userName, String policyArn) implements PolicyCommand {
        public DetachUserPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.policyArn(Constraints.check().userNameReference("userName", userName), policyArn).result();
        }
    }

    /**
     * identity-service deleted the user with this id: whatever is still attached to it goes. Issued by the
     * service itself (a reaction to {@code UserDeleted}), so that an attachment decided while the delete
     * was in flight does not outlive its user.
     */
    record ForgetUser(AccountId accountId, String userId) implements PolicyCommand {
        public ForgetUser {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().uniqueId("userId", userId, UniqueIds.Kind.USER).result();
        }
    }
}
