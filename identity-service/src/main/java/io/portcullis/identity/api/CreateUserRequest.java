package io.portcullis.identity.api;

import io.portcullis.iam.AccountId;
import io.portcullis.identity.domain.IdentityCommand;
import java.time.Instant;
import java.util.List;

/** {@code POST /users}: {@code path} defaults to {@code /}, {@code tags} to none. */
public record CreateUserRequest(String userName, String path, List<TagEntry> tags) {

    /** What an empty body means. */
    static final CreateUserRequest NONE = new CreateUserRequest(null, null, null);

    IdentityCommand.CreateUser toCommand(AccountId account, String userId, Instant createDate) {
        return new IdentityCommand.CreateUser(account, userName, path, TagEntry.toDomain(tags), userId, createDate);
    }
}
