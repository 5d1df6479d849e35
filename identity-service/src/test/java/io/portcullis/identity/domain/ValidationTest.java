package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.createUser;
import static io.portcullis.identity.domain.Fixtures.repeat;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static io.portcullis.identity.domain.IdentityScenario.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portcullis.identity.domain.IdentityCommand.AddUserToGroup;
import io.portcullis.identity.domain.IdentityCommand.CreateGroup;
import io.portcullis.identity.domain.IdentityCommand.DeleteUser;
import io.portcullis.identity.domain.IdentityCommand.TagUser;
import io.portcullis.identity.domain.IdentityCommand.UntagUser;
import io.portcullis.identity.domain.IdentityCommand.UpdateUser;
import io.portcullis.runtime.domain.IamErrorCode;
import io.portcullis.runtime.domain.Rejection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static Optional<Rejection> tagsCheck(Tag... tags) {
        return IdentityValidation.check().tags("tags", List.of(tags)).result();
    }

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
    void acceptsEveryAllowedNameCharacter() {
        assertValid(IdentityValidation.check().userName("userName", "aZ09+=,.@_-").result());
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
    void acceptsRootAndNestedPaths() {
        assertValid(IdentityValidation.check().path("path", "/").result());
        assertValid(IdentityValidation.check().path("path", "/a/b!~/").result());
    }

    @Test
    void rejectsPathsNotStartingAndEndingWithSlash() {
        assertInvalid(IdentityValidation.check().path("path", "a/").result());
        assertInvalid(IdentityValidation.check().path("path", "/a").result());
        assertInvalid(IdentityValidation.check().path("path", "//").result());
    }

    @Test
    void rejectsPathWithSpaceOrNonAscii() {
        assertInvalid(IdentityValidation.check().path("path", "/a b/").result());
        assertInvalid(IdentityValidation.check().path("path", "/é/").result());
    }

    @Test
    void acceptsPathOfFiveHundredTwelveCharacters() {
        assertValid(IdentityValidation.check().path("path", "/" + repeat('p', 510) + "/").result());
    }

    @Test
    void rejectsPathOfFiveHundredThirteenCharacters() {
        assertEquals("1 validation error detected: Value '/" + repeat('p', 511) + "/' at 'path' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 512",
                IdentityValidation.check().path("path", "/" + repeat('p', 511) + "/").result().orElseThrow().message());
    }

    @Test
    void tagKeyAcceptsOneHundredTwentyEightCharacters() {
        assertValid(tagsCheck(new Tag(repeat('k', 128), "v")));
    }

    @Test
    void tagKeyRejectsOneHundredTwentyNineCharacters() {
        assertEquals("1 validation error detected: Value '" + repeat('k', 129) + "' at 'tags.1.member.key' failed to satisfy "
                + "constraint: Member must have length less than or equal to 128", tagsCheck(new Tag(repeat('k', 129), "v")).orElseThrow().message());
    }

    @Test
    void tagKeyMustNotBeEmpty() {
        assertInvalid(tagsCheck(new Tag("", "v")));
    }

    @Test
    void tagValueAcceptsEmptyAndTwoHundredFiftySixCharacters() {
        assertValid(tagsCheck(new Tag("a", ""), new Tag("b", repeat('v', 256))));
    }

    @Test
    void tagValueRejectsTwoHundredFiftySevenCharacters() {
        assertInvalid(tagsCheck(new Tag("a", repeat('v', 257))));
    }

    @Test
    void tagsAcceptLettersOfAnyScriptSpacesAndAllowedSymbols() {
        assertValid(tagsCheck(new Tag("Kostenstelle Zürich", "東京 _.:/=+-@")));
    }

    @Test
    void tagsRejectOtherSymbols() {
        assertInvalid(tagsCheck(new Tag("cost#center", "v")));
        assertInvalid(tagsCheck(new Tag("k", "a*b")));
    }

    @Test
    void nullTagValueMeansEmpty() {
        assertEquals("", new Tag("k", null).value());
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
    void accountIdMustBeTwelveDigits() {
        assertValid(IdentityValidation.accountId("000123456789"));
        assertEquals("1 validation error detected: Value '12345678901' at 'accountId' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: \\d{12}", IdentityValidation.accountId("12345678901").orElseThrow().message());
        assertInvalid(IdentityValidation.accountId("1234567890123"));
        assertInvalid(IdentityValidation.accountId("12345678901a"));
        assertInvalid(IdentityValidation.accountId(null));
    }

    @Test
    void accountIdRecordRefusesMalformedValues() {
        assertThrows(IllegalArgumentException.class, () -> new AccountId("12345"));
        assertThrows(IllegalArgumentException.class, () -> new AccountId("١٢٣٤٥٦٧٨٩٠١٢"));
    }

    @Test
    void rejectsMalformedGeneratedIds() {
        assertInvalid(new CreateGroup(ACCOUNT, "g", "/", "AIDA00000000000000001", Fixtures.T0).validate());
        assertInvalid(new IdentityCommand.CreateUser(ACCOUNT, "u", "/", List.of(), "AIDA0000", Fixtures.T0).validate());
    }

    @Test
    void listRequestChecksPrefixMarkerAndMaxItems() {
        assertValid(ListRequest.first().validate());
        assertInvalid(new ListRequest("no-slash", null, 10).validate());
        assertInvalid(new ListRequest("/", "not-a-marker!", 10).validate());
        assertInvalid(new ListRequest("/", null, 0).validate());
        assertInvalid(new ListRequest("/", null, 1001).validate());
        assertValid(new ListRequest("/", null, 1000).validate());
    }

    @Test
    void listRequestDefaultsLikeAws() {
        ListRequest request = new ListRequest(null, null, (Integer) null);
        assertEquals("/", request.pathPrefix());
        assertEquals(100, request.maxItems());
        assertTrue(request.validate().isEmpty());
    }
}
