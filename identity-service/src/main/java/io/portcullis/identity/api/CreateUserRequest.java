package io.portcullis.identity.api;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.runtime.api.TagEntry;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /users}: {@code path} defaults to {@code /}, {@code tags} and {@code permissionsBoundary} to none. */
public record CreateUserRequest(
        @Schema(description = "Unique in the account, ignoring case", minLength = 1, maxLength = Constraints.MAX_USER_NAME, pattern = "^" + Constraints.NAME_PATTERN + "$", required = true) String userName,
        @Schema(description = "Where the user sits, e.g. /engineering/; / when absent", minLength = 1, maxLength = Constraints.MAX_PATH, pattern = "^(" + Constraints.PATH_PATTERN + ")$") String path,
        @Schema(maxItems = Constraints.MAX_TAGS) List<TagEntry> tags,
        @Schema(description = "The ARN of a managed policy to bound the user's permissions from its first moment",
                minLength = Constraints.MIN_POLICY_ARN, maxLength = Constraints.MAX_POLICY_ARN) String permissionsBoundary) {

    /** What an empty body means. */
    static final CreateUserRequest NONE = new CreateUserRequest(null, null, null, null);

    IdentityCommand.CreateUser toCommand(AccountId account, String userId, Instant createDate) {
        return new IdentityCommand.CreateUser(account, userName, path, TagEntry.toDomain(tags), userId, createDate, permissionsBoundary);
    }
}
