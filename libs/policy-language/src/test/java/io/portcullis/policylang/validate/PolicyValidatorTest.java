package io.portcullis.policylang.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
    void acceptsNotPrincipalWithAllowInAResourcePolicyWithASecurityWarningButNoPrincipalElsewhere() {
        // Given
        String notPrincipalAllow = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"*\",\"Resource\":\"*\"}}";

        // When
        ValidatedPolicy asResource = PolicyValidator.validate(notPrincipalAllow, PolicyKind.RESOURCE_POLICY);
        ValidatedPolicy asSession = PolicyValidator.validate(notPrincipalAllow, PolicyKind.SESSION_POLICY);

        // Then
        assertThat(asResource.isValid()).isTrue();
        assertThat(asResource.warnings()).extracting(PolicyWarning::code, PolicyWarning::location)
                .containsExactly(tuple(PolicyWarning.ALLOW_WITH_NOT_PRINCIPAL, "Statement[0].NotPrincipal"));
        assertThat(asSession.diagnostics()).extracting(Diagnostic::message)
                .singleElement().asString().startsWith("Policy document should not specify a principal");
        assertThat(asSession.warnings()).isEmpty();
    }

    @Test
    void warnsAboutWhatAwsDiscouragesAndNothingElse() {
        // Given
        String discouraged = "{\"Id\":\"p1\",\"Statement\":[{\"Sid\":\"\",\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::secret/*\"},"
                + "{\"Effect\":\"Deny\",\"NotAction\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::secret/*\"}]}";
        String clean = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"S1\",\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::b/${aws:username}\"}}";

        // When
        ValidatedPolicy warned = PolicyValidator.validate(discouraged, PolicyKind.MANAGED);
        ValidatedPolicy quiet = PolicyValidator.validate(clean, PolicyKind.MANAGED);

        // Then a Deny with NotAction or NotResource is ordinary; the allows and the document-level issues warn
        assertThat(warned.isValid()).isTrue();
        assertThat(warned.warnings()).extracting(PolicyWarning::code, PolicyWarning::location).containsExactly(
                tuple(PolicyWarning.MISSING_VERSION, "Version"),
                tuple(PolicyWarning.ID_IN_IDENTITY_POLICY, "Id"),
                tuple(PolicyWarning.EMPTY_SID_VALUE, "Statement[0].Sid"),
                tuple(PolicyWarning.ALLOW_WITH_NOT_ACTION, "Statement[0].NotAction"),
                tuple(PolicyWarning.ALLOW_WITH_NOT_RESOURCE, "Statement[1].NotResource"));
        assertThat(warned.warnings()).allSatisfy(w -> assertThat(w.message()).isNotBlank().doesNotContain("\n"));
        assertThat(quiet.isValid()).isTrue();
        assertThat(quiet.warnings()).isEmpty();
    }

    @Test
    void anInvalidDocumentCarriesErrorsButNoWarnings() {
        // Given no Version (a warning) and no Resource (an error)
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\"}}";

        // When
        ValidatedPolicy validated = PolicyValidator.validate(json, PolicyKind.MANAGED);

        // Then
        assertThat(validated.isValid()).isFalse();
        assertThat(validated.warnings()).isEmpty();
        assertThat(PolicyValidator.validate("not json", PolicyKind.MANAGED).warnings()).isEmpty();
    }

    @Test
    void theThreeArgumentConstructorMeansNoWarnings() {
        // Given
        ValidatedPolicy parsed = PolicyValidator.validate(ALLOW_ALL, PolicyKind.MANAGED);

        // When
        ValidatedPolicy rebuilt = new ValidatedPolicy(parsed.kind(), parsed.document(), parsed.diagnostics());

        // Then
        assertThat(rebuilt.warnings()).isEmpty();
        assertThat(rebuilt.isValid()).isTrue();
        assertThat(rebuilt).isEqualTo(parsed);
    }

    @Test
    void sidRulesAreIamsInIamPoliciesAndWarningsInResourcePolicies() {
        // Given
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"Read access\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"Read access\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}";
        String identity = json.replace("\"Principal\":{\"AWS\":\"111122223333\"},", "");

        // When
        ValidatedPolicy asResource = PolicyValidator.validate(json, PolicyKind.RESOURCE_POLICY);
        ValidatedPolicy asIdentity = PolicyValidator.validate(identity, PolicyKind.MANAGED);

        // Then
        assertThat(asResource.isValid()).isTrue();
        assertThat(asResource.warnings()).extracting(PolicyWarning::code, PolicyWarning::location).containsExactly(
                tuple(PolicyWarning.SID_NOT_ALPHANUMERIC, "Statement[0].Sid"),
                tuple(PolicyWarning.SID_NOT_ALPHANUMERIC, "Statement[1].Sid"),
                tuple(PolicyWarning.UNIQUE_SIDS_RECOMMENDED, "Statement[1].Sid"));
        assertThat(asIdentity.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "Statement IDs (SID) must be alpha-numeric; \"Read access\" is not",
                "Statement IDs (SID) must be alpha-numeric; \"Read access\" is not",
                "Statement IDs (SID) in a single policy must be unique; \"Read access\" repeats");
    }

    @Test
    void resourcePolicyPrincipalsWarnWhereAwsWarns() {
        // Given
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}},"
                + "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"AROAEXAMPLEROLEID1234\",\"AIDAEXAMPLEUSERID1234\"]},\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        String garbage = json.replace("AIDAEXAMPLEUSERID1234", "alice");

        // When
        ValidatedPolicy validated = PolicyValidator.validate(json, PolicyKind.RESOURCE_POLICY);
        ValidatedPolicy withGarbage = PolicyValidator.validate(garbage, PolicyKind.RESOURCE_POLICY);

        // Then the wildcard restricted by a Condition does not warn
        assertThat(validated.isValid()).isTrue();
        assertThat(validated.warnings()).extracting(PolicyWarning::code, PolicyWarning::location).containsExactly(
                tuple(PolicyWarning.ALLOW_WITH_WILDCARD_PRINCIPAL, "Statement[0].Principal"),
                tuple(PolicyWarning.DENY_WITH_NOT_PRINCIPAL, "Statement[2].NotPrincipal"),
                tuple(PolicyWarning.INVALID_ROLE_REFERENCE, "Statement[3].Principal.AWS"),
                tuple(PolicyWarning.INVALID_USER_REFERENCE, "Statement[3].Principal.AWS"));
        assertThat(withGarbage.diagnostics()).extracting(Diagnostic::location).containsExactly("Statement[3].Principal.AWS");
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
    void treatsVariablesAsTextInVersion2008AndWarnsWhereAVariableWasMeant() {
        // Given
        String json = "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b/${aws:username\","
                + "\"Condition\":{\"StringLike\":{\"s3:prefix\":\"${aws:username}/*\"},\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}}}";

        // When
        ValidatedPolicy validated = PolicyValidator.validate(json, PolicyKind.MANAGED);

        // Then
        assertThat(validated.isValid()).isTrue();
        assertThat(validated.warnings()).extracting(PolicyWarning::code, PolicyWarning::location).containsExactly(
                tuple(PolicyWarning.OUTDATED_VERSION, "Version"),
                tuple(PolicyWarning.VARIABLE_UNSUPPORTED_IN_VERSION, "Statement[0].Resource"),
                tuple(PolicyWarning.VARIABLE_UNSUPPORTED_IN_VERSION, "Statement[0].Condition.StringLike.s3:prefix"));
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
