package io.portcullis.identity.api;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.identity.domain.IdentityCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PATCH /groups/{groupName}}: an absent field leaves that part of the group as it is. */
public record UpdateGroupRequest(
        @Schema(description = "The new name; absent keeps the name", minLength = 1, maxLength = Constraints.MAX_GROUP_NAME, pattern = "^" + Constraints.NAME_PATTERN + "$") String newGroupName,
        @Schema(description = "The new path; absent keeps the path", minLength = 1, maxLength = Constraints.MAX_PATH, pattern = "^(" + Constraints.PATH_PATTERN + ")$") String newPath) {

    static final UpdateGroupRequest NONE = new UpdateGroupRequest(null, null);

    IdentityCommand.UpdateGroup toCommand(AccountId account, String groupName) {
        return new IdentityCommand.UpdateGroup(account, groupName, newGroupName, newPath);
    }

    /** The name the group has after this update. */
    String nameAfter(String groupName) {
        return newGroupName == null ? groupName : newGroupName;
    }
}
