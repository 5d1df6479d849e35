package io.portcullis.identity.api;

import io.portcullis.iam.AccountId;
import io.portcullis.identity.domain.IdentityCommand;
import java.time.Instant;

/** {@code POST /groups}: {@code path} defaults to {@code /}. */
public record CreateGroupRequest(String groupName, String path) {

    static final CreateGroupRequest NONE = new CreateGroupRequest(null, null);

    IdentityCommand.CreateGroup toCommand(AccountId account, String groupId, Instant createDate) {
        return new IdentityCommand.CreateGroup(account, groupName, path, groupId, createDate);
    }
}
