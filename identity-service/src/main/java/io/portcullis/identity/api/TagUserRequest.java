package io.portcullis.identity.api;

import io.portcullis.iam.AccountId;
import io.portcullis.identity.domain.IdentityCommand;
import java.util.List;

/** {@code POST /users/{userName}/tags}: tags to add or overwrite. */
public record TagUserRequest(List<TagEntry> tags) {

    static final TagUserRequest NONE = new TagUserRequest(null);

    IdentityCommand.TagUser toCommand(AccountId account, String userName) {
        return new IdentityCommand.TagUser(account, userName, TagEntry.toDomain(tags));
    }
}
