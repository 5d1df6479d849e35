package io.portcullis.policylang.syntax;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The closed family of condition operators IAM documents, without set qualifier or {@code IfExists} suffix. */
public sealed interface ConditionOperator
        permits ConditionOperator.StringOperator,
                ConditionOperator.NumericOperator,
                ConditionOperator.DateOperator,
                ConditionOperator.BoolOperator,
                ConditionOperator.BinaryOperator,
                ConditionOperator.IpAddressOperator,
                ConditionOperator.ArnOperator,
                ConditionOperator.NullOperator {

    /** The operator's name as written in a policy, e.g. {@code StringNotLike}. */
    String name();

    /** Negated operators match when no policy value matches, and hold when the key is absent. */
    default boolean negated() {
        return false;
    }

    /** Whether policy variables are substituted in this operator's values. */
    default boolean acceptsVariables() {
        return false;
    }

    /** Why {@code value} is not a valid value for this operator, or empty when it is (any text by default). */
    default Optional<String> checkValue(String value) {
        return Optional.empty();
    }

    /** How two numbers or dates are compared. */
    enum Comparison {
        EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS;

        public boolean holds(int compareResult) {
            if (this == EQUALS) {
                return compareResult == 0;
            }
            if (this == LESS_THAN) {
                return compareResult < 0;
            }
            if (this == LESS_THAN_EQUALS) {
                return compareResult <= 0;
            }
            if (this == GREATER_THAN) {
                return compareResult > 0;
            }
            return compareResult >= 0;
        }
    }

    /** How a string operator compares. */
    enum StringMatch { EQUALS, EQUALS_IGNORE_CASE, LIKE }

    record StringOperator(String name, StringMatch match, boolean negated) implements ConditionOperator {
        @Override
        public boolean acceptsVariables() {
            return true;
        }
    }

    record NumericOperator(String name, Comparison comparison, boolean negated) implements ConditionOperator {
        private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

        public static boolean isNumber(String value) {
            return value.length() <= 64 && NUMBER.matcher(value).matches();
        }

        @Override
        public Optional<String> checkValue(String value) {
            return isNumber(value) ? Optional.empty() : Optional.of("is not a number");
        }
    }

    record DateOperator(String name, Comparison comparison, boolean negated) implements ConditionOperator {
        @Override
        public Optional<String> checkValue(String value) {
            return DateValue.parseEpochMillis(value).isPresent()
                    ? Optional.empty()
                    : Optional.of("is not an ISO 8601 date or epoch seconds");
        }
    }

    record BoolOperator(String name) implements ConditionOperator {
        @Override
        public Optional<String> checkValue(String value) {
            return isBoolean(value) ? Optional.empty() : Optional.of("is not true or false");
        }
    }

    record BinaryOperator(String name) implements ConditionOperator {
        @Override
        public Optional<String> checkValue(String value) {
            try {
                Base64.getDecoder().decode(value);
                return Optional.empty();
            } catch (IllegalArgumentException notBase64) {
                return Optional.of("is not base-64 encoded");
            }
        }
    }

    record IpAddressOperator(String name, boolean negated) implements ConditionOperator {
        @Override
        public Optional<String> checkValue(String value) {
            return Cidr.parse(value).isPresent()
                    ? Optional.empty()
                    : Optional.of("is not an IPv4 or IPv6 address or CIDR block");
        }
    }

    record ArnOperator(String name, boolean negated) implements ConditionOperator {
        @Override
        public boolean acceptsVariables() {
            return true;
        }
    }

    record NullOperator(String name) implements ConditionOperator {
        @Override
        public Optional<String> checkValue(String value) {
            return isBoolean(value) ? Optional.empty() : Optional.of("is not true or false");
        }
    }

    static boolean isBoolean(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false");
    }
}
