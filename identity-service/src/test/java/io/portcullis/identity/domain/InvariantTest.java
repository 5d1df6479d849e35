package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portcullis.iam.UniqueIds;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.identity.domain.IdentityCommand.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random command sequences: whatever decide accepts, evolve keeps every directory invariant, and replay agrees. */
class InvariantTest {

    private static final int USER_LIMIT = 12;
    private static final String[] NAMES = {"ann", "Ann", "bob", "BOB", "cy", "dee", "eve", "fay", "gus", "hal", "ivy", "jo", "kim", "lu"};

    private static String name(SplittableRandom random) {
        return NAMES[random.nextInt(NAMES.length)];
    }

    private static IdentityCommand randomCommand(SplittableRandom random) {
        String user = name(random);
        String group = "g" + random.nextInt(14);
        switch (random.nextInt(10)) {
            case 0:
                return new CreateUser(ACCOUNT, user, "/", List.of(), UniqueIds.newUserId(random), T0);
            case 1:
                return new UpdateUser(ACCOUNT, user, random.nextBoolean() ? name(random) : null, random.nextBoolean() ? "/p/" : null);
            case 2:
                return new DeleteUser(ACCOUNT, user);
            case 3:
                return new TagUser(ACCOUNT, user, Fixtures.tags(1 + random.nextInt(30)));
            case 4:
                return new UntagUser(ACCOUNT, user, List.of("k" + random.nextInt(30)));
            case 5:
                return new CreateGroup(ACCOUNT, group, "/", UniqueIds.newGroupId(random), T0);
            case 6:
                return new UpdateGroup(ACCOUNT, group, random.nextBoolean() ? "g" + random.nextInt(14) : null, null);
            case 7:
                return new DeleteGroup(ACCOUNT, group);
            case 8:
                return new AddUserToGroup(ACCOUNT, group, user);
            default:
                return new RemoveUserFromGroup(ACCOUNT, group, user);
        }
    }

    @Test
    void acceptedEventsKeepEveryInvariant() {
        SplittableRandom random = new SplittableRandom(2024);
        IdentityDecider decider = new IdentityDecider(USER_LIMIT);
        IdentityState state = decider.initialState();
        List<IdentityEvent> log = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Decision<IdentityEvent> decision = decider.decide(randomCommand(random), state, Holdings.none());
            if (decision instanceof Decision.Accepted<IdentityEvent> accepted) {
                for (IdentityEvent event : accepted.events()) {
                    state = decider.evolve(state, event);
                    log.add(event);
                }
                assertInvariants(state);
            }
        }
        IdentityState replayed = decider.initialState();
        for (IdentityEvent event : log) {
            replayed = decider.evolve(replayed, event);
        }
        assertEquals(DispatchCompletenessTest.snapshot(state), DispatchCompletenessTest.snapshot(replayed));
        assertTrue(log.size() > 500, "the random walk should exercise the decider, got " + log.size() + " events");
    }

    private static void assertInvariants(IdentityState state) {
        ListRequest all = new ListRequest("/", null, 1000);
        List<User> users = IdentityQueries.listUsers(state, all).items();
        List<Group> groups = IdentityQueries.listGroups(state, all).items();
        assertEquals(state.userCount(), users.size());
        assertEquals(state.groupCount(), groups.size());
        assertTrue(users.size() <= USER_LIMIT);
        Set<String> userKeys = new HashSet<>();
        for (User user : users) {
            assertTrue(userKeys.add(IdentityState.nameKey(user.userName())), "unique user names");
            assertEquals(user, state.userById(user.userId()).orElseThrow());
            assertEquals(ACCOUNT.userArn(user.path(), user.userName()), user.arn());
            assertTrue(user.tags().size() <= Constraints.MAX_TAGS);
            List<Group> groupsOfUser = state.groupsOf(user);
            assertTrue(groupsOfUser.size() <= IdentityDecider.GROUPS_PER_USER);
            for (Group group : groupsOfUser) {
                assertTrue(state.membersOf(group).contains(user), "membership is symmetric");
            }
        }
        for (Group group : groups) {
            assertEquals(group, state.groupById(group.groupId()).orElseThrow());
            assertEquals(ACCOUNT.groupArn(group.path(), group.groupName()), group.arn());
            for (User member : state.membersOf(group)) {
                assertTrue(state.groupsOf(member).contains(group), "membership is symmetric");
            }
        }
    }
}
