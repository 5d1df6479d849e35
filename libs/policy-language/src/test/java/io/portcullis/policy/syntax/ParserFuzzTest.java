package io.portcullis.policy.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

import io.portcullis.policy.compile.CompiledPolicy;
import io.portcullis.policy.compile.PolicyCompiler;
import io.portcullis.policy.evaluate.AuthorizationRequest;
import io.portcullis.policy.evaluate.Decision;
import io.portcullis.policy.evaluate.PolicyEvaluator;
import io.portcullis.policy.evaluate.PolicySet;
import io.portcullis.policy.validate.PolicyKind;
import io.portcullis.policy.validate.ValidatedPolicy;
import io.portcullis.policy.validate.PolicyValidator;

/** No input makes parsing, validation, compilation or evaluation throw; broken input only yields diagnostics. */
class ParserFuzzTest {

    private static final Set<String> CODES = Set.of("MalformedPolicyDocument", "LimitExceeded");
    private static final String SEED = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:Get*\",\"ec2:*\"],\"Resource\":\"arn:aws:s3:::b/${aws:username}/*\",\"Condition\":{"
            + "\"ForAnyValue:StringLike\":{\"aws:TagKeys\":[\"a*\"]},\"IpAddressIfExists\":{\"aws:SourceIp\":\"10.0.0.0/8\"},"
            + "\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"},\"NumericEquals\":{\"k\":1}}},"
            + "{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\",\"NotResource\":\"*\",\"Principal\":{\"AWS\":\"*\"}}]}";

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings()
                .withChars('{', '}', '[', ']', '"', ':', ',', ' ', '\\', '$', '*', '?', 'A', 'e', '0', '-', '/', '\n')
                .withCharRange('\u0000', '\u00ff')
                .ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> mutatedPolicies() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, SEED.length() - 1);
        Arbitrary<Character> replacement = Arbitraries.chars().with('{', '}', '[', ']', '"', ':', ',', '$', '*', '1', 'x', ' ');
        Arbitrary<Integer> operation = Arbitraries.integers().between(0, 2);
        return net.jqwik.api.Combinators.combine(position, replacement, operation, Arbitraries.integers().between(1, 4))
                .as((at, ch, op, times) -> {
                    StringBuilder text = new StringBuilder(SEED);
                    for (int i = 0; i < times; i++) {
                        int where = Math.min((at * (i + 7)) % Math.max(text.length(), 1), Math.max(text.length() - 1, 0));
                        if (op == 0 && text.length() > 0) {
                            text.deleteCharAt(where);
                        } else if (op == 1) {
                            text.insert(where, ch.charValue());
                        } else if (text.length() > 0) {
                            text.setCharAt(where, ch);
                        }
                    }
                    return text.toString();
                });
    }

    @Property(tries = 1500)
    void arbitraryTextNeverThrows(@ForAll("jsonish") String text) {
        exerciseEveryStage(text);
    }

    @Property(tries = 1500)
    void mutatedPoliciesNeverThrow(@ForAll("mutatedPolicies") String text) {
        exerciseEveryStage(text);
    }

    @Test
    void deeplyNestedInputIsAValidationError() {
        // Given
        String text = "[".repeat(200_000);

        // When
        ValidatedPolicy validated = PolicyValidator.validate(text, PolicyKind.MANAGED);

        // Then
        assertThat(validated.isValid()).isFalse();
        assertThat(validated.diagnostics()).extracting(Diagnostic::code).contains("MalformedPolicyDocument");
        assertThat(validated.diagnostics()).extracting(Diagnostic::code).allMatch(CODES::contains);
    }

    private static void exerciseEveryStage(String text) {
        for (PolicyKind kind : List.of(PolicyKind.MANAGED, PolicyKind.RESOURCE_POLICY)) {
            // When
            ValidatedPolicy validated = PolicyValidator.validate(text, kind);
            CompiledPolicy compiled = PolicyCompiler.compile(validated);
            PolicySet set = kind == PolicyKind.MANAGED ? PolicySet.identityOnly(List.of(compiled))
                    : new PolicySet(List.of(), null, List.of(), compiled, null);
            Decision decision = PolicyEvaluator.decide(set, new AuthorizationRequest(
                    "arn:aws:iam::111122223333:user/alice", Map.of("t", "v"), "s3:GetObject", "arn:aws:s3:::b/alice/k", "",
                    Map.of("aws:TagKeys", List.of("ab"), "aws:SourceIp", List.of("10.1.1.1"))));

            // Then
            assertThat(validated.diagnostics()).allSatisfy(d -> {
                assertThat(CODES).contains(d.code());
                assertThat(d.message()).isNotBlank();
            });
            assertThat(compiled.failedClosed()).isEqualTo(!validated.isValid());
            if (!validated.isValid()) {
                assertThat(decision).isInstanceOf(Decision.ExplicitDeny.class);
            }
        }
    }
}
