package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.added;
import static io.portcullis.identity.domain.Fixtures.groupCreated;
import static io.portcullis.identity.domain.Fixtures.groupId;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static io.portcullis.identity.domain.Fixtures.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.portcullis.iam.Tag;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.identity.domain.IdentityCommand.*;
import io.portcullis.identity.domain.IdentityEvent.*;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every command and event type has a sample here, so a type added without a decide or evolve branch fails. */
class DispatchCompletenessTest {

    private static final IdentityDecider DECIDER = new IdentityDecider();

    /** bob (tagged, in admins), carol (in no group), groups admins and empty. */
    private static final IdentityEvent[] HISTORY = {
        userCreated("bob", "/", List.of(new Tag("team", "core"))), userCreated("carol"),
        groupCreated("admins"), groupCreated("empty"), added("admins", "bob"),
    };

    static final List<IdentityCommand> COMMANDS = List.of(
            Fixtures.createUser("dave"),
            new UpdateUser(ACCOUNT, "bob", "robert", null),
            new DeleteUser(ACCOUNT, "carol"),
            new TagUser(ACCOUNT, "bob", List.of(new Tag("env", "prod"))),
            new UntagUser(ACCOUNT, "bob", List.of("team")),
            Fixtures.createGroup("devs"),
            new UpdateGroup(ACCOUNT, "admins", null, "/ops/"),
            new DeleteGroup(ACCOUNT, "empty"),
            new AddUserToGroup(ACCOUNT, "admins", "carol"),
            new RemoveUserFromGroup(ACCOUNT, "admins", "bob"));

    private static final List<IdentityEvent> EVENTS = List.of(
            userCreated("dave"),
            new UserUpdated(ACCOUNT, userId("bob"), "bob", "robert", "/", "/", ACCOUNT.userArn("/", "robert")),
            new UserTagged(ACCOUNT, userId("bob"), "bob", List.of(new Tag("env", "prod"))),
            new UserUntagged(ACCOUNT, userId("bob"), "bob", List.of("team")),
            new UserDeleted(ACCOUNT, userId("carol"), "carol"),
            groupCreated("devs"),
            new GroupUpdated(ACCOUNT, groupId("admins"), "admins", "admins", "/", "/ops/", ACCOUNT.groupArn("/ops/", "admins")),
            new GroupDeleted(ACCOUNT, groupId("empty"), "empty"),
            added("admins", "carol"),
            new UserRemovedFromGroup(ACCOUNT, groupId("admins"), "admins", userId("bob"), "bob"));

    private static IdentityState history() {
        IdentityState state = DECIDER.initialState();
        for (IdentityEvent event : HISTORY) {
            state = DECIDER.evolve(state, event);
        }
        return state;
    }

    private static Set<Class<?>> typesOf(List<?> samples) {
        return samples.stream().map(Object::getClass).collect(Collectors.toSet());
    }

    @Test
    void everyCommandTypeHasASample() {
        assertEquals(Set.copyOf(Arrays.asList(IdentityCommand.class.getPermittedSubclasses())), typesOf(COMMANDS));
    }

    @Test
    void everyEventTypeHasASample() {
        assertEquals(Set.copyOf(Arrays.asList(IdentityEvent.class.getPermittedSubclasses())), typesOf(EVENTS));
    }

    @Test
    void decideHandlesEveryCommandTypeWithAnEvent() {
        IdentityState state = history();
        Map<Class<?>, Decision<IdentityEvent>> decisions = COMMANDS.stream()
                .collect(Collectors.toMap(Object::getClass, command -> DECIDER.decide(command, state, Holdings.none())));
        decisions.forEach((type, decision) ->
                assertFalse(assertInstanceOf(Decision.Accepted.class, decision, type::getName).events().isEmpty(), type::getName));
    }

    @Test
    void evolveHandlesEveryEventTypeWithAChange() {
        IdentityState state = history();
        for (IdentityEvent event : EVENTS) {
            IdentityState after = DECIDER.evolve(state, event);
            assertNotEquals(snapshot(state), snapshot(after), event.getClass().getName());
        }
    }

    /** A comparable picture of a state: every user with tags and groups, every group with members. */
    static List<Object> snapshot(IdentityState state) {
        ListRequest all = new ListRequest("/", null, 1000);
        List<Object> users = IdentityQueries.listUsers(state, all).items().stream()
                .map(user -> List.of(user, state.groupsOf(user))).collect(Collectors.toList());
        List<Object> groups = IdentityQueries.listGroups(state, all).items().stream()
                .map(group -> List.of(group, state.membersOf(group))).collect(Collectors.toList());
        return List.of(users, groups);
    }
}
