package io.portcullis.policylang;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.policylang.cli.CommandOutput;
import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.compile.PolicyCompiler;
import io.portcullis.policylang.evaluate.Decision;
import io.portcullis.policylang.syntax.ConditionOperator;
import io.portcullis.policylang.syntax.Diagnostic;
import io.portcullis.policylang.syntax.OperatorName;
import io.portcullis.policylang.syntax.Template;
import io.portcullis.policylang.validate.PolicyKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every member of each closed family is handled where the family is dispatched on. */
class SealedFamiliesTest {

    @Test
    void everyConditionOperatorFamilyHasCatalogueEntriesThatCompile() {
        // Given
        Set<Class<?>> families = Set.of(ConditionOperator.class.getPermittedSubclasses());
        Set<Class<?>> catalogued = OperatorName.CATALOGUE.values().stream().map(Object::getClass).collect(Collectors.toSet());
        List<String> clauses = new ArrayList<>();
        for (ConditionOperator operator : OperatorName.CATALOGUE.values()) {
            clauses.add("\"" + operator.name() + "\":{\"k\":\"" + sampleValue(operator) + "\"}");
        }
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{" + String.join(",", clauses) + "}}}";

        // When
        CompiledPolicy compiled = PolicyCompiler.compile(policy, PolicyKind.MANAGED);

        // Then
        assertThat(catalogued).isEqualTo(families);
        assertThat(OperatorName.CATALOGUE).hasSize(27);
        assertThat(compiled.diagnostics()).isEmpty();
    }

    @Test
    void everyDecisionRendersWithItsOwnName() {
        // Given
        Map<Class<?>, Decision> samples = Map.of(
                Decision.Allowed.class, new Decision.Allowed(List.of()),
                Decision.ExplicitDeny.class, new Decision.ExplicitDeny(io.portcullis.policylang.validate.PolicyType.SCP, List.of()),
                Decision.ImplicitDeny.class, new Decision.ImplicitDeny(io.portcullis.policylang.validate.PolicyType.SESSION, List.of()));

        // When
        Set<String> names = samples.values().stream().map(d -> CommandOutput.decision(d).get("decision").asText())
                .collect(Collectors.toSet());

        // Then
        assertThat(samples.keySet()).containsExactlyInAnyOrder(Decision.class.getPermittedSubclasses());
        assertThat(names).containsExactlyInAnyOrder("allowed", "explicitDeny", "implicitDeny");
    }

    @Test
    void everyDiagnosticHasADistinctIamCode() {
        // Given
        List<Diagnostic> samples = List.of(new Diagnostic.MalformedPolicyDocument("m", "l"), new Diagnostic.LimitExceeded("m", "l"));

        // When
        Set<String> codes = samples.stream().map(Diagnostic::code).collect(Collectors.toSet());

        // Then
        assertThat(samples).extracting(Object::getClass).containsExactlyInAnyOrder(Diagnostic.class.getPermittedSubclasses());
        assertThat(codes).containsExactlyInAnyOrder("MalformedPolicyDocument", "LimitExceeded");
    }

    @Test
    void everyTemplatePartIsProducedByTheParser() {
        // When
        Template template = Template.parse("a${*}${aws:username, 'x'}").template().orElseThrow();

        // Then
        assertThat(template.parts()).extracting(Object::getClass)
                .containsExactlyInAnyOrder(Template.Part.class.getPermittedSubclasses());
        assertThat(Arrays.asList(Template.Part.class.getPermittedSubclasses())).hasSize(3);
    }

    private static String sampleValue(ConditionOperator operator) {
        if (operator instanceof ConditionOperator.NumericOperator) {
            return "1";
        }
        if (operator instanceof ConditionOperator.DateOperator) {
            return "2026-01-01T00:00:00Z";
        }
        if (operator instanceof ConditionOperator.BoolOperator || operator instanceof ConditionOperator.NullOperator) {
            return "true";
        }
        if (operator instanceof ConditionOperator.BinaryOperator) {
            return "AAAA";
        }
        if (operator instanceof ConditionOperator.IpAddressOperator) {
            return "10.0.0.0/8";
        }
        if (operator instanceof ConditionOperator.StringOperator || operator instanceof ConditionOperator.ArnOperator) {
            return "v*";
        }
        throw new IllegalStateException("no sample for " + operator);
    }
}
