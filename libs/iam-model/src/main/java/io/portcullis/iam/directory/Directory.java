package io.portcullis.iam.directory;

import io.portcullis.iam.persistent.NameIndex;
import io.portcullis.iam.persistent.PersistentTreeMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The users and groups of one account, and which groups each user belongs to, as identity-service's events
 * say: what another service needs to know of them to decide (policy-service attaches to users and groups, credential-service issues
 * keys to users). Found by name ignoring case, or by id; immutable.
 */
public final class Directory {

    private static final Directory EMPTY = new Directory(NameIndex.empty(), NameIndex.empty(), PersistentTreeMap.empty());

    private final NameIndex<Entry> users;
    private final NameIndex<Entry> groups;
    /** Group ids by user id, in the order joined. */
    private final PersistentTreeMap<List<String>> memberships;

    /**
     * A user or group: its unique id (which a re-created namesake does not share), its name as spelled, its ARN, when it
     * was created (null where the source did not say), and for a user the permissions boundary it was created with
     * (null: none; policy-service owns the boundary after that).
     */
    public record Entry(String id, String name, String arn, Instant createDate, String creationBoundary) {

        public Entry(String id, String name, String arn) {
            this(id, name, arn, null, null);
        }

        public Entry(String id, String name, String arn, Instant createDate) {
            this(id, name, arn, createDate, null);
        }

        /** The same entity under a new name and ARN; it keeps its creation time and boundary. */
        public Entry renamed(String newName, String newArn) {
            return new Entry(id, newName, newArn, createDate, creationBoundary);
        }
    }

    private Directory(NameIndex<Entry> users, NameIndex<Entry> groups, PersistentTreeMap<List<String>> memberships) {
        this.users = users;
        this.groups = groups;
        this.memberships = memberships;
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

    /** Users in name order (ignoring case). */
    public Iterator<Entry> users() {
        return users.after(null);
    }

    /** Groups in name order (ignoring case). */
    public Iterator<Entry> groups() {
        return groups.after(null);
    }

    /** The groups the user belongs to, in the order joined. */
    public List<Entry> groupsOf(String userId) {
        List<String> groupIds = memberships.get(userId);
        return groupIds == null ? List.of() : groupIds.stream().map(groups::byId).flatMap(Optional::stream).toList();
    }

    /** Adds the user, or renames the one with the same id. */
    public Directory withUser(Entry user) {
        return new Directory(users.put(user.id(), user.name(), user), groups, memberships);
    }

    public Directory withoutUser(String userId) {
        return new Directory(users.remove(userId), groups, memberships.remove(userId));
    }

    /** Adds the group, or renames the one with the same id. */
    public Directory withGroup(Entry group) {
        return new Directory(users, groups.put(group.id(), group.name(), group), memberships);
    }

    /** Memberships are left as they are: IAM deletes only a group without members, and {@link #groupsOf} skips missing groups. */
    public Directory withoutGroup(String groupId) {
        return new Directory(users, groups.remove(groupId), memberships);
    }

    public Directory withMember(String groupId, String userId) {
        List<String> before = memberships.get(userId);
        if (before != null && before.contains(groupId)) {
            return this;
        }
        List<String> after = new ArrayList<>(before == null ? List.of() : before);
        after.add(groupId);
        return new Directory(users, groups, memberships.put(userId, List.copyOf(after)));
    }

    public Directory withoutMember(String groupId, String userId) {
        List<String> before = memberships.get(userId);
        if (before == null || !before.contains(groupId)) {
            return this;
        }
        List<String> after = before.stream().filter(id -> !id.equals(groupId)).toList();
        return new Directory(users, groups, after.isEmpty() ? memberships.remove(userId) : memberships.put(userId, after));
    }
}
