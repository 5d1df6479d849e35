package io.portcullis.policylang.compile;

import io.portcullis.policylang.syntax.SetQualifier;

/** One condition key test of a statement; all of a statement's conditions must hold (AND). */
public sealed interface CompiledCondition permits CompiledCondition.KeyCondition, CompiledCondition.NullCondition {

    boolean holds(RequestContext request);

    /**
     * An operator applied to a key. A missing key fails positive operators and satisfies negated ones;
     * {@code IfExists} makes a missing key satisfy any operator; {@code ForAllValues} holds for a missing
     * key and {@code ForAnyValue} does not.
     */
    record KeyCondition(String key, SetQualifier qualifier, boolean ifExists, boolean negated, ValueTest test)
            implements CompiledCondition {

        @Override
        public boolean holds(RequestContext request) {
            String[] values = request.values(key);
            if (values == null || values.length == 0) {
                if (ifExists || qualifier == SetQualifier.FOR_ALL_VALUES) {
                    return true;
                }
                if (qualifier == SetQualifier.FOR_ANY_VALUE) {
                    return false;
                }
                return negated;
            }
            if (qualifier == SetQualifier.FOR_ALL_VALUES) {
                for (String value : values) {
                    if (!elementHolds(value, request)) {
                        return false;
                    }
                }
                return true;
            }
            if (qualifier == SetQualifier.FOR_ANY_VALUE) {
                for (String value : values) {
                    if (elementHolds(value, request)) {
                        return true;
                    }
                }
                return false;
            }
            boolean anyMatches = false;
            for (String value : values) {
                if (test.anyMatch(value, request)) {
                    anyMatches = true;
                    break;
                }
            }
            return negated != anyMatches;
        }

        private boolean elementHolds(String value, RequestContext request) {
            return negated != test.anyMatch(value, request);
        }
    }

    /** {@code Null}: {@code true} asks that the key be absent, {@code false} that it be present. */
    record NullCondition(String key, boolean acceptsAbsent, boolean acceptsPresent) implements CompiledCondition {
        @Override
        public boolean holds(RequestContext request) {
            String[] values = request.values(key);
            boolean present = values != null && values.length > 0;
            return present ? acceptsPresent : acceptsAbsent;
        }
    }
}
