package io.portcullis.iam.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.paging.ListRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IAM's parameter shapes, checked alone (the services' tests check them through their commands). */
class ConstraintsTest {

    private static Optional<Rejection> tagsCheck(Tag... tags) {
        return Constraints.check().tags("tags", List.of(tags)).result();
    }

    private static void assertValid(Optional<Rejection> result) {
        assertEquals(Optional.empty(), result);
    }

    private static void assertInvalid(Optional<Rejection> result) {
        assertEquals(IamErrorCode.VALIDATION_ERROR, result.orElseThrow().code());
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    @Test
    void acceptsEveryAllowedNameCharacter() {
        assertValid(Constraints.check().userName("userName", "aZ09+=,.@_-").result());
    }

    @Test
    void acceptsRootAndNestedPaths() {
        assertValid(Constraints.check().path("path", "/").result());
        assertValid(Constraints.check().path("path", "/a/b!~/").result());
    }

    @Test
    void rejectsPathsNotStartingAndEndingWithSlash() {
        assertInvalid(Constraints.check().path("path", "a/").result());
        assertInvalid(Constraints.check().path("path", "/a").result());
        assertInvalid(Constraints.check().path("path", "//").result());
    }

    @Test
    void rejectsPathWithSpaceOrNonAscii() {
        assertInvalid(Constraints.check().path("path", "/a b/").result());
        assertInvalid(Constraints.check().path("path", "/é/").result());
    }

    @Test
    void acceptsPathOfFiveHundredTwelveCharacters() {
        assertValid(Constraints.check().path("path", "/" + repeat('p', 510) + "/").result());
    }

    @Test
    void rejectsPathOfFiveHundredThirteenCharacters() {
        assertEquals("1 validation error detected: Value '/" + repeat('p', 511) + "/' at 'path' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 512",
                Constraints.check().path("path", "/" + repeat('p', 511) + "/").result().orElseThrow().message());
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
    void accountIdMustBeTwelveDigits() {
        assertValid(Constraints.accountId("000123456789"));
        assertEquals("1 validation error detected: Value '12345678901' at 'accountId' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: \\d{12}", Constraints.accountId("12345678901").orElseThrow().message());
        assertInvalid(Constraints.accountId("1234567890123"));
        assertInvalid(Constraints.accountId("12345678901a"));
        assertInvalid(Constraints.accountId(null));
    }

    @Test
    void accountIdRecordRefusesMalformedValues() {
        assertThrows(IllegalArgumentException.class, () -> new AccountId("12345"));
        assertThrows(IllegalArgumentException.class, () -> new AccountId("١٢٣٤٥٦٧٨٩٠١٢"));
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

    @Test
    void countsEveryViolationButQuotesOnlyTheFirstTen() {
        // Given 30 tags with a bad key each
        Tag[] bad = java.util.stream.IntStream.range(0, 30).mapToObj(i -> new Tag("bad#" + i, "v")).toArray(Tag[]::new);

        // When
        String message = tagsCheck(bad).orElseThrow().message();

        // Then
        assertTrue(message.startsWith("30 validation errors detected: "), message);
        assertTrue(message.endsWith("; and 20 more"), message);
        assertTrue(message.contains("'bad#9'") && !message.contains("'bad#10'"), message);
    }
}
