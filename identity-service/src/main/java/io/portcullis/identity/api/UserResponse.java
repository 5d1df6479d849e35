package io.portcullis.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.User;
import io.portcullis.runtime.api.PermissionsBoundary;
import io.portcullis.runtime.api.TagEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A user as the API shows it (AWS's {@code User} in camelCase); {@code createDate} is ISO-8601.
 * {@code permissionsBoundary} only in CreateUser's and GetUser's answers, and only when the user has one, as in AWS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserResponse(String userName, String userId, String arn, String path, Instant createDate, List<TagEntry> tags,
                           PermissionsBoundary permissionsBoundary) {

    static UserResponse of(User user) {
        return new UserResponse(user.userName(), user.userId(), user.arn(), user.path(), user.createDate(),
                TagEntry.fromDomain(user.tags()), null);
    }

    static UserResponse of(User user, Optional<String> boundaryArn) {
        return new UserResponse(user.userName(), user.userId(), user.arn(), user.path(), user.createDate(),
                TagEntry.fromDomain(user.tags()), PermissionsBoundary.ofArn(boundaryArn.orElse(null)));
    }

    static UserResponse of(IdentityEvent.UserCreated created) {
        return new UserResponse(created.userName(), created.userId(), created.arn(), created.path(), created.createDate(),
                TagEntry.fromDomain(created.tags()), PermissionsBoundary.ofArn(created.permissionsBoundary()));
    }

    static List<UserResponse> of(List<User> users) {
        return users.stream().map(UserResponse::of).toList();
    }
}
