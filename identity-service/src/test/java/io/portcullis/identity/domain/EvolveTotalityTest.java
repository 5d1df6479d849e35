package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.added;
import static io.portcullis.identity.domain.Fixtures.groupCreated;
import static io.portcullis.identity.domain.Fixtures.groupId;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static io.portcullis.identity.domain.Fixtures.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.portcullis.iam.Tag;
import io.portcullis.identity.domain.IdentityEvent.GroupDeleted;
import io.portcullis.identity.domain.IdentityEvent.UserDeleted;
import java.util.List;
import org.junit.jupiter.api.Test;

/** evolve never throws: the runtime must be able to fold any topic, even one decide would not have written. */
class EvolveTotalityTest {

    private static final IdentityDecider DECIDER = new IdentityDecider();

    private static IdentityState fold(IdentityEvent... events) {
        IdentityState state = DECIDER.initialState();
        for (IdentityEvent event : events) {
            state = DECIDER.evolve(state, event);
        }
        return state;
    }

    @Test
    void eventsAboutAbsentEntitiesLeaveTheStateAsItWas() {
        IdentityState empty = DECIDER.initialState();
        for (IdentityEvent event : List.of(new UserDeleted(ACCOUNT, userId("x"), "x"), new GroupDeleted(ACCOUNT, groupId("g"), "g"),
                added("g", "x"), new IdentityEvent.UserTagged(ACCOUNT, userId("x"), "x", List.of(new Tag("k", "v"))))) {
            assertSame(empty, DECIDER.evolve(empty, event), event.toString());
        }
    }

    @Test
    void deletedUserLeavesNoMembershipBehind() {
        // Given
        IdentityState state = fold(userCreated("bob"), groupCreated("admins"), added("admins", "bob"));
        // When
        IdentityState after = DECIDER.evolve(state, new UserDeleted(ACCOUNT, userId("bob"), "bob"));
        // Then
        assertFalse(after.hasMembers(after.group("admins").orElseThrow()));
    }

    @Test
    void deletedGroupLeavesNoMembershipBehind() {
        // Given
        IdentityState state = fold(userCreated("bob"), groupCreated("admins"), added("admins", "bob"));
        // When
        IdentityState after = DECIDER.evolve(state, new GroupDeleted(ACCOUNT, groupId("admins"), "admins"));
        // Then
        assertEquals(0, after.groupCountOf(after.user("bob").orElseThrow()));
    }
}
