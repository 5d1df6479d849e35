package io.portcullis.identity.api;

import io.portcullis.iam.AccountId;
import io.portcullis.identity.domain.IdentityCommand;

/** {@code PATCH /groups/{groupName}}: an absent field leaves that part of the group as it is. */
public record UpdateGroupRequest(String newGroupName, String newPath) {

    static final UpdateGroupRequest NONE = new UpdateGroupRequest(null, null);

    IdentityCommand.UpdateGroup toCommand(AccountId account, String groupName) {
        return new IdentityCommand.UpdateGroup(account, groupName, newGroupName, newPath);
    }

    /** The name the group has after this update. */
    String nameAfter(String groupName) {
        return newGroupName == null ? groupName : newGroupName;
    }
}
