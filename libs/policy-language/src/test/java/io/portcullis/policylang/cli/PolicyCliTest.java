package io.portcullis.policylang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Outcome(int status, JsonNode json) {
    }

    private static Outcome run(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = PolicyCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Outcome(status, JSON.readTree(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void validateReadsAFileAndExitsZeroForAnInvalidPolicy(@TempDir Path dir) throws Exception {
        // Given
        Path file = dir.resolve("request.json");
        Files.writeString(file, "{\"policyType\":\"identity\",\"document\":\"{\\\"Statement\\\":{\\\"Effect\\\":\\\"Allow\\\"}}\"}");

        // When
        Outcome outcome = run("", "validate", file.toString());

        // Then
        assertThat(outcome.status()).isZero();
        assertThat(outcome.json().get("valid").asBoolean()).isFalse();
        assertThat(outcome.json().get("errors").get(0).get("location").asText()).isEqualTo("Statement[0].Action");
    }

    @Test
    void validateAcceptsThePreciseKindOfIdentityPolicy() throws Exception {
        // Given
        String request = "{\"policyType\":\"identity\",\"policyKind\":\"inline-user\",\"document\":{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}}";

        // When
        Outcome outcome = run(request, "validate", "-");

        // Then
        assertThat(outcome.status()).isZero();
        assertThat(outcome.json().toString()).isEqualTo("{\"valid\":true,\"warnings\":[{\"code\":\"MISSING_VERSION\","
                + "\"message\":\"No Version: the policy language defaults to 2008-10-17, in which policy variables such as"
                + " ${aws:username} are literal text; add \\\"Version\\\": \\\"2012-10-17\\\"\",\"location\":\"Version\"}]}");
    }

    @Test
    void validateListsWarningsNextToTheVerdict() throws Exception {
        // Given
        String request = "{\"policyType\":\"resource\",\"document\":{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"NotAction\":\"s3:DeleteBucket\",\"Resource\":\"*\"}}}";
        String clean = "{\"policyType\":\"identity\",\"document\":{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}}}";

        // When
        Outcome outcome = run(request, "validate", "-");
        Outcome quiet = run(clean, "validate", "-");

        // Then
        assertThat(outcome.status()).isZero();
        assertThat(outcome.json().get("valid").asBoolean()).isTrue();
        assertThat(outcome.json().has("errors")).isFalse();
        assertThat(outcome.json().get("warnings").findValuesAsText("code"))
                .containsExactly("ALLOW_WITH_NOT_PRINCIPAL", "ALLOW_WITH_NOT_ACTION");
        assertThat(outcome.json().get("warnings").findValuesAsText("location"))
                .containsExactly("Statement[0].NotPrincipal", "Statement[0].NotAction");
        assertThat(quiet.json().toString()).isEqualTo("{\"valid\":true,\"warnings\":[]}");
    }

    @Test
    void simulateReadsStandardInputAndAnswersTheDecision() throws Exception {
        // Given
        String request = "{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\","
                + "\"resource\":\"arn:aws:s3:::b/k\",\"policies\":{\"identity\":[{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}],"
                + "\"permissionsBoundary\":\"{\\\"Statement\\\":{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"ec2:*\\\",\\\"Resource\\\":\\\"*\\\"}}\"}}";

        // When
        Outcome outcome = run(request, "simulate", "-");

        // Then
        assertThat(outcome.status()).isZero();
        assertThat(outcome.json().get("decision").asText()).isEqualTo("implicitDeny");
        assertThat(outcome.json().get("blockedBy").asText()).isEqualTo("boundary");
        assertThat(outcome.json().get("matchedStatements").get(0).get("policyType").asText()).isEqualTo("identity");
    }

    @Test
    void simulateRefusesInvalidPolicyDocumentsAndListsEveryError() throws Exception {
        // Given an identity policy without Resource, and an SCP with a bad Effect and an unknown operator
        String request = "{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\",\"resource\":\"*\","
                + "\"policies\":{\"identity\":[{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}},"
                + "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}],"
                + "\"scps\":[[{\"Statement\":{\"Effect\":\"Permit\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEqulas\":{\"k\":\"v\"}}}}]]}}";

        // When
        Outcome outcome = run(request, "simulate", "-");

        // Then nothing is decided: no decision field that could be read as an ordinary deny
        assertThat(outcome.status()).isEqualTo(PolicyCli.INVALID_INPUT);
        JsonNode error = outcome.json().get("error");
        assertThat(outcome.json().has("decision")).isFalse();
        assertThat(error.get("code").asText()).isEqualTo("MalformedPolicyDocument");
        assertThat(error.get("message").asText()).startsWith("2 policy documents are invalid; nothing was simulated");
        assertThat(error.get("errors").findValuesAsText("policy"))
                .containsExactly("policies.identity[1]", "policies.scps[0][0]", "policies.scps[0][0]");
        assertThat(error.get("errors").findValuesAsText("location"))
                .containsExactly("Statement[0].Resource", "Statement[0].Effect", "Statement[0].Condition.StringEqulas.k");
        assertThat(error.get("errors").get(0).get("policyIndex").asInt()).isEqualTo(1);
        assertThat(error.get("errors").get(1).get("level").asInt()).isZero();
        assertThat(error.get("errors").findValuesAsText("code")).containsOnly("MalformedPolicyDocument");
    }

    @Test
    void simulateRefusesADocumentOverItsQuotaWithLimitExceeded() throws Exception {
        // Given a session policy over 2,048 characters
        String bigSession = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Sid\":\"" + "A".repeat(2_100) + "\"}}";
        String request = "{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\",\"resource\":\"*\","
                + "\"policies\":{\"session\":" + bigSession + "}}";

        // When
        Outcome outcome = run(request, "simulate", "-");

        // Then
        assertThat(outcome.status()).isEqualTo(PolicyCli.INVALID_INPUT);
        assertThat(outcome.json().get("error").get("code").asText()).isEqualTo("MalformedPolicyDocument");
        assertThat(outcome.json().get("error").get("errors").get(0).get("code").asText()).isEqualTo("LimitExceeded");
        assertThat(outcome.json().get("error").get("errors").get(0).get("policy").asText()).isEqualTo("policies.session");
    }

    private static final String RCP_FULL_AWS_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String FULL_AWS_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    /** Alice of a member account reads her own account's bucket; {@code policies} are merged into the identity's. */
    private static String memberRequest(String principalAccount, String policies) {
        return "{\"principal\":\"arn:aws:iam::" + principalAccount + ":user/alice\",\"action\":\"s3:GetObject\","
                + "\"resource\":\"arn:aws:s3:::b/k\",\"policies\":{\"identity\":[" + FULL_AWS_ACCESS + "]," + policies + "}}";
    }

    @Test
    void simulateTakesRcpLevelsAsItTakesScpLevels() throws Exception {
        // Given RCPFullAWSAccess at the root, and at the account only an RCP denying deletes
        String denyDeletes = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"NoDeletes\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}}";
        String narrowed = memberRequest("222222222222", "\"scps\":[[" + FULL_AWS_ACCESS + "]],"
                + "\"rcps\":[[" + RCP_FULL_AWS_ACCESS + "],[" + denyDeletes + "]],\"managementAccounts\":[\"111111111111\"]");
        String everywhere = memberRequest("222222222222", "\"rcps\":[[" + RCP_FULL_AWS_ACCESS + "],[" + RCP_FULL_AWS_ACCESS + ","
                + denyDeletes + "]]");

        // When
        Outcome blocked = run(narrowed, "simulate", "-");
        Outcome allowed = run(everywhere, "simulate", "-");

        // Then
        assertThat(blocked.status()).isZero();
        assertThat(blocked.json().get("decision").asText()).isEqualTo("implicitDeny");
        assertThat(blocked.json().get("blockedBy").asText()).isEqualTo("rcp");
        assertThat(blocked.json().get("matchedStatements").get(0).toString()).isEqualTo("{\"policyType\":\"rcp\",\"level\":0,"
                + "\"policyIndex\":0,\"statementIndex\":0,\"sid\":\"\",\"effect\":\"Allow\"}");
        assertThat(allowed.json().get("decision").asText()).isEqualTo("allowed");
        assertThat(allowed.json().get("matchedStatements").findValuesAsText("policyType")).containsExactly("rcp", "rcp", "identity");
    }

    @Test
    void simulateExemptsTheManagementAccountItIsGiven() throws Exception {
        // Given SCP and RCP levels denying every read, for a principal and a bucket of the management account
        String denyAll = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        String denyReads = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}";
        String levels = "\"scps\":[[" + denyAll + "]],\"rcps\":[[" + denyReads + "]]";

        // When
        Outcome exempt = run(memberRequest("111111111111", levels + ",\"managementAccounts\":[\"111111111111\"]"), "simulate", "-");
        Outcome notExempt = run(memberRequest("111111111111", levels), "simulate", "-");
        Outcome badAccount = run(memberRequest("111111111111", levels + ",\"managementAccounts\":[\"mgmt\"]"), "simulate", "-");

        // Then
        assertThat(exempt.json().get("decision").asText()).isEqualTo("allowed");
        assertThat(notExempt.json().get("decision").asText()).isEqualTo("explicitDeny");
        assertThat(notExempt.json().get("blockedBy").asText()).isEqualTo("rcp");
        assertThat(badAccount.status()).isEqualTo(PolicyCli.INVALID_INPUT);
        assertThat(badAccount.json().get("error").get("message").asText())
                .isEqualTo("policies.managementAccounts[0] must be a 12-digit account ID");
    }

    @Test
    void simulateRefusesAnInvalidRcpAndValidateKnowsTheRcpType() throws Exception {
        // Given an RCP that allows (only AWS's RCPFullAWSAccess may)
        String allowing = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}}";
        String request = memberRequest("222222222222", "\"rcps\":[[" + RCP_FULL_AWS_ACCESS + "],[" + allowing + "]]");

        // When
        Outcome refused = run(request, "simulate", "-");
        Outcome managed = run("{\"policyType\":\"rcp\",\"document\":" + RCP_FULL_AWS_ACCESS + "}", "validate", "-");
        Outcome precise = run("{\"policyType\":\"rcp\",\"policyKind\":\"resource-control-policy\",\"document\":" + allowing + "}",
                "validate", "-");

        // Then
        assertThat(refused.status()).isEqualTo(PolicyCli.INVALID_INPUT);
        JsonNode error = refused.json().get("error").get("errors").get(0);
        assertThat(error.get("policy").asText()).isEqualTo("policies.rcps[1][0]");
        assertThat(error.get("policyType").asText()).isEqualTo("rcp");
        assertThat(error.get("level").asInt()).isEqualTo(1);
        assertThat(error.get("location").asText()).isEqualTo("Statement[0].Effect");
        assertThat(managed.json().toString()).isEqualTo("{\"valid\":true,\"warnings\":[]}");
        assertThat(precise.json().get("valid").asBoolean()).isFalse();
        assertThat(precise.json().get("errors").findValuesAsText("location")).containsExactly("Statement[0].Effect");
    }

    @Test
    void malformedInputGetsAJsonErrorAndANonZeroExit() throws Exception {
        // When
        Outcome notJson = run("{\"principal\":", "simulate", "-");
        Outcome missingField = run("{\"action\":\"s3:GetObject\",\"resource\":\"*\"}", "simulate", "-");
        Outcome unknownField = run("{\"policyType\":\"identity\",\"document\":{},\"extra\":1}", "validate", "-");
        Outcome badUsage = run("", "explain");
        Outcome missingFile = run("", "validate", "/nonexistent/policy.json");

        // Then
        for (Outcome outcome : new Outcome[] {notJson, missingField, unknownField, badUsage, missingFile}) {
            assertThat(outcome.status()).isEqualTo(PolicyCli.INVALID_INPUT);
            assertThat(outcome.json().get("error").get("code").asText()).isEqualTo("InvalidInput");
        }
        assertThat(missingField.json().get("error").get("message").asText()).contains("principal");
    }
}
