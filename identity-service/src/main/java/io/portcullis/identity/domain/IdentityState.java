package io.portcullis.identity.domain;

import io.portcullis.iam.persistent.NameIndex;
import io.portcullis.iam.persistent.PersistentTreeMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One account's identity directory, immutable. Users and groups are keyed by their lower-cased name (IAM
 * names are unique ignoring case but keep their spelling); membership is kept by id, so renames leave it
 * untouched. Every map is a {@link PersistentTreeMap}: an update shares all but O(log n) nodes with the
 * previous version, and name order comes for free for listing.
 */
public final class IdentityState {

    private static final IdentityState EMPTY = new IdentityState(NameIndex.empty(), NameIndex.empty(),
            PersistentTreeMap.empty(), PersistentTreeMap.empty());

    private final NameIndex<User> users;
    private final NameIndex<Group> groups;
    /** Key: group id followed by user id (ids have a fixed length), so a group's members are one key range. */
    private final PersistentTreeMap<Membership> memberships;
    /** A user's group ids in the order joined; at most 10, so copying the list is cheap. */
    private final PersistentTreeMap<List<String>> groupIdsByUserId;

    private record Membership(String groupId, String userId) {
    }

    private IdentityState(NameIndex<User> users, NameIndex<Group> groups, PersistentTreeMap<Membership> memberships,
                          PersistentTreeMap<List<String>> groupIdsByUserId) {
        this.users = users;
        this.groups = groups;
        this.memberships = memberships;
        this.groupIdsByUserId = groupIdsByUserId;
    }

    public static IdentityState empty() {
        return EMPTY;
    }

    /** The sort and uniqueness key of a user or group name. */
    public static String nameKey(String name) {
        return NameIndex.nameKey(name);
    }

    /** The user with this name, ignoring case. */
    public Optional<User> user(String userName) {
        return users.byName(userName);
    }

    public Optional<User> userById(String userId) {
        return users.byId(userId);
    }

    /** The group with this name, ignoring case. */
    public Optional<Group> group(String groupName) {
        return groups.byName(groupName);
    }

    public Optional<Group> groupById(String groupId) {
        return groups.byId(groupId);
    }

    public int userCount() {
        return users.size();
    }

    public int groupCount() {
        return groups.size();
    }

    public boolean isMember(Group group, User user) {
        return memberships.containsKey(group.groupId() + user.userId());
    }

    public int groupCountOf(User user) {
        return groupIdsOf(user.userId()).size();
    }

    /** The user's groups, by name. */
    public List<Group> groupsOf(User user) {
        List<Group> result = new ArrayList<>();
        for (String groupId : groupIdsOf(user.userId())) {
            groups.byId(groupId).ifPresent(result::add);
        }
        result.sort(Comparator.comparing(group -> nameKey(group.groupName())));
        return result;
    }

    public boolean hasMembers(Group group) {
        Iterator<Membership> range = memberships.valuesFrom(group.groupId(), false);
        return range.hasNext() && range.next().groupId().equals(group.groupId());
    }

    /** The group's members, by name. */
    public List<User> membersOf(Group group) {
        List<User> members = new ArrayList<>();
        for (Iterator<Membership> range = memberships.valuesFrom(group.groupId(), false); range.hasNext(); ) {
            Membership membership = range.next();
            if (!membership.groupId().equals(group.groupId())) {
                break;
            }
            users.byId(membership.userId()).ifPresent(members::add);
        }
        members.sort(Comparator.comparing(user -> nameKey(user.userName())));
        return members;
    }

    /** Users by name key, starting after {@code afterKey} ({@code null}: from the first). */
    Iterator<User> usersAfter(String afterKey) {
        return users.after(afterKey);
    }

    Iterator<Group> groupsAfter(String afterKey) {
        return groups.after(afterKey);
    }

    // Transitions, used by evolve. Each is total: an event about an absent entity changes what it can and
    // never throws, so a replayed topic always folds.

    /** Adds the user, or replaces the one with the same id (under its old name, if renamed). */
    IdentityState withUser(User user) {
        return new IdentityState(users.put(user.userId(), user.userName(), user), groups, memberships, groupIdsByUserId);
    }

    /** Removes the user and any membership it still has. */
    IdentityState withoutUser(String userId) {
        if (users.byId(userId).isEmpty()) {
            return this;
        }
        IdentityState state = this;
        for (String groupId : groupIdsOf(userId)) {
            state = state.withoutMembership(groupId, userId);
        }
        return new IdentityState(users.remove(userId), groups, state.memberships, state.groupIdsByUserId);
    }

    /** Adds the group, or replaces the one with the same id (under its old name, if renamed). */
    IdentityState withGroup(Group group) {
        return new IdentityState(users, groups.put(group.groupId(), group.groupName(), group), memberships, groupIdsByUserId);
    }

    /** Removes the group and any membership it still has. */
    IdentityState withoutGroup(String groupId) {
        if (groups.byId(groupId).isEmpty()) {
            return this;
        }
        IdentityState state = this;
        for (Iterator<Membership> range = memberships.valuesFrom(groupId, false); range.hasNext(); ) {
            Membership membership = range.next();
            if (!membership.groupId().equals(groupId)) {
                break;
            }
            state = state.withoutMembership(groupId, membership.userId());
        }
        return new IdentityState(users, groups.remove(groupId), state.memberships, state.groupIdsByUserId);
    }

    IdentityState withMembership(String groupId, String userId) {
        if (groups.byId(groupId).isEmpty() || users.byId(userId).isEmpty() || memberships.containsKey(groupId + userId)) {
            return this;
        }
        List<String> joined = new ArrayList<>(groupIdsOf(userId));
        joined.add(groupId);
        return new IdentityState(users, groups, memberships.put(groupId + userId, new Membership(groupId, userId)),
                groupIdsByUserId.put(userId, List.copyOf(joined)));
    }

    IdentityState withoutMembership(String groupId, String userId) {
        if (!memberships.containsKey(groupId + userId)) {
            return this;
        }
        List<String> left = groupIdsOf(userId).stream().filter(id -> !id.equals(groupId)).toList();
        return new IdentityState(users, groups, memberships.remove(groupId + userId),
                left.isEmpty() ? groupIdsByUserId.remove(userId) : groupIdsByUserId.put(userId, left));
    }

    private List<String> groupIdsOf(String userId) {
        List<String> ids = groupIdsByUserId.get(userId);
        return ids == null ? List.of() : ids;
    }
}
