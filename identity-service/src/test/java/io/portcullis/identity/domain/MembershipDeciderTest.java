package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.addUserToGroup;
import static io.portcullis.identity.domain.Fixtures.added;
import static io.portcullis.identity.domain.Fixtures.given;
import static io.portcullis.identity.domain.Fixtures.groupCreated;
import static io.portcullis.identity.domain.Fixtures.groupId;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static io.portcullis.identity.domain.Fixtures.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.identity.domain.IdentityCommand.RemoveUserFromGroup;
import io.portcullis.identity.domain.IdentityEvent.UserRemovedFromGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipDeciderTest {

    /** bob, and groups g1..gN with bob a member of all of them. */
    private static IdentityEvent[] bobInGroups(int count, int extraGroups) {
        List<IdentityEvent> history = new ArrayList<>(List.of(userCreated("bob")));
        for (int i = 1; i <= count + extraGroups; i++) {
            history.add(groupCreated("g" + i));
        }
        for (int i = 1; i <= count; i++) {
            history.add(added("g" + i, "bob"));
        }
        return history.toArray(IdentityEvent[]::new);
    }

    @Test
    void addsUserToGroupWithCanonicalNames() {
        // Given
        var scenario = given(userCreated("bob"), groupCreated("Admins"));
        // When
        scenario.when(addUserToGroup("admins", "BOB"));
        // Then
        scenario.then(added("Admins", "bob"));
    }

    @Test
    void addingAnExistingMemberIsANoOp() {
        // Given
        var scenario = given(userCreated("bob"), groupCreated("admins"), added("admins", "bob"));
        // When
        scenario.when(addUserToGroup("admins", "bob"));
        // Then
        scenario.then();
    }

    @Test
    void acceptsTheTenthGroupOfAUser() {
        // Given
        var scenario = given(bobInGroups(9, 1));
        // When
        scenario.when(addUserToGroup("g10", "bob"));
        // Then
        scenario.then(added("g10", "bob"));
    }

    @Test
    void rejectsTheEleventhGroupOfAUser() {
        // Given
        var scenario = given(bobInGroups(10, 1));
        // When
        scenario.when(addUserToGroup("g11", "bob"));
        // Then
        scenario.thenRejected(IamErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for GroupsPerUser: 10.");
    }

    @Test
    void reAddingToOneOfTenGroupsIsStillANoOp() {
        // Given
        var scenario = given(bobInGroups(10, 0));
        // When
        scenario.when(addUserToGroup("g3", "bob"));
        // Then
        scenario.then();
    }

    @Test
    void rejectsAddingToUnknownGroup() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(addUserToGroup("admins", "bob"));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The group with name admins cannot be found.");
    }

    @Test
    void rejectsAddingUnknownUser() {
        // Given
        var scenario = given(groupCreated("admins"));
        // When
        scenario.when(addUserToGroup("admins", "bob"));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user with name bob cannot be found.");
    }

    @Test
    void removesMember() {
        // Given
        var scenario = given(userCreated("bob"), groupCreated("admins"), added("admins", "bob"));
        // When
        scenario.when(new RemoveUserFromGroup(ACCOUNT, "ADMINS", "Bob"));
        // Then
        IdentityState state = scenario.then(new UserRemovedFromGroup(ACCOUNT, groupId("admins"), "admins", userId("bob"), "bob"));
        assertFalse(state.hasMembers(state.group("admins").orElseThrow()));
        assertEquals(0, state.groupCountOf(state.user("bob").orElseThrow()));
    }

    @Test
    void rejectsRemovingANonMember() {
        // Given
        var scenario = given(userCreated("bob"), groupCreated("admins"));
        // When
        scenario.when(new RemoveUserFromGroup(ACCOUNT, "admins", "bob"));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user with name bob is not a member of the group with name admins.");
    }

    @Test
    void rejectsRemovingFromUnknownGroup() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new RemoveUserFromGroup(ACCOUNT, "admins", "bob"));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The group with name admins cannot be found.");
    }

    @Test
    void rejectsRemovingUnknownUser() {
        // Given
        var scenario = given(groupCreated("admins"));
        // When
        scenario.when(new RemoveUserFromGroup(ACCOUNT, "admins", "bob"));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user with name bob cannot be found.");
    }

    @Test
    void userCanBeDeletedOnceRemovedFromAllGroups() {
        // Given
        var scenario = given(userCreated("bob"), groupCreated("admins"), added("admins", "bob"),
                new UserRemovedFromGroup(ACCOUNT, groupId("admins"), "admins", userId("bob"), "bob"));
        // When
        scenario.when(new IdentityCommand.DeleteUser(ACCOUNT, "bob"));
        // Then
        scenario.then(new IdentityEvent.UserDeleted(ACCOUNT, userId("bob"), "bob"));
    }
}
