package io.portcullis.runtime.api;

import io.portcullis.iam.Tag;
import io.portcullis.iam.validation.Constraints;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One tag in a request or response body: {@code {"key": "...", "value": "..."}}. */
public record TagEntry(
        @Schema(description = "Unique on the entity, ignoring case", minLength = 1, maxLength = Constraints.MAX_TAG_KEY,
                pattern = "^" + Constraints.TAG_KEY_PATTERN + "$", required = true) String key,
        @Schema(maxLength = Constraints.MAX_TAG_VALUE, pattern = "^" + Constraints.TAG_VALUE_PATTERN + "$",
                required = true) String value) {

    /** A null list stays null and a null entry becomes a tag without a key, so the domain reports either. */
    public static List<Tag> toDomain(List<TagEntry> entries) {
        return entries == null ? null
                : entries.stream().map(entry -> entry == null ? new Tag(null, null) : new Tag(entry.key(), entry.value()))
                        .toList();
    }

    public static List<TagEntry> fromDomain(List<Tag> tags) {
        return tags.stream().map(tag -> new TagEntry(tag.key(), tag.value())).toList();
    }
}
