package io.portcullis.iam.directory;

import io.portcullis.iam.persistent.NameIndex;
import java.util.Optional;

/**
 * The users and groups of one account as identity-service's events say they exist: what another service
 * needs to know of them to decide (policy-service attaches to users and groups, credential-service issues
 * keys to users). Found by name ignoring case, or by id; immutable.
 */
public final class Directory {

    private static final Directory EMPTY = new Directory(NameIndex.empty(), NameIndex.empty());

    private final NameIndex<Entry> users;
    private final NameIndex<Entry> groups;

    /** A user or group: its unique id (which a re-created namesake does not share), its name as spelled, its ARN. */
    public record Entry(String id, String name, String arn) {
    }

    private Directory(NameIndex<Entry> users, NameIndex<Entry> groups) {
        this.users = users;
        this.groups = groups;
    }

    public static Directory empty() {
        return EMPTY;
    }

    public Optional<Entry> user(String userName) {
        return users.byName(userName);
    }

    public Optional<Entry> userById(String userId) {
        return users.byId(userId);
    }

    public Optional<Entry> group(String groupName) {
        return groups.byName(groupName);
    }

    public Optional<Entry> groupById(String groupId) {
        return groups.byId(groupId);
    }

    /** Adds the user, or renames the one with the same id. */
    public Directory withUser(Entry user) {
        return new Directory(users.put(user.id(), user.name(), user), groups);
    }

    public Directory withoutUser(String userId) {
        return new Directory(users.remove(userId), groups);
    }

    /** Adds the group, or renames the one with the same id. */
    public Directory withGroup(Entry group) {
        return new Directory(users, groups.put(group.id(), group.name(), group));
    }

    public Directory withoutGroup(String groupId) {
        return new Directory(users, groups.remove(groupId));
    }
}
