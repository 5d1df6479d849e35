package io.portcullis.policylang.syntax;

import java.util.List;

/** One operator/key pair of a {@code Condition} block with its values (ORed), exactly as written. */
public record ConditionClause(String operator, String key, List<String> values, String location) {

    public ConditionClause {
        values = List.copyOf(values);
    }
}
