package io.portcullis.policylang.compile;

import io.portcullis.policylang.syntax.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Wildcard patterns (ORed) as written in {@code Resource}, {@code StringLike} or {@code ArnLike} values: the
 * ones without policy variables built once, the ones with variables substituted per request.
 */
record PatternSet(Wildcard[] patterns, Template[] templates, boolean arnMode) {

    static PatternSet of(List<String> values, boolean variables, boolean arnMode) {
        List<Wildcard> patterns = new ArrayList<>();
        List<Template> templates = new ArrayList<>();
        for (String value : values) {
            if (variables && Template.hasVariables(value)) {
                templates.add(Template.parse(value).template().orElseThrow());
            } else {
                patterns.add(arnMode ? Wildcard.arn(value) : Wildcard.glob(value));
            }
        }
        return new PatternSet(patterns.toArray(new Wildcard[0]), templates.toArray(new Template[0]), arnMode);
    }

    boolean matches(String value, RequestContext request) {
        for (Wildcard pattern : patterns) {
            if (pattern.matches(value)) {
                return true;
            }
        }
        for (Template template : templates) {
            Wildcard resolved = Variables.pattern(template, request, arnMode);
            if (resolved != null && resolved.matches(value)) {
                return true;
            }
        }
        return false;
    }
}
