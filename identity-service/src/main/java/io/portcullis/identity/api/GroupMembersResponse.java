package io.portcullis.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.iam.paging.Page;
import io.portcullis.identity.domain.Group;
import io.portcullis.identity.domain.User;
import java.util.List;

/** The group and a page of its members, like AWS's {@code GetGroup}; {@code marker} only when truncated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupMembersResponse(GroupResponse group, List<UserResponse> users, @JsonProperty("isTruncated") boolean isTruncated,
                                   String marker) {

    static GroupMembersResponse of(Group group, Page<User> members) {
        return new GroupMembersResponse(GroupResponse.of(group), UserResponse.of(members.items()), members.isTruncated(),
                members.marker());
    }
}
