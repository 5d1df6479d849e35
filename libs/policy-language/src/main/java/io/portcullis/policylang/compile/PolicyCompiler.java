package io.portcullis.policylang.compile;

import io.portcullis.policylang.syntax.Cidr;
import io.portcullis.policylang.syntax.ConditionClause;
import io.portcullis.policylang.syntax.ConditionOperator.ArnOperator;
import io.portcullis.policylang.syntax.ConditionOperator.BinaryOperator;
import io.portcullis.policylang.syntax.ConditionOperator.BoolOperator;
import io.portcullis.policylang.syntax.ConditionOperator.DateOperator;
import io.portcullis.policylang.syntax.ConditionOperator.IpAddressOperator;
import io.portcullis.policylang.syntax.ConditionOperator.NullOperator;
import io.portcullis.policylang.syntax.ConditionOperator.NumericOperator;
import io.portcullis.policylang.syntax.ConditionOperator.StringMatch;
import io.portcullis.policylang.syntax.ConditionOperator.StringOperator;
import io.portcullis.policylang.syntax.ConditionOperator;
import io.portcullis.policylang.syntax.DateValue;
import io.portcullis.policylang.syntax.OperatorName;
import io.portcullis.policylang.syntax.PolicyDocument;
import io.portcullis.policylang.syntax.Statement;
import io.portcullis.policylang.syntax.Template;
import io.portcullis.policylang.validate.PolicyKind;
import io.portcullis.policylang.validate.PolicyValidator;
import io.portcullis.policylang.validate.ValidatedPolicy;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Compiles validated policies into {@link CompiledPolicy}; invalid ones into fail-closed policies. */
public final class PolicyCompiler {

    private PolicyCompiler() {
    }

    /** Parses, validates and compiles {@code text} as a policy of {@code kind}. Never throws for any input. */
    public static CompiledPolicy compile(String text, PolicyKind kind) {
        return compile(PolicyValidator.validate(text, kind));
    }

    public static CompiledPolicy compile(ValidatedPolicy validated) {
        if (!validated.isValid()) {
            return CompiledPolicy.failClosed(validated.kind().type(), validated.diagnostics());
        }
        PolicyDocument document = validated.document();
        boolean variables = document.version().supportsVariables();
        List<CompiledStatement> statements = new ArrayList<>();
        for (Statement s : document.statements()) {
            statements.add(statement(s, variables));
        }
        return new CompiledPolicy(validated.kind().type(), List.of(), statements);
    }

    private static CompiledStatement statement(Statement s, boolean variables) {
        boolean notAction = s.action() == null;
        boolean notResource = s.resource() == null;
        boolean notPrincipal = s.notPrincipal() != null;
        PrincipalMatcher principals = s.principal() != null ? PrincipalMatcher.of(s.principal())
                : notPrincipal ? PrincipalMatcher.of(s.notPrincipal()) : null;
        List<CompiledCondition> conditions = new ArrayList<>();
        for (ConditionClause clause : s.conditions()) {
            conditions.add(condition(clause, variables));
        }
        return new CompiledStatement(
                s.index(),
                s.sid() == null ? "" : s.sid(),
                "Allow".equals(s.effect()),
                ActionMatcher.of(notAction ? s.notAction() : s.action()),
                notAction,
                ResourceMatcher.of(notResource ? s.notResource() : s.resource(), variables),
                notResource,
                principals,
                notPrincipal,
                conditions);
    }

    private static CompiledCondition condition(ConditionClause clause, boolean variables) {
        OperatorName name = OperatorName.parse(clause.operator()).orElseThrow();
        String key = clause.key().toLowerCase(Locale.ROOT);
        ConditionOperator operator = name.operator();
        List<String> values = clause.values();
        if (operator instanceof NullOperator) {
            boolean absent = values.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            boolean present = values.stream().anyMatch(v -> v.equalsIgnoreCase("false"));
            return new CompiledCondition.NullCondition(key, absent, present);
        }
        return new CompiledCondition.KeyCondition(key, name.qualifier(), name.ifExists(), operator.negated(),
                test(operator, values, variables));
    }

    private static ValueTest test(ConditionOperator operator, List<String> values, boolean variables) {
        if (operator instanceof StringOperator) {
            StringMatch match = ((StringOperator) operator).match();
            if (match == StringMatch.LIKE) {
                return new ValueTest.PatternTest(PatternSet.of(values, variables, false));
            }
            List<String> literals = new ArrayList<>();
            List<Template> templates = new ArrayList<>();
            for (String value : values) {
                if (variables && Template.hasVariables(value)) {
                    templates.add(Template.parse(value).template().orElseThrow());
                } else {
                    literals.add(value);
                }
            }
            return new ValueTest.StringEqualsTest(match == StringMatch.EQUALS_IGNORE_CASE, literals.toArray(new String[0]),
                    templates.toArray(new Template[0]));
        }
        if (operator instanceof NumericOperator) {
            return new ValueTest.NumericTest(((NumericOperator) operator).comparison(),
                    values.stream().mapToDouble(Double::parseDouble).toArray());
        }
        if (operator instanceof DateOperator) {
            return new ValueTest.DateTest(((DateOperator) operator).comparison(),
                    values.stream().mapToLong(v -> DateValue.parseEpochMillis(v).orElseThrow()).toArray());
        }
        if (operator instanceof BoolOperator) {
            return new ValueTest.BoolTest(values.stream().anyMatch(v -> v.equalsIgnoreCase("true")),
                    values.stream().anyMatch(v -> v.equalsIgnoreCase("false")));
        }
        if (operator instanceof BinaryOperator) {
            values.forEach(v -> Base64.getDecoder().decode(v));
            return new ValueTest.BinaryTest(List.copyOf(values));
        }
        if (operator instanceof IpAddressOperator) {
            return new ValueTest.IpTest(values.stream().map(v -> Cidr.parse(v).orElseThrow()).toArray(Cidr[]::new));
        }
        if (operator instanceof ArnOperator) {
            return new ValueTest.PatternTest(PatternSet.of(values, variables, true));
        }
        throw new IllegalStateException("no value test for condition operator " + operator.name());
    }
}
