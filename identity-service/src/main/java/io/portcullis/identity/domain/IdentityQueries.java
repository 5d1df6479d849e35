package io.portcullis.identity.domain;

import io.portcullis.iam.Tag;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.paging.Page;
import io.portcullis.iam.paging.Pages;
import java.util.Optional;

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
        return Pages.page(state.usersAfter(request.resumeAfter()), user -> user.path().startsWith(request.pathPrefix()),
                user -> IdentityState.nameKey(user.userName()), request.maxItems());
    }

    /** {@code ListGroups}: groups whose path starts with the prefix. */
    public static Page<Group> listGroups(IdentityState state, ListRequest request) {
        return Pages.page(state.groupsAfter(request.resumeAfter()), group -> group.path().startsWith(request.pathPrefix()),
                group -> IdentityState.nameKey(group.groupName()), request.maxItems());
    }

    /** {@code ListGroupsForUser}. */
    public static Optional<Page<Group>> listGroupsForUser(IdentityState state, String userName, ListRequest request) {
        return state.user(userName).map(user -> Pages.pageOfSorted(state.groupsOf(user), group -> IdentityState.nameKey(group.groupName()), request));
    }

    /** The members part of {@code GetGroup}. */
    public static Optional<Page<User>> listGroupMembers(IdentityState state, String groupName, ListRequest request) {
        return state.group(groupName).map(group -> Pages.pageOfSorted(state.membersOf(group), user -> IdentityState.nameKey(user.userName()), request));
    }

    /**
     * {@code ListUserTags}, in the order the tags were set. The marker holds a position; one that does not
     * point into the tags (they shrank between calls) yields an empty last page.
     */
    public static Optional<Page<Tag>> listUserTags(IdentityState state, String userName, ListRequest request) {
        return state.user(userName).map(user -> Pages.pageByPosition(user.tags(), request));
    }
}
