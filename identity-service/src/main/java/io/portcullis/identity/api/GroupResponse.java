package io.portcullis.identity.api;

import io.portcullis.identity.domain.Group;
import io.portcullis.identity.domain.IdentityEvent;
import java.time.Instant;
import java.util.List;

/** A group as the API shows it (AWS's {@code Group} in camelCase); {@code createDate} is ISO-8601. */
public record GroupResponse(String groupName, String groupId, String arn, String path, Instant createDate) {

    static GroupResponse of(Group group) {
        return new GroupResponse(group.groupName(), group.groupId(), group.arn(), group.path(), group.createDate());
    }

    static GroupResponse of(IdentityEvent.GroupCreated created) {
        return new GroupResponse(created.groupName(), created.groupId(), created.arn(), created.path(), created.createDate());
    }

    static List<GroupResponse> of(List<Group> groups) {
        return groups.stream().map(GroupResponse::of).toList();
    }
}
