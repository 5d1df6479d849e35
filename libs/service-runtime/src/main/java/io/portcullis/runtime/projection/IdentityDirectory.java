package io.portcullis.runtime.projection;

import io.portcullis.events.identity.GroupCreated;
import io.portcullis.events.identity.GroupDeleted;
import io.portcullis.events.identity.GroupUpdated;
import io.portcullis.events.identity.UserAddedToGroup;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.events.identity.UserDeleted;
import io.portcullis.events.identity.UserRemovedFromGroup;
import io.portcullis.events.identity.UserUpdated;
import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.directory.Directory;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The {@link Directory} facts every service that refers to users or groups needs, folded from
 * identity-service's events (its published contract): created, renamed or moved, deleted, and group
 * membership (policy-service's GetAccountAuthorizationDetails lists a user's groups). Tags are not facts
 * anyone else decides on today, so they are left out.
 */
public final class IdentityDirectory {

    private IdentityDirectory() {
    }

    /** Facts of one account's users and groups, from {@code portcullis.identity.events}. */
    public static ForeignFacts<Directory> facts() {
        return new ForeignFacts<>(List.of(OwningService.IDENTITY), Directory.empty(), IdentityDirectory::apply);
    }

    static Directory apply(Directory directory, SpecificRecord event) {
        if (event instanceof UserCreated e) {
            return directory.withUser(new Directory.Entry(e.getUserId(), e.getUserName(), e.getArn(), e.getCreateDate(),
                    e.getPermissionsBoundary()));
        } else if (event instanceof UserUpdated e) {
            return directory.withUser(directory.userById(e.getUserId()).map(u -> u.renamed(e.getNewUserName(), e.getNewArn()))
                    .orElseGet(() -> new Directory.Entry(e.getUserId(), e.getNewUserName(), e.getNewArn())));
        } else if (event instanceof UserDeleted e) {
            return directory.withoutUser(e.getUserId());
        } else if (event instanceof GroupCreated e) {
            return directory.withGroup(new Directory.Entry(e.getGroupId(), e.getGroupName(), e.getArn()));
        } else if (event instanceof GroupUpdated e) {
            return directory.withGroup(new Directory.Entry(e.getGroupId(), e.getNewGroupName(), e.getNewArn()));
        } else if (event instanceof GroupDeleted e) {
            return directory.withoutGroup(e.getGroupId());
        } else if (event instanceof UserAddedToGroup e) {
            return directory.withMember(e.getGroupId(), e.getUserId());
        } else if (event instanceof UserRemovedFromGroup e) {
            return directory.withoutMember(e.getGroupId(), e.getUserId());
        }
        // Tags: not facts another service decides on.
        return directory;
    }
}
