package io.portcullis.identity.api;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.runtime.api.TagEntry;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /users/{userName}/tags}: tags to add or overwrite. */
public record TagUserRequest(@Schema(minItems = 1, maxItems = Constraints.MAX_TAGS, required = true) List<TagEntry> tags) {

    static final TagUserRequest NONE = new TagUserRequest(null);

    IdentityCommand.TagUser toCommand(AccountId account, String userName) {
        return new IdentityCommand.TagUser(account, userName, TagEntry.toDomain(tags));
    }
}
