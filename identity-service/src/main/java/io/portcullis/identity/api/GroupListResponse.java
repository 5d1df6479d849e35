package io.portcullis.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.iam.paging.Page;
import io.portcullis.identity.domain.Group;
import java.util.List;

/** {@code ListGroups} and {@code ListGroupsForUser}; {@code marker} only when truncated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupListResponse(List<GroupResponse> groups, @JsonProperty("isTruncated") boolean isTruncated, String marker) {

    static GroupListResponse of(Page<Group> page) {
        return new GroupListResponse(GroupResponse.of(page.items()), page.isTruncated(), page.marker());
    }
}
