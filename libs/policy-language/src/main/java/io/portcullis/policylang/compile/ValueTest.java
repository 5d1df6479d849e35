package io.portcullis.policylang.compile;

import io.portcullis.policylang.syntax.Cidr;
import io.portcullis.policylang.syntax.ConditionOperator.Comparison;
import io.portcullis.policylang.syntax.ConditionOperator.NumericOperator;
import io.portcullis.policylang.syntax.DateValue;
import io.portcullis.policylang.syntax.Template;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

/** Whether one request value matches any of a condition's policy values (values are ORed). */
sealed interface ValueTest
        permits ValueTest.StringEqualsTest, ValueTest.PatternTest, ValueTest.NumericTest, ValueTest.DateTest, ValueTest.BoolTest,
                ValueTest.BinaryTest, ValueTest.IpTest {

    boolean anyMatch(String requestValue, RequestContext request);

    /** StringEquals, StringEqualsIgnoreCase and their negations; values with policy variables are substituted per request. */
    record StringEqualsTest(boolean ignoreCase, String[] literals, Template[] templates) implements ValueTest {
        @Override
        public boolean anyMatch(String value, RequestContext request) {
            for (String literal : literals) {
                if (equal(literal, value)) {
                    return true;
                }
            }
            for (Template template : templates) {
                String resolved = Variables.text(template, request);
                if (resolved != null && equal(resolved, value)) {
                    return true;
                }
            }
            return false;
        }

        private boolean equal(String policy, String value) {
            return ignoreCase ? policy.equalsIgnoreCase(value) : policy.equals(value);
        }
    }

    /** StringLike and ArnLike/ArnEquals (segment by segment) and their negations. */
    record PatternTest(PatternSet patterns) implements ValueTest {
        @Override
        public boolean anyMatch(String value, RequestContext request) {
            return patterns.matches(value, request);
        }
    }

    record NumericTest(Comparison comparison, double[] values) implements ValueTest {
        @Override
        public boolean anyMatch(String value, RequestContext request) {
            if (!NumericOperator.isNumber(value)) {
                return false;
            }
            double number = Double.parseDouble(value);
            for (double policy : values) {
                if (comparison.holds(Double.compare(number, policy))) {
                    return true;
                }
            }
            return false;
        }
    }

    record DateTest(Comparison comparison, long[] millis) implements ValueTest {
        @Override
        public boolean anyMatch(String value, RequestContext request) {
            OptionalLong parsed = DateValue.parseEpochMillis(value);
            if (parsed.isEmpty()) {
                return false;
            }
            for (long policy : millis) {
                if (comparison.holds(Long.compare(parsed.getAsLong(), policy))) {
                    return true;
                }
            }
            return false;
        }
    }

    record BoolTest(boolean acceptsTrue, boolean acceptsFalse) implements ValueTest {
        @Override
        public boolean anyMatch(String value, RequestContext request) {
            return (acceptsTrue && value.equalsIgnoreCase("true")) || (acceptsFalse && value.equalsIgnoreCase("false"));
        }
    }

    record BinaryTest(List<String> base64Values) implements ValueTest {
        @Override
        public boolean anyMatch(String value, RequestContext request) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
            for (String policy : base64Values) {
                if (java.util.Arrays.equals(Base64.getDecoder().decode(policy), decoded)) {
                    return true;
                }
            }
            return false;
        }
    }

    record IpTest(Cidr[] blocks) implements ValueTest {
        @Override
        public boolean anyMatch(String value, RequestContext request) {
            Cidr address = Cidr.parse(value).orElse(null);
            if (address == null) {
                return false;
            }
            for (Cidr block : blocks) {
                if (block.contains(address)) {
                    return true;
                }
            }
            return false;
        }
    }
}
