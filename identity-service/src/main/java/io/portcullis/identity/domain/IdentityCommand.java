package io.portcullis.identity.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import io.portcullis.iam.UniqueIds;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.iam.validation.TagRules;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to change one account's identity directory. Generated ids and times arrive in the command
 * (see {@link UniqueIds}); {@link #validate()} checks the input's shape without any state, so the REST layer
 * can refuse a malformed request before it reaches Kafka, and the decider checks it again.
 */
public sealed interface IdentityCommand extends AccountCommand {

    /**
     * {@code path} defaults to {@code /} and {@code tags} to none, as in AWS; {@code permissionsBoundary} (null: none) is
     * a managed policy's ARN the user's permissions are bounded by from its first moment.
     */
    record CreateUser(AccountId accountId, String userName, String path, List<Tag> tags, String userId, Instant createDate,
                      String permissionsBoundary) implements IdentityCommand {

        public CreateUser(AccountId accountId, String userName, String path, List<Tag> tags, String userId, Instant createDate) {
            this(accountId, userName, path, tags, userId, createDate, null);
        }

        public CreateUser {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(createDate, "createDate");
            path = path == null ? "/" : path;
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        @Override
        public Optional<Rejection> validate() {
            Constraints checks = Constraints.check().userName("userName", userName).path("path", path).tags("tags", tags)
                    .uniqueId("userId", userId, UniqueIds.Kind.USER);
            if (permissionsBoundary != null) {
                checks.policyArn("permissionsBoundary", permissionsBoundary);
            }
            return checks.result().or(() -> TagRules.check(tags, "User"));
        }
    }

    /** Renames and/or moves a user; a null {@code newUserName} or {@code newPath} leaves that part as it is. */
    record UpdateUser(AccountId accountId, String userName, String newUserName, String newPath) implements IdentityCommand {
        public UpdateUser {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().userNameReference("userName", userName)
                    .optionalUserName("newUserName", newUserName).optionalPath("newPath", newPath).result();
        }
    }

    record DeleteUser(AccountId accountId, String userName) implements IdentityCommand {
        public DeleteUser {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().userNameReference("userName", userName).result();
        }
    }

    /** Adds tags, overwriting the value of a key the user already has. */
    record TagUser(AccountId accountId, String userName, List<Tag> tags) implements IdentityCommand {
        public TagUser {
            Objects.requireNonNull(accountId, "accountId");
            tags = tags == null ? null : List.copyOf(tags);
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().userNameReference("userName", userName).tags("tags", tags).result()
                    .or(() -> TagRules.check(tags, "User"));
        }
    }

    /** Removes tags by key; a key the user does not have is ignored. */
    record UntagUser(AccountId accountId, String userName, List<String> tagKeys) implements IdentityCommand {
        public UntagUser {
            Objects.requireNonNull(accountId, "accountId");
            tagKeys = tagKeys == null ? null : List.copyOf(tagKeys);
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().userNameReference("userName", userName).tagKeys("tagKeys", tagKeys).result();
        }
    }

    /** {@code path} defaults to {@code /}. */
    record CreateGroup(AccountId accountId, String groupName, String path, String groupId, Instant createDate)
            implements IdentityCommand {
        public CreateGroup {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(createDate, "createDate");
            path = path == null ? "/" : path;
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().groupName("groupName", groupName).path("path", path)
                    .uniqueId("groupId", groupId, UniqueIds.Kind.GROUP).result();
        }
    }

    /** Renames and/or moves a group; a null {@code newGroupName} or {@code newPath} leaves that part as it is. */
    record UpdateGroup(AccountId accountId, String groupName, String newGroupName, String newPath) implements IdentityCommand {
        public UpdateGroup {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().groupName("groupName", groupName)
                    .optionalGroupName("newGroupName", newGroupName).optionalPath("newPath", newPath).result();
        }
    }

    record DeleteGroup(AccountId accountId, String groupName) implements IdentityCommand {
        public DeleteGroup {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().groupName("groupName", groupName).result();
        }
    }

    record AddUserToGroup(AccountId accountId, String groupName, String userName) implements IdentityCommand {
        public AddUserToGroup {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().groupName("groupName", groupName).userNameReference("userName", userName).result();
        }
    }

    record RemoveUserFromGroup(AccountId accountId, String groupName, String userName) implements IdentityCommand {
        public RemoveUserFromGroup {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public Optional<Rejection> validate() {
            return Constraints.check().groupName("groupName", groupName).userNameReference("userName", userName).result();
        }
    }
}
