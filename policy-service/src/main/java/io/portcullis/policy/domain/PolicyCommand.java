package io.portcullis.policy.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import io.portcullis.iam.UniqueIds;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.iam.validation.TagRules;
import io.portcullis.policylang.validate.PolicyKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to change one account's policies, their versions and what users and groups hold. Managed
 * policies are named by {@code policy}: this account's customer managed policy by name, or any managed
 * policy by ARN ({@code arn:aws:iam::aws:policy/ReadOnlyAccess}).
 */
public sealed interface PolicyCommand extends AccountCommand {

    /** {@code CreatePolicy}: stamped by the edge with the new policy's id and the time. */
    record CreatePolicy(AccountId accountId, String policyName, String path, String description, String document, List<Tag> tags,
                        String policyId, Instant createDate) implements PolicyCommand {
        public CreatePolicy {
            Objects.requireNonNull(accountId, "accountId");
            path = path == null ? "/" : path;
            tags = tags == null ? List.of() : tags;
        }

        @Override
        public Optional<Rejection> validate() {
            Constraints shape = Constraints.check().name("policyName", policyName, Constraints.MAX_POLICY_NAME).path("path", path)
                    .tags("tags", tags).uniqueId("policyId", policyId, UniqueIds.Kind.MANAGED_POLICY);
            PolicyShapes.description(shape, description);
            return PolicyShapes.document(shape, document).result()
                    .or(() -> TagRules.check(tags, "Policy"))
                    .or(() -> PolicyDocuments.checkManaged(document));
        }
    }

    /** {@code CreatePolicyVersion}. */
    record CreatePolicyVersion(AccountId accountId, String policy, String document, boolean setAsDefault, Instant createDate)
            implements PolicyCommand {
        public CreatePolicyVersion {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.document(PolicyShapes.policyReference(Constraints.check(), policy), document).result()
                    .or(() -> PolicyDocuments.checkManaged(document));
        }
    }

    /** {@code SetDefaultPolicyVersion}. */
    record SetDefaultPolicyVersion(AccountId accountId, String policy, String versionId, Instant updateDate) implements PolicyCommand {
        public SetDefaultPolicyVersion {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.versionId(PolicyShapes.policyReference(Constraints.check(), policy), versionId).result();
        }
    }

    /** {@code DeletePolicyVersion}: never the default one. */
    record DeletePolicyVersion(AccountId accountId, String policy, String versionId) implements PolicyCommand {
        public DeletePolicyVersion {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.versionId(PolicyShapes.policyReference(Constraints.check(), policy), versionId).result();
        }
    }

    /** {@code DeletePolicy}: only when nothing uses it and only its default version is left. */
    record DeletePolicy(AccountId accountId, String policy) implements PolicyCommand {
        public DeletePolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.policyReference(Constraints.check(), policy).result();
        }
    }

    /** {@code TagPolicy}. */
    record TagPolicy(AccountId accountId, String policy, List<Tag> tags) implements PolicyCommand {
        public TagPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.policyReference(Constraints.check(), policy).tags("tags", tags).result()
                    .or(() -> TagRules.check(tags, "Policy"));
        }
    }

    /** {@code UntagPolicy}. */
    record UntagPolicy(AccountId accountId, String policy, List<String> tagKeys) implements PolicyCommand {
        public UntagPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.policyReference(Constraints.check(), policy).tagKeys("tagKeys", tagKeys).result();
        }
    }

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

    /** {@code AttachGroupPolicy}. */
    record AttachGroupPolicy(AccountId accountId, String groupName, String policyArn) implements PolicyCommand {
        public AttachGroupPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.policyArn(Constraints.check().groupName("groupName", groupName), policyArn).result();
        }
    }

    /** {@code DetachGroupPolicy}. */
    record DetachGroupPolicy(AccountId accountId, String groupName, String policyArn) implements PolicyCommand {
        public DetachGroupPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.policyArn(Constraints.check().groupName("groupName", groupName), policyArn).result();
        }
    }

    /** {@code PutUserPolicy}: creates the user's inline policy of that name, or replaces its document. */
    record PutUserPolicy(AccountId accountId, String userName, String policyName, String document) implements PolicyCommand {
        public PutUserPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.document(Constraints.check().userNameReference("userName", userName)
                    .name("policyName", policyName, Constraints.MAX_POLICY_NAME), document).result()
                    .or(() -> PolicyDocuments.checkInline(document, PolicyKind.INLINE_USER, "user", userName));
        }
    }

    /** {@code DeleteUserPolicy}. */
    record DeleteUserPolicy(AccountId accountId, String userName, String policyName) implements PolicyCommand {
        public DeleteUserPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().userNameReference("userName", userName)
                    .name("policyName", policyName, Constraints.MAX_POLICY_NAME).result();
        }
    }

    /** {@code PutGroupPolicy}. */
    record PutGroupPolicy(AccountId accountId, String groupName, String policyName, String document) implements PolicyCommand {
        public PutGroupPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.document(Constraints.check().groupName("groupName", groupName)
                    .name("policyName", policyName, Constraints.MAX_POLICY_NAME), document).result()
                    .or(() -> PolicyDocuments.checkInline(document, PolicyKind.INLINE_GROUP, "group", groupName));
        }
    }

    /** {@code DeleteGroupPolicy}. */
    record DeleteGroupPolicy(AccountId accountId, String groupName, String policyName) implements PolicyCommand {
        public DeleteGroupPolicy {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().groupName("groupName", groupName)
                    .name("policyName", policyName, Constraints.MAX_POLICY_NAME).result();
        }
    }

    /** {@code PutUserPermissionsBoundary}: sets or replaces the user's boundary. */
    record PutUserPermissionsBoundary(AccountId accountId, String userName, String policyArn) implements PolicyCommand {
        public PutUserPermissionsBoundary {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return PolicyShapes.policyArn(Constraints.check().userNameReference("userName", userName), "permissionsBoundary",
                    policyArn).result();
        }
    }

    /** {@code DeleteUserPermissionsBoundary}. */
    record DeleteUserPermissionsBoundary(AccountId accountId, String userName) implements PolicyCommand {
        public DeleteUserPermissionsBoundary {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().userNameReference("userName", userName).result();
        }
    }

    /**
     * identity-service deleted the user with this id: everything it still holds goes. Issued by the service
     * itself (a reaction to {@code UserDeleted}), so that an attachment decided while the delete was in
     * flight does not outlive its user.
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

    /**
     * identity-service created the user with this id bounded by this managed policy (CreateUser's
     * {@code PermissionsBoundary}): policy-service records it as the user's boundary, unless one was set meanwhile.
     * Issued by the service itself (a reaction to {@code UserCreated}).
     */
    record SetCreationBoundary(AccountId accountId, String userId, String policyArn) implements PolicyCommand {
        public SetCreationBoundary {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().uniqueId("userId", userId, UniqueIds.Kind.USER).policyArn("policyArn", policyArn).result();
        }
    }

    /** identity-service deleted the group with this id: as {@link ForgetUser}, for a group. */
    record ForgetGroup(AccountId accountId, String groupId) implements PolicyCommand {
        public ForgetGroup {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().uniqueId("groupId", groupId, UniqueIds.Kind.GROUP).result();
        }
    }
}
