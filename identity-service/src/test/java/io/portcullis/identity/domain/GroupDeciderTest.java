package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.T0;
import static io.portcullis.identity.domain.Fixtures.added;
import static io.portcullis.identity.domain.Fixtures.createGroup;
import static io.portcullis.identity.domain.Fixtures.given;
import static io.portcullis.identity.domain.Fixtures.groupCreated;
import static io.portcullis.identity.domain.Fixtures.groupId;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.identity.domain.IdentityCommand.CreateGroup;
import io.portcullis.identity.domain.IdentityCommand.DeleteGroup;
import io.portcullis.identity.domain.IdentityCommand.UpdateGroup;
import io.portcullis.identity.domain.IdentityEvent.GroupDeleted;
import io.portcullis.identity.domain.IdentityEvent.GroupUpdated;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupDeciderTest {

    @Test
    void createsGroupWithArnFromPathAndName() {
        // Given
        var scenario = given();
        // When
        scenario.when(new CreateGroup(ACCOUNT, "admins", "/ops/", groupId("admins"), T0));
        // Then
        IdentityState state = scenario.then(groupCreated("admins", "/ops/"));
        assertEquals("arn:aws:iam::123456789012:group/ops/admins", state.group("ADMINS").orElseThrow().arn());
    }

    @Test
    void rejectsDuplicateGroupNameIgnoringCase() {
        // Given
        var scenario = given(groupCreated("admins"));
        // When
        scenario.when(new CreateGroup(ACCOUNT, "Admins", "/", "AGPA00000000000000001", T0));
        // Then
        scenario.thenRejected(IamErrorCode.ENTITY_ALREADY_EXISTS, "Group with name Admins already exists.");
    }

    @Test
    void userAndGroupMayShareAName() {
        // Given
        var scenario = given(userCreated("ops"));
        // When
        scenario.when(createGroup("ops"));
        // Then
        scenario.then(groupCreated("ops"));
    }

    @Test
    void renamesGroupKeepingItsMembers() {
        // Given
        var scenario = given(groupCreated("admins"), userCreated("bob"), added("admins", "bob"));
        // When
        scenario.when(new UpdateGroup(ACCOUNT, "admins", "operators", "/ops/"));
        // Then
        IdentityState state = scenario.then(new GroupUpdated(ACCOUNT, groupId("admins"), "admins", "operators", "/", "/ops/",
                "arn:aws:iam::123456789012:group/ops/operators"));
        Group operators = state.group("operators").orElseThrow();
        assertEquals(List.of("bob"), state.membersOf(operators).stream().map(User::userName).toList());
        assertTrue(state.group("admins").isEmpty());
    }

    @Test
    void rejectsRenameToAnotherGroupsNameIgnoringCase() {
        // Given
        var scenario = given(groupCreated("admins"), groupCreated("devs"));
        // When
        scenario.when(new UpdateGroup(ACCOUNT, "admins", "DEVS", null));
        // Then
        scenario.thenRejected(IamErrorCode.ENTITY_ALREADY_EXISTS, "Group with name DEVS already exists.");
    }

    @Test
    void rejectsUpdateOfUnknownGroup() {
        // Given
        var scenario = given();
        // When
        scenario.when(new UpdateGroup(ACCOUNT, "admins", "x", null));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The group with name admins cannot be found.");
    }

    @Test
    void groupUpdateWithoutChangesIsANoOp() {
        // Given
        var scenario = given(groupCreated("admins"));
        // When
        scenario.when(new UpdateGroup(ACCOUNT, "ADMINS", null, null));
        // Then
        scenario.then();
    }

    @Test
    void deletesEmptyGroup() {
        // Given
        var scenario = given(groupCreated("admins"));
        // When
        scenario.when(new DeleteGroup(ACCOUNT, "admins"));
        // Then
        IdentityState state = scenario.then(new GroupDeleted(ACCOUNT, groupId("admins"), "admins"));
        assertEquals(0, state.groupCount());
    }

    @Test
    void rejectsDeleteOfGroupWithMembers() {
        // Given
        var scenario = given(groupCreated("admins"), userCreated("bob"), added("admins", "bob"));
        // When
        scenario.when(new DeleteGroup(ACCOUNT, "admins"));
        // Then
        scenario.thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete entity, must remove users from group first.");
    }

    @Test
    void rejectsDeleteOfUnknownGroup() {
        // Given
        var scenario = given();
        // When
        scenario.when(new DeleteGroup(ACCOUNT, "admins"));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The group with name admins cannot be found.");
    }

    @Test
    void anAccountHoldsAtMostItsGroupsPerAccountQuota() {
        // Given
        var scenario = given(new IdentityDecider(new IdentityQuotas(5_000, 2, 10)), groupCreated("a"), groupCreated("b"));
        // When
        scenario.when(createGroup("c"));
        // Then
        scenario.thenRejected(IamErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for GroupsPerAccount: 2.");
    }
}
