package io.portcullis.identity.api;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.identity.domain.IdentityCommand;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /groups}: {@code path} defaults to {@code /}. */
public record CreateGroupRequest(
        @Schema(description = "Unique in the account, ignoring case", minLength = 1, maxLength = Constraints.MAX_GROUP_NAME, pattern = "^" + Constraints.NAME_PATTERN + "$", required = true) String groupName,
        @Schema(description = "Where the group sits, e.g. /teams/; / when absent", minLength = 1, maxLength = Constraints.MAX_PATH, pattern = "^(" + Constraints.PATH_PATTERN + ")$") String path) {

    static final CreateGroupRequest NONE = new CreateGroupRequest(null, null);

    IdentityCommand.CreateGroup toCommand(AccountId account, String groupId, Instant createDate) {
        return new IdentityCommand.CreateGroup(account, groupName, path, groupId, createDate);
    }
}
