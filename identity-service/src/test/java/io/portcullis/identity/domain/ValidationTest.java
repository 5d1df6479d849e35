package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.createUser;
import static io.portcullis.identity.domain.Fixtures.given;
import static io.portcullis.identity.domain.Fixtures.repeat;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.identity.domain.IdentityCommand.AddUserToGroup;
import io.portcullis.identity.domain.IdentityCommand.CreateGroup;
import io.portcullis.identity.domain.IdentityCommand.DeleteUser;
import io.portcullis.identity.domain.IdentityCommand.TagUser;
import io.portcullis.identity.domain.IdentityCommand.UntagUser;
import io.portcullis.identity.domain.IdentityCommand.UpdateUser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static void assertValid(Optional<Rejection> result) {
        assertEquals(Optional.empty(), result);
    }

    private static void assertInvalid(Optional<Rejection> result) {
        assertEquals(IamErrorCode.VALIDATION_ERROR, result.orElseThrow().code());
    }

    @Test
    void reportsIllegalUserNameCharactersAsAws() {
        // Given
        var scenario = given();
        // When
        scenario.when(createUser("bad name!"));
        // Then
        scenario.thenRejected(IamErrorCode.VALIDATION_ERROR, "1 validation error detected: Value 'bad name!' at 'userName' "
                + "failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    }

    @Test
    void reportsEveryViolationOfAnEmptyName() {
        // Given
        var scenario = given();
        // When
        scenario.when(createUser(""));
        // Then
        scenario.thenRejected(IamErrorCode.VALIDATION_ERROR, "2 validation errors detected: "
                + "Value '' at 'userName' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                + "Value '' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    }

    @Test
    void reportsMissingUserName() {
        // Given
        var scenario = given();
        // When
        scenario.when(new DeleteUser(ACCOUNT, null));
        // Then
        scenario.thenRejected(IamErrorCode.VALIDATION_ERROR,
                "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void acceptsUserNameOfSixtyFourCharacters() {
        // Given
        var scenario = given();
        // When
        scenario.when(createUser(repeat('u', 64)));
        // Then
        scenario.then(userCreated(repeat('u', 64)));
    }

    @Test
    void rejectsUserNameOfSixtyFiveCharacters() {
        // Given
        var scenario = given();
        // When
        scenario.when(createUser(repeat('u', 65)));
        // Then
        scenario.thenRejected(IamErrorCode.VALIDATION_ERROR, "1 validation error detected: Value '" + repeat('u', 65)
                + "' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64");
    }

    @Test
    void rejectsRenameToSixtyFiveCharacters() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new UpdateUser(ACCOUNT, "bob", repeat('u', 65), null));
        // Then
        scenario.thenRejected(IamErrorCode.VALIDATION_ERROR);
    }

    @Test
    void referencesToUsersAcceptUpToOneHundredTwentyEightCharacters() {
        assertValid(new DeleteUser(ACCOUNT, repeat('u', 128)).validate());
        assertInvalid(new DeleteUser(ACCOUNT, repeat('u', 129)).validate());
    }

    @Test
    void groupNamesAcceptUpToOneHundredTwentyEightCharacters() {
        assertValid(new CreateGroup(ACCOUNT, repeat('g', 128), "/", "AGPA00000000000000001", Fixtures.T0).validate());
        assertInvalid(new CreateGroup(ACCOUNT, repeat('g', 129), "/", "AGPA00000000000000001", Fixtures.T0).validate());
    }

    @Test
    void groupNamesFollowTheNamePattern() {
        assertInvalid(new AddUserToGroup(ACCOUNT, "ad mins", "bob").validate());
    }

    @Test
    void untagKeysFollowTheKeyRules() {
        assertInvalid(new UntagUser(ACCOUNT, "bob", List.of("ok", "bad#")).validate());
        assertValid(new UntagUser(ACCOUNT, "bob", List.of("ok", "aws:anything")).validate());
    }

    @Test
    void tagUserRequiresTags() {
        assertInvalid(new TagUser(ACCOUNT, "bob", null).validate());
    }

    @Test
    void rejectsMalformedGeneratedIds() {
        assertInvalid(new CreateGroup(ACCOUNT, "g", "/", "AIDA00000000000000001", Fixtures.T0).validate());
        assertInvalid(new IdentityCommand.CreateUser(ACCOUNT, "u", "/", List.of(), "AIDA0000", Fixtures.T0).validate());
    }
}
