package io.portcullis.policy.compile;

import java.util.ArrayList;
import java.util.List;

import io.portcullis.policy.syntax.Template;

/** The {@code Resource} or {@code NotResource} values of a statement: case-sensitive, segment-aware ARN patterns. */
public final class ResourceMatcher {

    private final boolean matchesAll;
    private final Wildcard[] patterns;
    private final Template[] templates;

    private ResourceMatcher(boolean matchesAll, Wildcard[] patterns, Template[] templates) {
        this.matchesAll = matchesAll;
        this.patterns = patterns;
        this.templates = templates;
    }

    /** Compiles resource values; variables are substituted only when {@code variables} is true (2012-10-17). */
    public static ResourceMatcher of(List<String> resources, boolean variables) {
        boolean all = false;
        List<Wildcard> patterns = new ArrayList<>();
        List<Template> templates = new ArrayList<>();
        for (String resource : resources) {
            if (resource.equals("*")) {
                all = true;
            } else if (variables && Template.hasVariables(resource)) {
                templates.add(Template.parse(resource).template().orElseThrow());
            } else {
                patterns.add(Wildcard.arn(resource));
            }
        }
        return new ResourceMatcher(all, patterns.toArray(new Wildcard[0]), templates.toArray(new Template[0]));
    }

    public boolean matches(RequestContext request) {
        if (matchesAll) {
            return true;
        }
        String resource = request.resource();
        for (Wildcard pattern : patterns) {
            if (pattern.matches(resource)) {
                return true;
            }
        }
        for (Template template : templates) {
            Wildcard resolved = Variables.pattern(template, request, true);
            if (resolved != null && resolved.matches(resource)) {
                return true;
            }
        }
        return false;
    }
}
