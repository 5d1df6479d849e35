package io.portcullis.policylang.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyParserTest {

    @Test
    void readsASingleStatementObjectAsStatementZero() {
        // Given
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":[\"*\"]}}";

        // When
        ParsedPolicy parsed = PolicyParser.parse(json);

        // Then
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.document().version()).isEqualTo(PolicyVersion.V2012_10_17);
        Statement statement = parsed.document().statements().get(0);
        assertThat(statement.index()).isZero();
        assertThat(statement.sid()).isEqualTo("A");
        assertThat(statement.action()).containsExactly("s3:*");
        assertThat(statement.notAction()).isNull();
        assertThat(statement.resource()).containsExactly("*");
    }

    @Test
    void reportsAnUnknownElementAtItsLocationWithAHintForMiscasedNames() {
        // Given
        String json = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},{\"effect\":\"Allow\"}]}";

        // When
        ParsedPolicy parsed = PolicyParser.parse(json);

        // Then
        assertThat(parsed.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("MalformedPolicyDocument");
            assertThat(d.location()).isEqualTo("Statement[1].effect");
            assertThat(d.message()).contains("\"effect\"").contains("did you mean \"Effect\"");
        });
    }

    @Test
    void reportsUnreadableJsonWithLineAndColumnInsteadOfThrowing() {
        // Given
        String json = "{\n  \"Statement\": [\n    {\"Effect\": }\n";

        // When
        ParsedPolicy parsed = PolicyParser.parse(json);

        // Then
        assertThat(parsed.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).startsWith("Syntax errors in policy");
            assertThat(d.location()).startsWith("line 3");
        });
        assertThat(parsed.document().statements()).isEmpty();
    }

    @Test
    void rejectsDuplicateKeys() {
        // Given
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}";

        // When
        ParsedPolicy parsed = PolicyParser.parse(json);

        // Then
        assertThat(parsed.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("Effect"));
    }

    @Test
    void readsConditionValuesOfEveryScalarTypeAsStrings() {
        // Given
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":true},\"NumericLessThan\":{\"s3:max-keys\":[10,\"20\"]}}}}";

        // When
        ParsedPolicy parsed = PolicyParser.parse(json);

        // Then
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.document().statements().get(0).conditions())
                .extracting(ConditionClause::operator, ConditionClause::key, ConditionClause::values)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Bool", "aws:SecureTransport", java.util.List.of("true")),
                        org.assertj.core.groups.Tuple.tuple("NumericLessThan", "s3:max-keys", java.util.List.of("10", "20")));
    }

    @Test
    void countsCharactersWithoutWhitespaceOutsideStrings() {
        // Given
        String json = "{ \"Id\" : \"a b\" }";

        // When
        int counted = PolicyParser.countWithoutWhitespace(json);

        // Then
        assertThat(counted).isEqualTo("{\"Id\":\"a b\"}".length());
    }

    @Test
    void readsAPrincipalWildcardAndPrincipalsByType() {
        // Given
        String json = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"111122223333\"],\"Service\":\"s3.amazonaws.com\"},\"Action\":\"*\",\"Resource\":\"*\"}]}";

        // When
        ParsedPolicy parsed = PolicyParser.parse(json);

        // Then
        assertThat(parsed.document().statements().get(0).principal().wildcard()).isTrue();
        Principals byType = parsed.document().statements().get(1).principal();
        assertThat(byType.values("AWS")).containsExactly("111122223333");
        assertThat(byType.values("Service")).containsExactly("s3.amazonaws.com");
    }
}
