package io.portcullis.identity.api;

import io.portcullis.iam.AccountId;
import io.portcullis.identity.domain.IdentityCommand;

/** {@code PATCH /users/{userName}}: an absent field leaves that part of the user as it is. */
public record UpdateUserRequest(String newUserName, String newPath) {

    static final UpdateUserRequest NONE = new UpdateUserRequest(null, null);

    IdentityCommand.UpdateUser toCommand(AccountId account, String userName) {
        return new IdentityCommand.UpdateUser(account, userName, newUserName, newPath);
    }

    /** The name the user has after this update. */
    String nameAfter(String userName) {
        return newUserName == null ? userName : newUserName;
    }
}
