package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.added;
import static io.portcullis.identity.domain.Fixtures.groupCreated;
import static io.portcullis.identity.domain.Fixtures.tags;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portcullis.iam.Tag;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.paging.Page;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityQueriesTest {

    private static IdentityState stateOf(IdentityEvent... events) {
        IdentityDecider decider = new IdentityDecider();
        IdentityState state = decider.initialState();
        for (IdentityEvent event : events) {
            state = decider.evolve(state, event);
        }
        return state;
    }

    private static List<String> userNames(Page<User> page) {
        return page.items().stream().map(User::userName).toList();
    }

    @Test
    void listsUsersByNameIgnoringCase() {
        // Given
        IdentityState state = stateOf(userCreated("carol"), userCreated("Bob"), userCreated("alice"), userCreated("Dave"));
        // When
        Page<User> page = IdentityQueries.listUsers(state, ListRequest.first());
        // Then
        assertEquals(List.of("alice", "Bob", "carol", "Dave"), userNames(page));
        assertFalse(page.isTruncated());
        assertNull(page.marker());
    }

    @Test
    void pagesThroughUsersWithMarker() {
        // Given
        IdentityState state = stateOf(userCreated("a"), userCreated("b"), userCreated("c"), userCreated("d"), userCreated("e"));
        // When
        Page<User> first = IdentityQueries.listUsers(state, new ListRequest("/", null, 2));
        Page<User> second = IdentityQueries.listUsers(state, new ListRequest("/", first.marker(), 2));
        Page<User> third = IdentityQueries.listUsers(state, new ListRequest("/", second.marker(), 2));
        // Then
        assertEquals(List.of("a", "b"), userNames(first));
        assertTrue(first.isTruncated());
        assertEquals(List.of("c", "d"), userNames(second));
        assertEquals(List.of("e"), userNames(third));
        assertFalse(third.isTruncated());
    }

    @Test
    void exactlyFullPageIsNotTruncated() {
        // Given
        IdentityState state = stateOf(userCreated("a"), userCreated("b"));
        // When
        Page<User> page = IdentityQueries.listUsers(state, new ListRequest("/", null, 2));
        // Then
        assertEquals(2, page.items().size());
        assertFalse(page.isTruncated());
    }

    @Test
    void markerSurvivesDeletionOfTheLastListedUser() {
        // Given
        IdentityState before = stateOf(userCreated("a"), userCreated("b"), userCreated("c"));
        String marker = IdentityQueries.listUsers(before, new ListRequest("/", null, 2)).marker();
        IdentityState after = new IdentityDecider().evolve(before, new IdentityEvent.UserDeleted(Fixtures.ACCOUNT, Fixtures.userId("b"), "b"));
        // When
        Page<User> next = IdentityQueries.listUsers(after, new ListRequest("/", marker, 2));
        // Then
        assertEquals(List.of("c"), userNames(next));
    }

    @Test
    void filtersUsersByPathPrefixAcrossPages() {
        // Given
        IdentityState state = stateOf(userCreated("a", "/eng/"), userCreated("b", "/ops/"), userCreated("c", "/eng/web/"),
                userCreated("d", "/"), userCreated("e", "/eng/"));
        // When
        Page<User> first = IdentityQueries.listUsers(state, new ListRequest("/eng/", null, 2));
        Page<User> second = IdentityQueries.listUsers(state, new ListRequest("/eng/", first.marker(), 2));
        // Then
        assertEquals(List.of("a", "c"), userNames(first));
        assertTrue(first.isTruncated());
        assertEquals(List.of("e"), userNames(second));
        assertFalse(second.isTruncated());
    }

    @Test
    void listsGroupsByNameWithPathPrefix() {
        // Given
        IdentityState state = stateOf(groupCreated("Zeta", "/x/"), groupCreated("alpha", "/x/"), groupCreated("beta", "/y/"));
        // When
        Page<Group> page = IdentityQueries.listGroups(state, new ListRequest("/x/", null, 10));
        // Then
        assertEquals(List.of("alpha", "Zeta"), page.items().stream().map(Group::groupName).toList());
    }

    @Test
    void listsGroupsForUserByName() {
        // Given
        IdentityState state = stateOf(userCreated("bob"), groupCreated("ops"), groupCreated("Admins"), groupCreated("devs"),
                added("ops", "bob"), added("Admins", "bob"));
        // When
        Optional<Page<Group>> page = IdentityQueries.listGroupsForUser(state, "BOB", ListRequest.first());
        // Then
        assertEquals(List.of("Admins", "ops"), page.orElseThrow().items().stream().map(Group::groupName).toList());
    }

    @Test
    void listsGroupMembersByNameInPages() {
        // Given
        IdentityState state = stateOf(groupCreated("g"), userCreated("c"), userCreated("A"), userCreated("b"),
                added("g", "c"), added("g", "A"), added("g", "b"));
        // When
        Page<User> first = IdentityQueries.listGroupMembers(state, "g", new ListRequest("/", null, 2)).orElseThrow();
        Page<User> rest = IdentityQueries.listGroupMembers(state, "g", new ListRequest("/", first.marker(), 2)).orElseThrow();
        // Then
        assertEquals(List.of("A", "b"), userNames(first));
        assertEquals(List.of("c"), userNames(rest));
    }

    @Test
    void listingForUnknownEntitiesIsEmpty() {
        // Given
        IdentityState state = stateOf();
        // When / Then
        assertTrue(IdentityQueries.listGroupsForUser(state, "bob", ListRequest.first()).isEmpty());
        assertTrue(IdentityQueries.listGroupMembers(state, "g", ListRequest.first()).isEmpty());
        assertTrue(IdentityQueries.listUserTags(state, "bob", ListRequest.first()).isEmpty());
    }

    @Test
    void listsUserTagsInSetOrderInPages() {
        // Given
        IdentityState state = stateOf(userCreated("bob", "/", tags(5)));
        // When
        Page<Tag> first = IdentityQueries.listUserTags(state, "bob", new ListRequest("/", null, 3)).orElseThrow();
        Page<Tag> rest = IdentityQueries.listUserTags(state, "bob", new ListRequest("/", first.marker(), 3)).orElseThrow();
        // Then
        assertEquals(tags(3), first.items());
        assertTrue(first.isTruncated());
        assertEquals(tags(5).subList(3, 5), rest.items());
        assertFalse(rest.isTruncated());
    }

    @Test
    void getsUsersAndGroupsByNameIgnoringCase() {
        // Given
        IdentityState state = stateOf(userCreated("Bob"), groupCreated("Admins"));
        // When / Then
        assertEquals("Bob", state.user("bOB").orElseThrow().userName());
        assertEquals("Admins", state.group("aDMINS").orElseThrow().groupName());
        assertTrue(state.user("admins").isEmpty());
    }
}
