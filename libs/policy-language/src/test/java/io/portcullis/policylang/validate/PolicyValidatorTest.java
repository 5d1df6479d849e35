package io.portcullis.policylang.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.policylang.syntax.Diagnostic;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {

    private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";

    @Test
    void acceptsAMinimalIdentityPolicy() {
        // When
        ValidatedPolicy validated = PolicyValidator.validate(ALLOW_ALL, PolicyKind.MANAGED);

        // Then
        assertThat(validated.isValid()).isTrue();
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        // Given
        String json = "{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"GetObject\",\"Resource\":\"bucket\"},{\"Action\":\"*\"}]}";

        // When
        ValidatedPolicy validated = PolicyValidator.validate(json, PolicyKind.MANAGED);

        // Then
        assertThat(validated.diagnostics()).extracting(Diagnostic::location).containsExactlyInAnyOrder(
                "Statement[0].Effect", "Statement[0].Action", "Statement[0].Resource",
                "Statement[1].Effect", "Statement[1].Resource");
    }

    @Test
    void appliesTheSizeQuotaOfThePreciseKind() {
        // Given
        StringBuilder statements = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            statements.append(i == 0 ? "" : ",").append("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket-")
                    .append(i).append("/*\"}");
        }
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";

        // When
        ValidatedPolicy asUserInline = PolicyValidator.validate(json, PolicyKind.INLINE_USER);
        ValidatedPolicy asManaged = PolicyValidator.validate(json, PolicyKind.MANAGED);

        // Then
        assertThat(json.length()).isBetween(2_049, 6_144);
        assertThat(asUserInline.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d).isInstanceOf(Diagnostic.LimitExceeded.class);
            assertThat(d.message()).contains("2048");
        });
        assertThat(asManaged.isValid()).isTrue();
    }

    @Test
    void rejectsNotPrincipalWithAllowAndPrincipalOutsideResourcePolicies() {
        // Given
        String notPrincipalAllow = "{\"Statement\":{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"*\",\"Resource\":\"*\"}}";

        // When
        ValidatedPolicy asResource = PolicyValidator.validate(notPrincipalAllow, PolicyKind.RESOURCE_POLICY);
        ValidatedPolicy asSession = PolicyValidator.validate(notPrincipalAllow, PolicyKind.SESSION_POLICY);

        // Then
        assertThat(asResource.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("NotPrincipal must not be used with \"Effect\": \"Allow\"");
        assertThat(asSession.diagnostics()).extracting(Diagnostic::message)
                .singleElement().asString().startsWith("Policy document should not specify a principal");
    }

    @Test
    void checksConditionValuesAgainstTheirOperator() {
        // Given
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
                + "\"Bool\":{\"aws:SecureTransport\":\"yes\"},\"BinaryEquals\":{\"k\":\"%%%\"},\"StringLike\":{\"k\":\"${aws:username\"}}}}";

        // When
        ValidatedPolicy validated = PolicyValidator.validate(json, PolicyKind.MANAGED);

        // Then
        assertThat(validated.diagnostics()).extracting(Diagnostic::location).containsExactlyInAnyOrder(
                "Statement[0].Condition.Bool.aws:SecureTransport",
                "Statement[0].Condition.BinaryEquals.k",
                "Statement[0].Condition.StringLike.k");
    }

    @Test
    void treatsVariablesAsTextInVersion2008() {
        // Given
        String json = "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b/${aws:username\"}}";

        // When
        ValidatedPolicy validated = PolicyValidator.validate(json, PolicyKind.MANAGED);

        // Then
        assertThat(validated.isValid()).isTrue();
    }

    @Test
    void givesEveryPolicyTypeADefaultKindOfThatType() {
        for (PolicyType type : PolicyType.values()) {
            // When
            PolicyKind kind = PolicyKind.defaultFor(type);

            // Then
            assertThat(kind.type()).isEqualTo(type);
        }
        assertThat(PolicyKind.defaultFor(PolicyType.IDENTITY)).isEqualTo(PolicyKind.MANAGED);
    }

    @Test
    void aDocumentOverItsQuotaIsRefusedWithoutBeingParsed() {
        // Given 14 MB that is not even JSON: were it parsed, the answer would be a syntax error
        String huge = "{" + "x".repeat(14 << 20);

        // When
        var validated = PolicyValidator.validate(huge, PolicyKind.MANAGED);

        // Then
        assertThat(validated.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("LimitExceeded");
            assertThat(d.message()).contains("PolicySize: 6144");
        });
    }
}
