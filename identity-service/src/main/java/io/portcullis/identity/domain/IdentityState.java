package io.portcullis.identity.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One account's identity directory, immutable. Users and groups are keyed by their lower-cased name (IAM
 * names are unique ignoring case but keep their spelling); membership is kept by id, so renames leave it
 * untouched. Every map is a {@link PersistentTreeMap}: an update shares all but O(log n) nodes with the
 * previous version, and name order comes for free for listing.
 */
public final class IdentityState {

    private static final IdentityState EMPTY = new IdentityState(PersistentTreeMap.empty(), PersistentTreeMap.empty(),
            PersistentTreeMap.empty(), PersistentTreeMap.empty(), PersistentTreeMap.empty(), PersistentTreeMap.empty());

    private final PersistentTreeMap<User> usersByKey;
    private final PersistentTreeMap<String> userKeysById;
    private final PersistentTreeMap<Group> groupsByKey;
    private final PersistentTreeMap<String> groupKeysById;
    /** Key: group id followed by user id (ids have a fixed length), so a group's members are one key range. */
    private final PersistentTreeMap<Membership> memberships;
    /** A user's group ids in the order joined; at most 10, so copying the list is cheap. */
    private final PersistentTreeMap<List<String>> groupIdsByUserId;

    private record Membership(String groupId, String userId) {
    }

    private IdentityState(PersistentTreeMap<User> usersByKey, PersistentTreeMap<String> userKeysById,
                          PersistentTreeMap<Group> groupsByKey, PersistentTreeMap<String> groupKeysById,
                          PersistentTreeMap<Membership> memberships, PersistentTreeMap<List<String>> groupIdsByUserId) {
        this.usersByKey = usersByKey;
        this.userKeysById = userKeysById;
        this.groupsByKey = groupsByKey;
        this.groupKeysById = groupKeysById;
        this.memberships = memberships;
        this.groupIdsByUserId = groupIdsByUserId;
    }

    public static IdentityState empty() {
        return EMPTY;
    }

    /** The sort and uniqueness key of a user or group name. */
    public static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The user with this name, ignoring case. */
    public Optional<User> user(String userName) {
        return Optional.ofNullable(usersByKey.get(nameKey(userName)));
    }

    public Optional<User> userById(String userId) {
        return Optional.ofNullable(userKeysById.get(userId)).map(usersByKey::get);
    }

    /** The group with this name, ignoring case. */
    public Optional<Group> group(String groupName) {
        return Optional.ofNullable(groupsByKey.get(nameKey(groupName)));
    }

    public Optional<Group> groupById(String groupId) {
        return Optional.ofNullable(groupKeysById.get(groupId)).map(groupsByKey::get);
    }

    public int userCount() {
        return usersByKey.size();
    }

    public int groupCount() {
        return groupsByKey.size();
    }

    public boolean isMember(Group group, User user) {
        return memberships.containsKey(group.groupId() + user.userId());
    }

    public int groupCountOf(User user) {
        return groupIdsOf(user.userId()).size();
    }

    /** The user's groups, by name. */
    public List<Group> groupsOf(User user) {
        List<Group> groups = new ArrayList<>();
        for (String groupId : groupIdsOf(user.userId())) {
            groupById(groupId).ifPresent(groups::add);
        }
        groups.sort(Comparator.comparing(group -> nameKey(group.groupName())));
        return groups;
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
            userById(membership.userId()).ifPresent(members::add);
        }
        members.sort(Comparator.comparing(user -> nameKey(user.userName())));
        return members;
    }

    /** Users by name key, starting after {@code afterKey} ({@code null}: from the first). */
    Iterator<User> usersAfter(String afterKey) {
        return usersByKey.valuesFrom(afterKey, false);
    }

    Iterator<Group> groupsAfter(String afterKey) {
        return groupsByKey.valuesFrom(afterKey, false);
    }

    // Transitions, used by evolve. Each is total: an event about an absent entity changes what it can and
    // never throws, so a replayed topic always folds.

    /** Adds the user, or replaces the one with the same id (under its old name, if renamed). */
    IdentityState withUser(User updated) {
        PersistentTreeMap<User> users = userById(updated.userId())
                .map(old -> usersByKey.remove(nameKey(old.userName())))
                .orElse(usersByKey);
        return withUsers(users.put(nameKey(updated.userName()), updated), userKeysById.put(updated.userId(), nameKey(updated.userName())));
    }

    IdentityState withoutUser(String userId) {
        Optional<User> user = userById(userId);
        if (user.isEmpty()) {
            return this;
        }
        PersistentTreeMap<Membership> remaining = memberships;
        for (String groupId : groupIdsOf(userId)) {
            remaining = remaining.remove(groupId + userId);
        }
        return new IdentityState(usersByKey.remove(nameKey(user.get().userName())), userKeysById.remove(userId),
                groupsByKey, groupKeysById, remaining, groupIdsByUserId.remove(userId));
    }

    /** Adds the group, or replaces the one with the same id (under its old name, if renamed). */
    IdentityState withGroup(Group updated) {
        PersistentTreeMap<Group> groups = groupById(updated.groupId())
                .map(old -> groupsByKey.remove(nameKey(old.groupName())))
                .orElse(groupsByKey);
        return withGroups(groups.put(nameKey(updated.groupName()), updated), groupKeysById.put(updated.groupId(), nameKey(updated.groupName())));
    }

    IdentityState withoutGroup(String groupId) {
        Optional<Group> group = groupById(groupId);
        if (group.isEmpty()) {
            return this;
        }
        IdentityState state = this;
        for (User member : membersOf(group.get())) {
            state = state.withoutMembership(groupId, member.userId());
        }
        return new IdentityState(state.usersByKey, state.userKeysById, groupsByKey.remove(nameKey(group.get().groupName())),
                groupKeysById.remove(groupId), state.memberships, state.groupIdsByUserId);
    }

    IdentityState withMembership(String groupId, String userId) {
        if (groupById(groupId).isEmpty() || userById(userId).isEmpty() || memberships.containsKey(groupId + userId)) {
            return this;
        }
        List<String> joined = new ArrayList<>(groupIdsOf(userId));
        joined.add(groupId);
        return new IdentityState(usersByKey, userKeysById, groupsByKey, groupKeysById,
                memberships.put(groupId + userId, new Membership(groupId, userId)), groupIdsByUserId.put(userId, List.copyOf(joined)));
    }

    IdentityState withoutMembership(String groupId, String userId) {
        if (!memberships.containsKey(groupId + userId)) {
            return this;
        }
        List<String> left = groupIdsOf(userId).stream().filter(id -> !id.equals(groupId)).toList();
        return new IdentityState(usersByKey, userKeysById, groupsByKey, groupKeysById, memberships.remove(groupId + userId),
                left.isEmpty() ? groupIdsByUserId.remove(userId) : groupIdsByUserId.put(userId, left));
    }

    private List<String> groupIdsOf(String userId) {
        List<String> ids = groupIdsByUserId.get(userId);
        return ids == null ? List.of() : ids;
    }

    private IdentityState withUsers(PersistentTreeMap<User> users, PersistentTreeMap<String> keysById) {
        return new IdentityState(users, keysById, groupsByKey, groupKeysById, memberships, groupIdsByUserId);
    }

    private IdentityState withGroups(PersistentTreeMap<Group> groups, PersistentTreeMap<String> keysById) {
        return new IdentityState(usersByKey, userKeysById, groups, keysById, memberships, groupIdsByUserId);
    }
}
