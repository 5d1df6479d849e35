package io.portcullis.identity.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The read questions the REST layer asks of a directory, as pure functions. Listings are in name order
 * ignoring case (AWS documents no order; name order is stable and matches what it returns in practice);
 * the marker resumes after the last name returned, so entities created or deleted between pages neither
 * repeat nor shift the listing. An empty {@link Optional} means the named user or group does not exist.
 * Requests must have passed {@link ListRequest#validate()}.
 */
public final class IdentityQueries {

    private IdentityQueries() {
    }

    /** {@code ListUsers}: users whose path starts with the prefix. */
    public static Page<User> listUsers(IdentityState state, ListRequest request) {
        return page(state.usersAfter(request.resumeAfter()), user -> user.path().startsWith(request.pathPrefix()),
                user -> IdentityState.nameKey(user.userName()), request.maxItems());
    }

    /** {@code ListGroups}: groups whose path starts with the prefix. */
    public static Page<Group> listGroups(IdentityState state, ListRequest request) {
        return page(state.groupsAfter(request.resumeAfter()), group -> group.path().startsWith(request.pathPrefix()),
                group -> IdentityState.nameKey(group.groupName()), request.maxItems());
    }

    /** {@code ListGroupsForUser}. */
    public static Optional<Page<Group>> listGroupsForUser(IdentityState state, String userName, ListRequest request) {
        return state.user(userName).map(user -> pageOfSorted(state.groupsOf(user), group -> IdentityState.nameKey(group.groupName()), request));
    }

    /** The members part of {@code GetGroup}. */
    public static Optional<Page<User>> listGroupMembers(IdentityState state, String groupName, ListRequest request) {
        return state.group(groupName).map(group -> pageOfSorted(state.membersOf(group), user -> IdentityState.nameKey(user.userName()), request));
    }

    /**
     * {@code ListUserTags}, in the order the tags were set. The marker holds a position; one that does not
     * point into the tags (they shrank between calls) yields an empty last page.
     */
    public static Optional<Page<Tag>> listUserTags(IdentityState state, String userName, ListRequest request) {
        return state.user(userName).map(user -> {
            List<Tag> tags = user.tags();
            int start = request.marker() == null ? 0 : position(request.resumeAfter(), tags.size());
            int end = (int) Math.min((long) start + request.maxItems(), tags.size());
            boolean truncated = end < tags.size();
            return new Page<>(tags.subList(start, end), truncated, truncated ? Markers.encode(Integer.toString(end)) : null);
        });
    }

    private static int position(String resumeAt, int size) {
        try {
            int position = Integer.parseInt(resumeAt);
            return position < 0 || position > size ? size : position;
        } catch (NumberFormatException notAPosition) {
            return size;
        }
    }

    private static <T> Page<T> pageOfSorted(List<T> sorted, Function<T, String> keyOf, ListRequest request) {
        String after = request.resumeAfter();
        Iterator<T> from = sorted.stream().filter(item -> after == null || keyOf.apply(item).compareTo(after) > 0).iterator();
        return page(from, item -> true, keyOf, request.maxItems());
    }

    private static <T> Page<T> page(Iterator<T> sorted, Predicate<T> keep, Function<T, String> keyOf, int maxItems) {
        List<T> items = new ArrayList<>();
        while (sorted.hasNext()) {
            T item = sorted.next();
            if (!keep.test(item)) {
                continue;
            }
            if (items.size() == maxItems) {
                return new Page<>(items, true, Markers.encode(keyOf.apply(items.get(items.size() - 1))));
            }
            items.add(item);
        }
        return new Page<>(items, false, null);
    }
}
