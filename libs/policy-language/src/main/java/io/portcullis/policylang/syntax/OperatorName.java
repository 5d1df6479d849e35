package io.portcullis.policylang.syntax;

import io.portcullis.policylang.syntax.ConditionOperator.ArnOperator;
import io.portcullis.policylang.syntax.ConditionOperator.BinaryOperator;
import io.portcullis.policylang.syntax.ConditionOperator.BoolOperator;
import io.portcullis.policylang.syntax.ConditionOperator.Comparison;
import io.portcullis.policylang.syntax.ConditionOperator.DateOperator;
import io.portcullis.policylang.syntax.ConditionOperator.IpAddressOperator;
import io.portcullis.policylang.syntax.ConditionOperator.NullOperator;
import io.portcullis.policylang.syntax.ConditionOperator.NumericOperator;
import io.portcullis.policylang.syntax.ConditionOperator.StringMatch;
import io.portcullis.policylang.syntax.ConditionOperator.StringOperator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A condition operator as written: optional set qualifier, the operator, optional {@code IfExists}. */
public record OperatorName(String text, SetQualifier qualifier, ConditionOperator operator, boolean ifExists) {

    private static final String IF_EXISTS = "IfExists";

    /** Every base operator by its exact (case-sensitive) name. */
    public static final Map<String, ConditionOperator> CATALOGUE = catalogue();

    /** Reads an operator name such as {@code ForAnyValue:StringLikeIfExists}; empty when IAM would not know it. */
    public static Optional<OperatorName> parse(String text) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = text;
        for (SetQualifier candidate : SetQualifier.values()) {
            if (candidate != SetQualifier.NONE && rest.startsWith(candidate.prefix())) {
                qualifier = candidate;
                rest = rest.substring(candidate.prefix().length());
            }
        }
        boolean ifExists = false;
        ConditionOperator operator = CATALOGUE.get(rest);
        if (operator == null && rest.endsWith(IF_EXISTS)) {
            operator = CATALOGUE.get(rest.substring(0, rest.length() - IF_EXISTS.length()));
            ifExists = true;
        }
        if (operator == null || (ifExists && operator instanceof NullOperator)) {
            return Optional.empty();
        }
        return Optional.of(new OperatorName(text, qualifier, operator, ifExists));
    }

    private static Map<String, ConditionOperator> catalogue() {
        Map<String, ConditionOperator> all = new LinkedHashMap<>();
        add(all, new StringOperator("StringEquals", StringMatch.EQUALS, false));
        add(all, new StringOperator("StringNotEquals", StringMatch.EQUALS, true));
        add(all, new StringOperator("StringEqualsIgnoreCase", StringMatch.EQUALS_IGNORE_CASE, false));
        add(all, new StringOperator("StringNotEqualsIgnoreCase", StringMatch.EQUALS_IGNORE_CASE, true));
        add(all, new StringOperator("StringLike", StringMatch.LIKE, false));
        add(all, new StringOperator("StringNotLike", StringMatch.LIKE, true));
        add(all, new NumericOperator("NumericEquals", Comparison.EQUALS, false));
        add(all, new NumericOperator("NumericNotEquals", Comparison.EQUALS, true));
        add(all, new NumericOperator("NumericLessThan", Comparison.LESS_THAN, false));
        add(all, new NumericOperator("NumericLessThanEquals", Comparison.LESS_THAN_EQUALS, false));
        add(all, new NumericOperator("NumericGreaterThan", Comparison.GREATER_THAN, false));
        add(all, new NumericOperator("NumericGreaterThanEquals", Comparison.GREATER_THAN_EQUALS, false));
        add(all, new DateOperator("DateEquals", Comparison.EQUALS, false));
        add(all, new DateOperator("DateNotEquals", Comparison.EQUALS, true));
        add(all, new DateOperator("DateLessThan", Comparison.LESS_THAN, false));
        add(all, new DateOperator("DateLessThanEquals", Comparison.LESS_THAN_EQUALS, false));
        add(all, new DateOperator("DateGreaterThan", Comparison.GREATER_THAN, false));
        add(all, new DateOperator("DateGreaterThanEquals", Comparison.GREATER_THAN_EQUALS, false));
        add(all, new BoolOperator("Bool"));
        add(all, new BinaryOperator("BinaryEquals"));
        add(all, new IpAddressOperator("IpAddress", false));
        add(all, new IpAddressOperator("NotIpAddress", true));
        add(all, new ArnOperator("ArnEquals", false));
        add(all, new ArnOperator("ArnLike", false));
        add(all, new ArnOperator("ArnNotEquals", true));
        add(all, new ArnOperator("ArnNotLike", true));
        add(all, new NullOperator("Null"));
        return Map.copyOf(all);
    }

    private static void add(Map<String, ConditionOperator> all, ConditionOperator operator) {
        all.put(operator.name(), operator);
    }
}
