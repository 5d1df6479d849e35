package io.portcullis.identity.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import java.time.Instant;
import java.util.List;

/**
 * A fact about one account's identity directory: payload only (the runtime adds event id, actor, request
 * id, version and time). Names are as the entity is spelled; ids never change, so consumers join on ids.
 */
public sealed interface IdentityEvent {

    AccountId accountId();

    /** {@code permissionsBoundary}: the managed policy CreateUser set as the user's boundary, or null. */
    record UserCreated(AccountId accountId, String userId, String userName, String path, String arn, Instant createDate,
                       List<Tag> tags, String permissionsBoundary) implements IdentityEvent {
        public UserCreated {
            tags = List.copyOf(tags);
        }
    }

    /** {@code newUserName} and {@code newPath} are the values after the update, equal to the old ones when unchanged. */
    record UserUpdated(AccountId accountId, String userId, String oldUserName, String newUserName, String oldPath,
                       String newPath, String newArn) implements IdentityEvent {
    }

    /** {@code tags} are the tags set or overwritten by this request, in request order. */
    record UserTagged(AccountId accountId, String userId, String userName, List<Tag> tags) implements IdentityEvent {
        public UserTagged {
            tags = List.copyOf(tags);
        }
    }

    /** {@code tagKeys} are the keys actually removed (keys the user did not have are left out). */
    record UserUntagged(AccountId accountId, String userId, String userName, List<String> tagKeys) implements IdentityEvent {
        public UserUntagged {
            tagKeys = List.copyOf(tagKeys);
        }
    }

    record UserDeleted(AccountId accountId, String userId, String userName) implements IdentityEvent {
    }

    record GroupCreated(AccountId accountId, String groupId, String groupName, String path, String arn, Instant createDate)
            implements IdentityEvent {
    }

    /** {@code newGroupName} and {@code newPath} are the values after the update, equal to the old ones when unchanged. */
    record GroupUpdated(AccountId accountId, String groupId, String oldGroupName, String newGroupName, String oldPath,
                        String newPath, String newArn) implements IdentityEvent {
    }

    record GroupDeleted(AccountId accountId, String groupId, String groupName) implements IdentityEvent {
    }

    record UserAddedToGroup(AccountId accountId, String groupId, String groupName, String userId, String userName)
            implements IdentityEvent {
    }

    record UserRemovedFromGroup(AccountId accountId, String groupId, String groupName, String userId, String userName)
            implements IdentityEvent {
    }
}
