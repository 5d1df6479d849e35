package io.portcullis.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.iam.paging.Page;
import io.portcullis.identity.domain.User;
import java.util.List;

/** {@code ListUsers} and the users a listing returns; {@code marker} only when truncated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserListResponse(List<UserResponse> users, @JsonProperty("isTruncated") boolean isTruncated, String marker) {

    static UserListResponse of(Page<User> page) {
        return new UserListResponse(UserResponse.of(page.items()), page.isTruncated(), page.marker());
    }
}
