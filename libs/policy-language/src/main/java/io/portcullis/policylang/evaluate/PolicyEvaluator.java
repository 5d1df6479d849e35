package io.portcullis.policylang.evaluate;

import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.compile.CompiledStatement;
import io.portcullis.policylang.compile.PrincipalKind;
import io.portcullis.policylang.compile.PrincipalMatch;
import io.portcullis.policylang.compile.RequestContext;
import io.portcullis.policylang.validate.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS's policy evaluation logic, in the order of its flowchart: an explicit deny anywhere wins; every RCP level
 * must allow; every SCP level must allow; then the resource-based policy (final for some principals within one
 * account), identity policies, the permissions boundary and the session policy. RCP levels do not apply when the
 * resource's account is a management account, SCP levels not when the principal's account is one
 * ({@link PolicySet}); the principal's account is the one in its ARN, the resource's is the request's
 * {@code resourceAccount} or, when that is empty, the principal's. See the module README for the rules decided
 * where AWS is silent.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static Decision decide(PolicySet policies, AuthorizationRequest request) {
        return decide(policies, request.toContext());
    }

    public static Decision decide(PolicySet policies, RequestContext request) {
        List<MatchedStatement> matched = new ArrayList<>(4);
        Tally tally = new Tally(policies.boundary() != null);

        boolean rcpsAllow = policies.isManagementAccount(request.resourceAccount())
                || everyLevelAllows(policies.rcps(), request, matched, tally);
        boolean scpsAllow = policies.isManagementAccount(request.principalAccount())
                || everyLevelAllows(policies.scps(), request, matched, tally);
        PrincipalMatch resourceAllow = PrincipalMatch.NONE;
        if (policies.resource() != null) {
            resourceAllow = scan(policies.resource(), -1, 0, request, matched, tally);
        }
        boolean identityAllows = false;
        for (int p = 0; p < policies.identity().size(); p++) {
            identityAllows |= scan(policies.identity().get(p), -1, p, request, matched, tally) != PrincipalMatch.NONE;
        }
        boolean boundaryAllows = policies.boundary() == null
                || scan(policies.boundary(), -1, 0, request, matched, tally) != PrincipalMatch.NONE;
        boolean sessionAllows = policies.session() == null
                || scan(policies.session(), -1, 0, request, matched, tally) != PrincipalMatch.NONE;

        if (tally.deniedBy != null) {
            return new Decision.ExplicitDeny(tally.deniedBy, matched);
        }
        if (!rcpsAllow) {
            return new Decision.ImplicitDeny(PolicyType.RCP, matched);
        }
        if (!scpsAllow) {
            return new Decision.ImplicitDeny(PolicyType.SCP, matched);
        }
        if (request.principalKind() == PrincipalKind.OTHER && resourceAllow != PrincipalMatch.NONE) {
            return new Decision.Allowed(matched);
        }
        if (request.sameAccount() && resourceAllow != PrincipalMatch.NONE && resourceAllow != PrincipalMatch.ACCOUNT) {
            if (resourceAllow == PrincipalMatch.DIRECT && isFinalForDirectGrant(request.principalKind())) {
                return new Decision.Allowed(matched);
            }
            return limitedBySessionAndBoundary(boundaryAllows, sessionAllows, matched);
        }
        if (!request.sameAccount() && resourceAllow == PrincipalMatch.NONE) {
            return new Decision.ImplicitDeny(PolicyType.RESOURCE, matched);
        }
        if (!identityAllows && request.principalKind() != PrincipalKind.ROOT) {
            return new Decision.ImplicitDeny(PolicyType.IDENTITY, matched);
        }
        return limitedBySessionAndBoundary(boundaryAllows, sessionAllows, matched);
    }

    /**
     * Scans every policy of every level (root first), recording what applies; true when each level has a policy
     * with an applying allow. Every level is scanned even after one fails, so that every applying statement is
     * reported and every deny counts.
     */
    private static boolean everyLevelAllows(List<List<CompiledPolicy>> levels, RequestContext request,
                                            List<MatchedStatement> matched, Tally tally) {
        boolean all = true;
        for (int level = 0; level < levels.size(); level++) {
            List<CompiledPolicy> levelPolicies = levels.get(level);
            boolean allows = false;
            for (int p = 0; p < levelPolicies.size(); p++) {
                if (scan(levelPolicies.get(p), level, p, request, matched, tally) != PrincipalMatch.NONE) {
                    allows = true;
                }
            }
            all &= allows;
        }
        return all;
    }

    /*
     * A principal that is not an IAM identity (a service principal, a federated or canonical id) has no
     * identity policies, boundary or session policy here: a resource policy allow is final for it.
     */

    /** A same-account resource policy naming the user, role session or federated user itself is final. */
    private static boolean isFinalForDirectGrant(PrincipalKind kind) {
        return kind == PrincipalKind.USER || kind == PrincipalKind.ASSUMED_ROLE || kind == PrincipalKind.FEDERATED_USER;
    }

    private static Decision limitedBySessionAndBoundary(boolean boundaryAllows, boolean sessionAllows,
                                                        List<MatchedStatement> matched) {
        if (!boundaryAllows) {
            return new Decision.ImplicitDeny(PolicyType.BOUNDARY, matched);
        }
        if (!sessionAllows) {
            return new Decision.ImplicitDeny(PolicyType.SESSION, matched);
        }
        return new Decision.Allowed(matched);
    }

    /** Records every applying statement; returns the strongest principal match among applying allows. */
    private static PrincipalMatch scan(CompiledPolicy policy, int level, int policyIndex, RequestContext request,
                                       List<MatchedStatement> matched, Tally tally) {
        if (policy.failedClosed()) {
            matched.add(new MatchedStatement(policy.type(), level, policyIndex, -1, "", false));
            tally.deny(policy.type());
            return PrincipalMatch.NONE;
        }
        PrincipalMatch allow = PrincipalMatch.NONE;
        for (CompiledStatement statement : policy.candidates(request)) {
            PrincipalMatch applies = statement.applies(request, tally.principalHasBoundary);
            if (applies == PrincipalMatch.NONE) {
                continue;
            }
            matched.add(new MatchedStatement(policy.type(), level, policyIndex, statement.index(), statement.sid(),
                    statement.allow()));
            if (statement.allow()) {
                allow = allow.strongest(applies);
            } else {
                tally.deny(policy.type());
            }
        }
        return allow;
    }

    /** The first policy type (in evaluation order) whose deny applied, and what the scan needs to know of the principal. */
    private static final class Tally {
        /** A Deny with NotPrincipal denies every principal that has a boundary ({@link CompiledStatement#applies}). */
        private final boolean principalHasBoundary;
        private PolicyType deniedBy;

        Tally(boolean principalHasBoundary) {
            this.principalHasBoundary = principalHasBoundary;
        }

        void deny(PolicyType type) {
            if (deniedBy == null) {
                deniedBy = type;
            }
        }
    }
}
