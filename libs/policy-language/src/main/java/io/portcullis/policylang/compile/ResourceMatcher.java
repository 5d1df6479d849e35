package io.portcullis.policylang.compile;

import java.util.List;

/** The {@code Resource} or {@code NotResource} values of a statement: case-sensitive, segment-aware ARN patterns. */
public final class ResourceMatcher {

    private final boolean matchesAll;
    private final PatternSet patterns;

    private ResourceMatcher(boolean matchesAll, PatternSet patterns) {
        this.matchesAll = matchesAll;
        this.patterns = patterns;
    }

    /** Compiles resource values; variables are substituted only when {@code variables} is true (2012-10-17). */
    public static ResourceMatcher of(List<String> resources, boolean variables) {
        return new ResourceMatcher(resources.contains("*"), PatternSet.of(resources, variables, true));
    }

    public boolean matches(RequestContext request) {
        return matchesAll || patterns.matches(request.resource(), request);
    }
}
