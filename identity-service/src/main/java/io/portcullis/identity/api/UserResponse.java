package io.portcullis.identity.api;

import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.User;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it (AWS's {@code User} in camelCase); {@code createDate} is ISO-8601. */
public record UserResponse(String userName, String userId, String arn, String path, Instant createDate, List<TagEntry> tags) {

    static UserResponse of(User user) {
        return new UserResponse(user.userName(), user.userId(), user.arn(), user.path(), user.createDate(),
                TagEntry.fromDomain(user.tags()));
    }

    static UserResponse of(IdentityEvent.UserCreated created) {
        return new UserResponse(created.userName(), created.userId(), created.arn(), created.path(), created.createDate(),
                TagEntry.fromDomain(created.tags()));
    }

    static List<UserResponse> of(List<User> users) {
        return users.stream().map(UserResponse::of).toList();
    }
}
