package io.portcullis.policylang.syntax;

import static io.portcullis.policylang.PropertyCases.cases;
import static io.portcullis.policylang.PropertyCases.describe;
import static io.portcullis.policylang.PropertyCases.pick;
import static io.portcullis.policylang.PropertyCases.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.policylang.PropertyCases;
import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.compile.PolicyCompiler;
import io.portcullis.policylang.evaluate.AuthorizationRequest;
import io.portcullis.policylang.evaluate.Decision;
import io.portcullis.policylang.evaluate.PolicyEvaluator;
import io.portcullis.policylang.evaluate.PolicySet;
import io.portcullis.policylang.validate.PolicyKind;
import io.portcullis.policylang.validate.PolicyValidator;
import io.portcullis.policylang.validate.ValidatedPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No input makes parsing, validation, compilation or evaluation throw; broken input only yields diagnostics.
 * Inputs are seeded ({@link PropertyCases}: a failure prints the seed that replays it).
 */
class ParserFuzzTest {

    private static final Set<String> CODES = Set.of("MalformedPolicyDocument", "LimitExceeded");
    /** A valid document touching most of the grammar; {@link #mutatedPolicies()} breaks it in small ways. */
    private static final String SAMPLE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:Get*\",\"ec2:*\"],\"Resource\":\"arn:aws:s3:::b/${aws:username}/*\",\"Condition\":{"
            + "\"ForAnyValue:StringLike\":{\"aws:TagKeys\":[\"a*\"]},\"IpAddressIfExists\":{\"aws:SourceIp\":\"10.0.0.0/8\"},"
            + "\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"},\"NumericEquals\":{\"k\":1}}},"
            + "{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\",\"NotResource\":\"*\",\"Principal\":{\"AWS\":\"*\"}}]}";
    /** JSON punctuation and policy characters, then every character up to U+00FF (so those come up more often). */
    private static final String JSONISH_CHARS = "{}[]\":, \\$*?Ae0-/\n" + latin1();
    private static final String MUTATION_CHARS = "{}[]\":,$*1x ";

    static Stream<Arguments> jsonish() {
        return cases(1500, random -> List.of(string(random, JSONISH_CHARS, 0, 200)));
    }

    static Stream<Arguments> mutatedPolicies() {
        return cases(1500, random -> List.of(mutated(random)));
    }

    @ParameterizedTest(name = PropertyCases.NAME)
    @MethodSource("jsonish")
    void arbitraryTextNeverThrows(long seed, String text) {
        exerciseEveryStage(text, () -> describe(seed, text));
    }

    @ParameterizedTest(name = PropertyCases.NAME)
    @MethodSource("mutatedPolicies")
    void mutatedPoliciesNeverThrow(long seed, String text) {
        exerciseEveryStage(text, () -> describe(seed, text));
    }

    @Test
    void deeplyNestedInputIsAValidationError() {
        // Given
        String text = "[".repeat(6_000);

        // When
        ValidatedPolicy validated = PolicyValidator.validate(text, PolicyKind.MANAGED);

        // Then
        assertThat(validated.isValid()).isFalse();
        assertThat(validated.diagnostics()).extracting(Diagnostic::code).contains("MalformedPolicyDocument");
        assertThat(validated.diagnostics()).extracting(Diagnostic::code).allMatch(CODES::contains);
    }

    /** Deletes, inserts or overwrites one character, one to four times, at positions spread over the document. */
    private static String mutated(SplittableRandom random) {
        int at = random.nextInt(SAMPLE.length());
        char ch = pick(random, MUTATION_CHARS);
        int op = random.nextInt(3);
        int times = random.nextInt(1, 5);
        StringBuilder text = new StringBuilder(SAMPLE);
        for (int i = 0; i < times; i++) {
            int where = Math.min((at * (i + 7)) % Math.max(text.length(), 1), Math.max(text.length() - 1, 0));
            if (op == 0 && text.length() > 0) {
                text.deleteCharAt(where);
            } else if (op == 1) {
                text.insert(where, ch);
            } else if (text.length() > 0) {
                text.setCharAt(where, ch);
            }
        }
        return text.toString();
    }

    private static String latin1() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c <= 0xff; c++) {
            all.append(c);
        }
        return all.toString();
    }

    private static void exerciseEveryStage(String text, Supplier<String> reproduce) {
        for (PolicyKind kind : List.of(PolicyKind.MANAGED, PolicyKind.RESOURCE_POLICY, PolicyKind.RESOURCE_CONTROL_POLICY)) {
            // When
            ValidatedPolicy validated;
            CompiledPolicy compiled;
            Decision decision;
            try {
                validated = PolicyValidator.validate(text, kind);
                compiled = PolicyCompiler.compile(validated);
                PolicySet set = switch (kind) {
                    case MANAGED -> PolicySet.identityOnly(List.of(compiled));
                    case RESOURCE_POLICY -> new PolicySet(List.of(), null, List.of(), compiled, null);
                    default -> new PolicySet(List.of(), null, List.of(), List.of(List.of(compiled)), null, null, null);
                };
                decision = PolicyEvaluator.decide(set, new AuthorizationRequest(
                        "arn:aws:iam::111122223333:user/alice", Map.of("t", "v"), "s3:GetObject", "arn:aws:s3:::b/alice/k", "",
                        Map.of("aws:TagKeys", List.of("ab"), "aws:SourceIp", List.of("10.1.1.1"))));
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(kind + " threw on " + reproduce.get(), e);
            }

            // Then
            assertThat(validated.diagnostics()).as(reproduce).allSatisfy(d -> {
                assertThat(CODES).contains(d.code());
                assertThat(d.message()).isNotBlank();
            });
            assertThat(compiled.failedClosed()).as(reproduce).isEqualTo(!validated.isValid());
            if (!validated.isValid()) {
                assertThat(decision).as(reproduce).isInstanceOf(Decision.ExplicitDeny.class);
            }
        }
    }
}
