package io.portcullis.policylang.compile;

import java.util.List;

/** One statement ready to evaluate. Checks run cheapest first: action, resource, principal, conditions. */
public final class CompiledStatement {

    private final int index;
    private final String sid;
    private final boolean allow;
    private final ActionMatcher actions;
    private final boolean notAction;
    private final ResourceMatcher resources;
    private final boolean notResource;
    private final PrincipalMatcher principals;
    private final boolean notPrincipal;
    private final CompiledCondition[] conditions;

    CompiledStatement(int index, String sid, boolean allow, ActionMatcher actions, boolean notAction,
                      ResourceMatcher resources, boolean notResource, PrincipalMatcher principals,
                      boolean notPrincipal, List<CompiledCondition> conditions) {
        this.index = index;
        this.sid = sid;
        this.allow = allow;
        this.actions = actions;
        this.notAction = notAction;
        this.resources = resources;
        this.notResource = notResource;
        this.principals = principals;
        this.notPrincipal = notPrincipal;
        this.conditions = conditions.toArray(new CompiledCondition[0]);
    }

    public int index() {
        return index;
    }

    public String sid() {
        return sid;
    }

    public boolean allow() {
        return allow;
    }

    ActionMatcher actions() {
        return actions;
    }

    boolean notAction() {
        return notAction;
    }

    /**
     * How this statement applies to the request: {@link PrincipalMatch#NONE} when it does not. Statements
     * without a principal element (every policy type but resource policies) apply as {@link PrincipalMatch#DIRECT}.
     * Same as {@link #applies(RequestContext, boolean)} for a principal without a permissions boundary.
     */
    public PrincipalMatch applies(RequestContext request) {
        return applies(request, false);
    }

    /**
     * How this statement applies to a request whose principal has ({@code principalHasBoundary}) or has not a
     * permissions boundary. AWS documents (NotPrincipal page, key points) that a {@code Deny} with
     * {@code NotPrincipal} "will always deny any IAM principal that has a permissions boundary policy attached,
     * regardless of the values specified in the NotPrincipal element": for such a principal the statement applies
     * as if it named everyone.
     */
    public PrincipalMatch applies(RequestContext request, boolean principalHasBoundary) {
        if (actions.matches(request) == notAction) {
            return PrincipalMatch.NONE;
        }
        if (resources.matches(request) == notResource) {
            return PrincipalMatch.NONE;
        }
        PrincipalMatch who = PrincipalMatch.DIRECT;
        if (principals != null && notPrincipal && !allow && principalHasBoundary) {
            who = PrincipalMatch.WILDCARD;
        } else if (principals != null) {
            PrincipalMatch named = principals.match(request);
            if (notPrincipal) {
                who = named == PrincipalMatch.NONE ? PrincipalMatch.WILDCARD : PrincipalMatch.NONE;
            } else {
                who = named;
            }
            if (who == PrincipalMatch.NONE) {
                return PrincipalMatch.NONE;
            }
        }
        for (CompiledCondition condition : conditions) {
            if (!condition.holds(request)) {
                return PrincipalMatch.NONE;
            }
        }
        return who;
    }
}
