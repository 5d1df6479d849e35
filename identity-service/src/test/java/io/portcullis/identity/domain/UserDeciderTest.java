package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.T0;
import static io.portcullis.identity.domain.Fixtures.added;
import static io.portcullis.identity.domain.Fixtures.createUser;
import static io.portcullis.identity.domain.Fixtures.given;
import static io.portcullis.identity.domain.Fixtures.groupCreated;
import static io.portcullis.identity.domain.Fixtures.groupId;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static io.portcullis.identity.domain.Fixtures.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.identity.domain.IdentityCommand.CreateUser;
import io.portcullis.identity.domain.IdentityCommand.DeleteUser;
import io.portcullis.identity.domain.IdentityCommand.UpdateUser;
import io.portcullis.identity.domain.IdentityEvent.UserDeleted;
import io.portcullis.identity.domain.IdentityEvent.UserUpdated;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserDeciderTest {

    @Test
    void createsUserWithArnFromPathAndName() {
        // Given
        var scenario = given();
        // When
        scenario.when(createUser("bob", "/engineering/"));
        // Then
        IdentityState state = scenario.then(userCreated("bob", "/engineering/"));
        assertEquals("arn:aws:iam::123456789012:user/engineering/bob", state.user("bob").orElseThrow().arn());
    }

    @Test
    void defaultsPathToSlash() {
        // Given
        var scenario = given();
        // When
        scenario.when(new CreateUser(ACCOUNT, "bob", null, null, userId("bob"), T0));
        // Then
        scenario.then(userCreated("bob", "/"));
    }

    @Test
    void rejectsDuplicateUserNameIgnoringCase() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new CreateUser(ACCOUNT, "Bob", "/", List.of(), "AIDA00000000000000001", T0));
        // Then
        scenario.thenRejected(IamErrorCode.ENTITY_ALREADY_EXISTS, "User with name Bob already exists.");
    }

    @Test
    void rejectsReusedUserId() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new CreateUser(ACCOUNT, "alice", "/", List.of(), userId("bob"), T0));
        // Then
        scenario.thenRejected(IamErrorCode.ENTITY_ALREADY_EXISTS, "An entity with id " + userId("bob") + " already exists.");
    }

    @Test
    void acceptsLastUserUnderTheAccountLimit() {
        // Given
        var scenario = given(new IdentityDecider(2), userCreated("u1"));
        // When
        scenario.when(createUser("u2"));
        // Then
        scenario.then(userCreated("u2"));
    }

    @Test
    void rejectsUserBeyondTheAccountLimit() {
        // Given
        var scenario = given(new IdentityDecider(2), userCreated("u1"), userCreated("u2"));
        // When
        scenario.when(createUser("u3"));
        // Then
        scenario.thenRejected(IamErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for UsersPerAccount: 2.");
    }

    @Test
    void deletingAUserFreesRoomUnderTheLimit() {
        // Given
        var scenario = given(new IdentityDecider(1), userCreated("u1"), new UserDeleted(ACCOUNT, userId("u1"), "u1"));
        // When
        scenario.when(createUser("u2"));
        // Then
        scenario.then(userCreated("u2"));
    }

    @Test
    void defaultLimitIsFiveThousandUsers() {
        // Given
        IdentityDecider decider = new IdentityDecider();
        IdentityState state = decider.initialState();
        for (int i = 0; i < IdentityDecider.DEFAULT_USERS_PER_ACCOUNT; i++) {
            state = decider.evolve(state, userCreated("user" + i));
        }
        // When
        var decision = decider.decide(createUser("one-more"), state, Holdings.none());
        // Then
        assertEquals(new io.portcullis.iam.decider.Decision.Rejected<>(IdentityRejections.userQuota(5_000)), decision);
    }

    @Test
    void renamesUserKeepingIdAndMemberships() {
        // Given
        var scenario = given(userCreated("bob"), groupCreated("admins"), added("admins", "bob"));
        // When
        scenario.when(new UpdateUser(ACCOUNT, "bob", "robert", null));
        // Then
        IdentityState state = scenario.then(new UserUpdated(ACCOUNT, userId("bob"), "bob", "robert", "/", "/",
                "arn:aws:iam::123456789012:user/robert"));
        User robert = state.user("robert").orElseThrow();
        assertEquals(userId("bob"), robert.userId());
        assertTrue(state.user("bob").isEmpty());
        assertEquals(List.of(groupId("admins")), state.groupsOf(robert).stream().map(Group::groupId).toList());
    }

    @Test
    void movesUserToNewPath() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new UpdateUser(ACCOUNT, "BOB", null, "/ops/"));
        // Then
        scenario.then(new UserUpdated(ACCOUNT, userId("bob"), "bob", "bob", "/", "/ops/", "arn:aws:iam::123456789012:user/ops/bob"));
    }

    @Test
    void rejectsRenameToAnotherUsersNameIgnoringCase() {
        // Given
        var scenario = given(userCreated("bob"), userCreated("alice"));
        // When
        scenario.when(new UpdateUser(ACCOUNT, "bob", "ALICE", null));
        // Then
        scenario.thenRejected(IamErrorCode.ENTITY_ALREADY_EXISTS, "User with name ALICE already exists.");
    }

    @Test
    void renamingToOwnNameInOtherCaseChangesTheSpelling() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new UpdateUser(ACCOUNT, "bob", "Bob", null));
        // Then
        IdentityState state = scenario.then(new UserUpdated(ACCOUNT, userId("bob"), "bob", "Bob", "/", "/",
                "arn:aws:iam::123456789012:user/Bob"));
        assertEquals("Bob", state.user("bob").orElseThrow().userName());
    }

    @Test
    void updateWithoutChangesIsANoOp() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new UpdateUser(ACCOUNT, "bob", "bob", "/"));
        // Then
        scenario.then();
    }

    @Test
    void rejectsUpdateOfUnknownUser() {
        // Given
        var scenario = given();
        // When
        scenario.when(new UpdateUser(ACCOUNT, "ghost", "spirit", null));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user with name ghost cannot be found.");
    }

    @Test
    void deletesUserFoundIgnoringCase() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new DeleteUser(ACCOUNT, "BOB"));
        // Then
        IdentityState state = scenario.then(new UserDeleted(ACCOUNT, userId("bob"), "bob"));
        assertEquals(0, state.userCount());
    }

    @Test
    void rejectsDeleteOfUnknownUser() {
        // Given
        var scenario = given();
        // When
        scenario.when(new DeleteUser(ACCOUNT, "bob"));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user with name bob cannot be found.");
    }

    @Test
    void rejectsDeleteOfUserStillInAGroup() {
        // Given
        var scenario = given(userCreated("bob"), groupCreated("admins"), added("admins", "bob"));
        // When
        scenario.when(new DeleteUser(ACCOUNT, "bob"));
        // Then
        scenario.thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete entity, must remove user from all groups first.");
    }
}
