package io.portcullis.identity.api;

import io.portcullis.iam.Tag;
import java.util.List;

/** One tag in a request or response body: {@code {"key": "...", "value": "..."}}. */
public record TagEntry(String key, String value) {

    /** A null list stays null and a null entry becomes a tag without a key, so the domain reports either. */
    static List<Tag> toDomain(List<TagEntry> entries) {
        return entries == null ? null
                : entries.stream().map(entry -> entry == null ? new Tag(null, null) : new Tag(entry.key(), entry.value()))
                        .toList();
    }

    static List<TagEntry> fromDomain(List<Tag> tags) {
        return tags.stream().map(tag -> new TagEntry(tag.key(), tag.value())).toList();
    }
}
