package io.portcullis.policylang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.policylang.evaluate.AuthorizationRequest;
import io.portcullis.policylang.evaluate.PolicyEvaluator;
import io.portcullis.policylang.evaluate.PolicySet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark compares like with like: both evaluators reach the same decision on every scenario request. */
class NaiveEvaluatorAgreementTest {

    @Test
    void compiledAndNaiveEvaluatorsAgreeOnEveryBenchmarkRequest() {
        // Given
        BenchmarkScenario scenario = new BenchmarkScenario();
        PolicySet compiled = scenario.compiled();
        Set<String> outcomes = new HashSet<>();

        for (AuthorizationRequest request : scenario.requests) {
            // When
            String fast = PolicyEvaluator.decide(compiled, request).name();
            String naive = NaiveEvaluator.decide(scenario, request);

            // Then
            assertThat(fast).as("decision for %s", request).isEqualTo(naive);
            outcomes.add(fast);
        }
        assertThat(outcomes).containsExactlyInAnyOrder("allowed", "implicitDeny", "explicitDeny");
        assertThat(compiled.identity()).hasSize(10).allSatisfy(p -> assertThat(p.statementCount()).isEqualTo(10));
        assertThat(compiled.scps()).hasSize(3);
    }
}
