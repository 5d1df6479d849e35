package io.portcullis.identity.api;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.identity.domain.IdentityCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PATCH /users/{userName}}: an absent field leaves that part of the user as it is. */
public record UpdateUserRequest(
        @Schema(description = "The new name; absent keeps the name", minLength = 1, maxLength = Constraints.MAX_USER_NAME, pattern = "^" + Constraints.NAME_PATTERN + "$") String newUserName,
        @Schema(description = "The new path; absent keeps the path", minLength = 1, maxLength = Constraints.MAX_PATH, pattern = "^(" + Constraints.PATH_PATTERN + ")$") String newPath) {

    static final UpdateUserRequest NONE = new UpdateUserRequest(null, null);

    IdentityCommand.UpdateUser toCommand(AccountId account, String userName) {
        return new IdentityCommand.UpdateUser(account, userName, newUserName, newPath);
    }

    /** The name the user has after this update. */
    String nameAfter(String userName) {
        return newUserName == null ? userName : newUserName;
    }
}
