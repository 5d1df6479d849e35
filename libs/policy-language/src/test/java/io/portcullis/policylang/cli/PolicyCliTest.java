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
        assertThat(outcome.json().toString()).isEqualTo("{\"valid\":true}");
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
    void simulateReportsInvalidPoliciesAndDenies() throws Exception {
        // Given
        String request = "{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\",\"resource\":\"*\","
                + "\"policies\":{\"identity\":[{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}]}}";

        // When
        Outcome outcome = run(request, "simulate", "-");

        // Then
        assertThat(outcome.status()).isZero();
        assertThat(outcome.json().get("decision").asText()).isEqualTo("explicitDeny");
        assertThat(outcome.json().get("invalidPolicies").get(0).get("errors").get(0).get("location").asText())
                .isEqualTo("Statement[0].Resource");
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
