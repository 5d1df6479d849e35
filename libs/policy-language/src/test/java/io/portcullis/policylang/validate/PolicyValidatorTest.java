package io.portcullis.policylang.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.portcullis.policylang.syntax.Diagnostic;
import java.util.List;
import java.util.stream.Stream;
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
        assertThat(PolicyKind.defaultFor(PolicyType.RCP)).isEqualTo(PolicyKind.RESOURCE_CONTROL_POLICY);
        assertThat(PolicyType.fromJsonName("rcp")).contains(PolicyType.RCP);
    }

    @Test
    void theAwsManagedDefaultsOfOrganizationsValidateAsTheirTypes() {
        // Given AWS's FullAWSAccess (SCP) and RCPFullAWSAccess (RCP), as AWS publishes them
        String fullAwsAccess = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        String rcpFullAwsAccess = RCP_FULL_AWS_ACCESS;

        // When
        ValidatedPolicy scp = PolicyValidator.validate(fullAwsAccess, PolicyKind.SERVICE_CONTROL_POLICY);
        ValidatedPolicy rcp = PolicyValidator.validate(rcpFullAwsAccess, PolicyKind.RESOURCE_CONTROL_POLICY);
        ValidatedPolicy scpAsRcp = PolicyValidator.validate(fullAwsAccess, PolicyKind.RESOURCE_CONTROL_POLICY);

        // Then
        assertThat(scp.isValid()).isTrue();
        assertThat(scp.warnings()).isEmpty();
        assertThat(rcp.isValid()).isTrue();
        assertThat(rcp.warnings()).isEmpty();
        assertThat(rcp.kind().type()).isEqualTo(PolicyType.RCP);
        assertThat(scpAsRcp.diagnostics()).extracting(Diagnostic::code, Diagnostic::location).containsExactly(
                tuple("MalformedPolicyDocument", "Statement[0].Effect"),
                tuple("MalformedPolicyDocument", "Statement[0].Action"),
                tuple("MalformedPolicyDocument", "Statement[0].Principal"));
    }

    @Test
    void acceptsTheResourceControlPoliciesAwsDocuments() {
        // Given the examples of the RCP syntax page: a Sid, a Condition in a deny statement, and NotResource
        String withSid = rcp("{\"Sid\":\"DenyBPAConfigurations\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:PutBucketPublicAccessBlock\",\"Resource\":\"*\"}");
        String secureTransport = rcp("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"BoolIfExists\":{\"aws:SecureTransport\":\"false\"}}}");
        String wildcardsAndNotResource = rcp("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"sts:Get*\",\"s?s:*\"],"
                + "\"NotResource\":\"arn:aws:s3:::public-*\",\"Condition\":{\"StringNotEqualsIfExists\":"
                + "{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}}");
        String serviceRcpsDoNotApplyTo = rcp("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"ec2:RunInstances\","
                + "\"Resource\":\"*\"}");

        // When
        List<ValidatedPolicy> validated = Stream.of(withSid, secureTransport, wildcardsAndNotResource, serviceRcpsDoNotApplyTo)
                .map(json -> PolicyValidator.validate(json, PolicyKind.RESOURCE_CONTROL_POLICY)).toList();

        // Then an action of a service outside AWS's list of services RCPs apply to is no error: that list says where
        // RCPs take effect and is not documented as a validation rule
        assertThat(validated).allSatisfy(v -> {
            assertThat(v.diagnostics()).isEmpty();
            assertThat(v.warnings()).isEmpty();
        });
    }

    @Test
    void aResourceControlPolicyYouCreateMayOnlyDeny() {
        // Given allows that are not RCPFullAWSAccess: a narrower one, one with a Condition, and RCPFullAWSAccess's
        // statement next to a deny
        String allowS3 = rcp("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
        String allowWithCondition = rcp("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}");
        String fullAccessAndADeny = rcp("[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]");

        // When
        ValidatedPolicy narrower = PolicyValidator.validate(allowS3, PolicyKind.RESOURCE_CONTROL_POLICY);
        ValidatedPolicy conditional = PolicyValidator.validate(allowWithCondition, PolicyKind.RESOURCE_CONTROL_POLICY);
        ValidatedPolicy mixed = PolicyValidator.validate(fullAccessAndADeny, PolicyKind.RESOURCE_CONTROL_POLICY);

        // Then
        assertThat(narrower.diagnostics()).extracting(Diagnostic::code, Diagnostic::location)
                .containsExactly(tuple("MalformedPolicyDocument", "Statement[0].Effect"));
        assertThat(narrower.diagnostics().get(0).message()).contains("RCPFullAWSAccess").contains("\"Deny\"");
        assertThat(conditional.diagnostics()).extracting(Diagnostic::code, Diagnostic::location).containsExactly(
                tuple("MalformedPolicyDocument", "Statement[0].Effect"),
                tuple("MalformedPolicyDocument", "Statement[0].Action"));
        assertThat(mixed.diagnostics()).extracting(Diagnostic::code, Diagnostic::location).containsExactly(
                tuple("MalformedPolicyDocument", "Statement[0].Effect"),
                tuple("MalformedPolicyDocument", "Statement[0].Action"));
    }

    @Test
    void aResourceControlPolicyNeedsPrincipalWildcardAndNoNotPrincipal() {
        // Given
        String deny = "\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"";
        String withoutPrincipal = rcp("{" + deny + "}");
        String namingAnAccount = rcp("{" + deny + ",\"Principal\":{\"AWS\":\"111122223333\"}}");
        String wildcardByType = rcp("{" + deny + ",\"Principal\":{\"AWS\":\"*\"}}");
        String notPrincipal = rcp("{" + deny + ",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"}}");

        // When / Then
        assertThat(PolicyValidator.validate(withoutPrincipal, PolicyKind.RESOURCE_CONTROL_POLICY).diagnostics())
                .extracting(Diagnostic::code, Diagnostic::location)
                .containsExactly(tuple("MalformedPolicyDocument", "Statement[0].Principal"));
        assertThat(PolicyValidator.validate(namingAnAccount, PolicyKind.RESOURCE_CONTROL_POLICY).diagnostics())
                .extracting(Diagnostic::code, Diagnostic::location)
                .containsExactly(tuple("MalformedPolicyDocument", "Statement[0].Principal"));
        assertThat(PolicyValidator.validate(wildcardByType, PolicyKind.RESOURCE_CONTROL_POLICY).diagnostics())
                .extracting(Diagnostic::code, Diagnostic::location)
                .containsExactly(tuple("MalformedPolicyDocument", "Statement[0].Principal"));
        assertThat(PolicyValidator.validate(notPrincipal, PolicyKind.RESOURCE_CONTROL_POLICY).diagnostics())
                .extracting(Diagnostic::code, Diagnostic::location, Diagnostic::message)
                .containsExactly(tuple("MalformedPolicyDocument", "Statement[0].NotPrincipal",
                        "NotPrincipal is not supported in resource control policies; use \"Principal\": \"*\" and restrict"
                                + " principals with a Condition"));
    }

    @Test
    void aResourceControlPolicyNamesItsActionsWithoutNotActionOrABareWildcard() {
        // Given
        String statement = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Resource\":\"*\",";
        String notAction = rcp(statement + "\"NotAction\":\"s3:GetObject\"}");
        String bareWildcard = rcp(statement + "\"Action\":[\"s3:GetObject\",\"*\"]}");
        String noAction = rcp(statement.substring(0, statement.length() - 1) + "}");
        String noPrefix = rcp(statement + "\"Action\":\"GetObject\"}");

        // When / Then
        assertThat(PolicyValidator.validate(notAction, PolicyKind.RESOURCE_CONTROL_POLICY).diagnostics())
                .extracting(Diagnostic::code, Diagnostic::location, Diagnostic::message)
                .containsExactly(tuple("MalformedPolicyDocument", "Statement[0].NotAction",
                        "NotAction is not supported in resource control policies; list the actions in Action"));
        assertThat(PolicyValidator.validate(bareWildcard, PolicyKind.RESOURCE_CONTROL_POLICY).diagnostics())
                .extracting(Diagnostic::code, Diagnostic::location)
                .containsExactly(tuple("MalformedPolicyDocument", "Statement[0].Action"));
        assertThat(PolicyValidator.validate(noAction, PolicyKind.RESOURCE_CONTROL_POLICY).diagnostics())
                .extracting(Diagnostic::code, Diagnostic::location, Diagnostic::message)
                .containsExactly(tuple("MalformedPolicyDocument", "Statement[0].Action", "Missing required field Action"));
        assertThat(PolicyValidator.validate(noPrefix, PolicyKind.RESOURCE_CONTROL_POLICY).diagnostics())
                .extracting(Diagnostic::code, Diagnostic::location)
                .containsExactly(tuple("MalformedPolicyDocument", "Statement[0].Action"));
    }

    @Test
    void aResourceControlPolicyKeepsTheSidRulesAndQuotaOfOrganizationsPolicies() {
        // Given repeated, non-alphanumeric Sids; and a valid RCP padded with white space past 5,120 characters
        String sids = rcp("[{\"Sid\":\"Deny delete\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\","
                + "\"Resource\":\"*\"},{\"Sid\":\"Deny delete\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]");
        String padded = RCP_FULL_AWS_ACCESS.replace("\"Statement\"", " ".repeat(5_100) + "\"Statement\"");

        // When
        ValidatedPolicy withSids = PolicyValidator.validate(sids, PolicyKind.RESOURCE_CONTROL_POLICY);
        ValidatedPolicy tooLarge = PolicyValidator.validate(padded, PolicyKind.RESOURCE_CONTROL_POLICY);

        // Then
        assertThat(withSids.diagnostics()).extracting(Diagnostic::code, Diagnostic::location).containsExactly(
                tuple("MalformedPolicyDocument", "Statement[0].Sid"),
                tuple("MalformedPolicyDocument", "Statement[1].Sid"),
                tuple("MalformedPolicyDocument", "Statement[1].Sid"));
        assertThat(PolicyKind.RESOURCE_CONTROL_POLICY.maxCharacters()).isEqualTo(5_120);
        assertThat(padded.replace(" ", "").length()).isLessThan(5_120);
        assertThat(tooLarge.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("LimitExceeded");
            assertThat(d.location()).isEqualTo("$");
            assertThat(d.message()).contains("PolicySize: 5120");
        });
    }

    private static final String RCP_FULL_AWS_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private static String rcp(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":" + statement + "}";
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
