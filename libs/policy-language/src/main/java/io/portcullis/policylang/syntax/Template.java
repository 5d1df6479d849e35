package io.portcullis.policylang.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code Resource} or condition value of a 2012-10-17 policy split into text and policy variables:
 * {@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'none'}} and the escapes {@code ${*}},
 * {@code ${?}}, {@code ${$}}.
 */
public record Template(List<Part> parts) {

    public Template {
        parts = List.copyOf(parts);
    }

    /** A piece of a template. */
    public sealed interface Part permits Text, Escaped, Variable {
    }

    /** Policy text; wildcards in it keep their meaning. */
    public record Text(String text) implements Part {
    }

    /** A character written with an escape; always literal, never a wildcard. */
    public record Escaped(String text) implements Part {
    }

    /** A variable to substitute from the request; {@code key} is lower-cased, {@code defaultValue} may be null. */
    public record Variable(String key, String defaultValue) implements Part {
    }

    public static boolean hasVariables(String value) {
        return value.contains("${");
    }

    /** Splits {@code value}; the error message when a {@code ${} is not a well-formed variable. */
    public static ParseOutcome parse(String value) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                text.append(value, i, value.length());
                break;
            }
            text.append(value, i, start);
            int end = value.indexOf('}', start + 2);
            if (end < 0) {
                return new ParseOutcome(Optional.empty(), "policy variable in \"" + value + "\" is not closed with \"}\"");
            }
            String body = value.substring(start + 2, end);
            if (text.length() > 0) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
            if (body.equals("*") || body.equals("?") || body.equals("$")) {
                parts.add(new Escaped(body));
            } else {
                Variable variable = variable(body);
                if (variable == null) {
                    return new ParseOutcome(Optional.empty(), "policy variable \"${" + body + "}\" is not a key name with an optional 'default'");
                }
                parts.add(variable);
            }
            i = end + 1;
        }
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
        }
        return new ParseOutcome(Optional.of(new Template(parts)), "");
    }

    private static Variable variable(String body) {
        int comma = body.indexOf(',');
        String name = (comma < 0 ? body : body.substring(0, comma)).trim();
        if (name.isEmpty() || name.indexOf('\'') >= 0 || name.indexOf('{') >= 0 || name.indexOf('$') >= 0) {
            return null;
        }
        String defaultValue = null;
        if (comma >= 0) {
            String rest = body.substring(comma + 1).trim();
            if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\'') {
                return null;
            }
            defaultValue = rest.substring(1, rest.length() - 1);
        }
        return new Variable(name.toLowerCase(Locale.ROOT), defaultValue);
    }

    /** The parsed template, or the reason it could not be parsed. */
    public record ParseOutcome(Optional<Template> template, String error) {
    }
}
