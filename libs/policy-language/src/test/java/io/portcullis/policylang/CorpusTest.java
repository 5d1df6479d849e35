package io.portcullis.policylang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.policylang.cli.MalformedPolicyDocumentException;
import io.portcullis.policylang.cli.PolicyCli;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@code src/test/resources/corpus/*.json} through the same entry points the CLI and
 * authz-service use. A case either simulates a request ({@code request}, merged over the file's {@code base})
 * or validates a document ({@code validate}); {@code expect} holds the decision, or the validity with the exact
 * warning codes ({@code warnings}), or {@code "error": "MalformedPolicyDocument"} for a simulation the CLI refuses.
 */
class CorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        URL directory = CorpusTest.class.getResource("/corpus");
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode corpus;
                try (InputStream in = Files.newInputStream(file)) {
                    corpus = JSON.readTree(in);
                }
                for (JsonNode each : corpus.get("cases")) {
                    all.add(Arguments.of(file.getFileName() + ": " + each.get("name").asText(), corpus, each));
                }
            }
        }
        return all.stream();
    }

    @Test
    void corpusCoversEveryTopicAndNamesItsSources() throws Exception {
        // Given
        List<Arguments> all = cases().toList();

        // When
        long withoutSource = all.stream().filter(a -> !((JsonNode) a.get()[2]).hasNonNull("source")).count();

        // Then
        assertThat(all).hasSizeGreaterThan(150);
        assertThat(withoutSource).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseHoldsAsDocumented(String name, JsonNode corpus, JsonNode testCase) {
        // Given
        JsonNode expect = testCase.get("expect");

        // When / Then
        if (testCase.has("validate")) {
            checkValidation(PolicyCli.validate(testCase.get("validate")), expect);
        } else if (expect.has("error")) {
            ObjectNode request = merged(corpus.get("base"), testCase.get("request"));
            assertThatThrownBy(() -> PolicyCli.simulate(request))
                    .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> checkRefusal(e, expect));
        } else {
            ObjectNode request = merged(corpus.get("base"), testCase.get("request"));
            checkDecision(PolicyCli.simulate(request), expect);
        }
    }

    private static void checkRefusal(MalformedPolicyDocumentException refusal, JsonNode expect) {
        assertThat(expect.get("error").asText()).isEqualTo("MalformedPolicyDocument");
        List<String> locations = refusal.errors().findValuesAsText("location");
        for (JsonNode location : expect.get("locations")) {
            assertThat(locations).as("locations in %s", refusal.errors()).contains(location.asText());
        }
    }

    private static void checkDecision(ObjectNode answer, JsonNode expect) {
        assertThat(answer.get("decision").asText()).as("decision in %s", answer).isEqualTo(expect.get("decision").asText());
        if (expect.has("blockedBy")) {
            assertThat(answer.get("blockedBy").asText()).as("blockedBy in %s", answer).isEqualTo(expect.get("blockedBy").asText());
        }
        if (expect.get("decision").asText().equals("allowed")) {
            assertThat(answer.get("blockedBy").isNull()).isTrue();
        }
        if (expect.has("matched")) {
            List<String> actual = new ArrayList<>();
            for (JsonNode m : answer.get("matchedStatements")) {
                actual.add(m.get("policyType").asText() + "/" + (m.has("level") ? m.get("level").asInt() : m.get("policyIndex").asInt())
                        + "/" + m.get("statementIndex").asInt());
            }
            List<String> wanted = new ArrayList<>();
            for (JsonNode m : expect.get("matched")) {
                wanted.add(m.get(0).asText() + "/" + m.get(1).asInt() + "/" + m.get(2).asInt());
            }
            assertThat(actual).as("matched statements in %s", answer).isEqualTo(wanted);
        }
    }

    private static void checkValidation(ObjectNode answer, JsonNode expect) {
        assertThat(answer.get("valid").asBoolean()).as("validity of %s", answer).isEqualTo(expect.get("valid").asBoolean());
        List<String> locations = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        if (answer.has("errors")) {
            for (JsonNode error : answer.get("errors")) {
                locations.add(error.get("location").asText());
                codes.add(error.get("code").asText());
                assertThat(error.get("message").asText()).isNotBlank().doesNotContain("\n");
            }
        }
        if (expect.has("locations")) {
            for (JsonNode location : expect.get("locations")) {
                assertThat(locations).as("locations in %s", answer).contains(location.asText());
            }
        }
        if (expect.has("codes")) {
            for (JsonNode code : expect.get("codes")) {
                assertThat(codes).as("codes in %s", answer).contains(code.asText());
            }
        }
        if (expect.has("warnings")) {
            // The exact set: a case naming its warnings also says no other construct of the document warns
            List<String> wanted = new ArrayList<>();
            expect.get("warnings").forEach(code -> wanted.add(code.asText()));
            JsonNode warnings = answer.get("warnings");
            assertThat(warnings).as("warnings in %s", answer).isNotNull();
            assertThat(warnings.findValuesAsText("code")).as("warnings in %s", answer).containsExactlyInAnyOrderElementsOf(wanted);
        }
    }

    private static ObjectNode merged(JsonNode base, JsonNode request) {
        ObjectNode merged = base == null ? JSON.createObjectNode() : base.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = request.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            merged.set(field.getKey(), field.getValue());
        }
        return merged;
    }
}
