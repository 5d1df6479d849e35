package io.portcullis.policylang.syntax;

import java.util.List;

/**
 * One statement as written. Absent elements are {@code null}; presence rules are checked by validation.
 *
 * @param index position in the {@code Statement} array (0 for a single statement object)
 */
public record Statement(
        int index,
        String sid,
        String effect,
        Principals principal,
        Principals notPrincipal,
        List<String> action,
        List<String> notAction,
        List<String> resource,
        List<String> notResource,
        List<ConditionClause> conditions) {

    public Statement {
        conditions = List.copyOf(conditions);
    }

    public String location(String element) {
        return "Statement[" + index + "]." + element;
    }

    public String location() {
        return "Statement[" + index + "]";
    }
}
