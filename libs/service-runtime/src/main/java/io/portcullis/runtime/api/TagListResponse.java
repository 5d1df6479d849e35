package io.portcullis.runtime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.iam.Tag;
import io.portcullis.iam.paging.Page;
import java.util.List;

/** {@code ListUserTags}, in the order the tags were set; {@code marker} only when truncated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagListResponse(List<TagEntry> tags, @JsonProperty("isTruncated") boolean isTruncated, String marker) {

    public static TagListResponse of(Page<Tag> page) {
        return new TagListResponse(TagEntry.fromDomain(page.items()), page.isTruncated(), page.marker());
    }
}
