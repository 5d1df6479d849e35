package io.portcullis.authz.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.authz.model.Authorization;
import java.util.List;

/**
 * The decision ({@code allowed}, {@code explicitDeny}, {@code implicitDeny}), the policy type that blocked it, the
 * matched statements when asked to explain, AWS's AccessDenied message for a denial, and the consistency token of the
 * model that decided (the offsets of every event topic it reflects).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizeResponse(String decision, String blockedBy, List<MatchedStatement> matchedStatements, String message,
                                String principalArn, String consistencyToken) {

    /**
     * A statement that applied: the policy (ARN, inline name or Organizations policy id), its version when it has one,
     * the statement's index and Sid, whether it allows, and how the policy reaches the principal ({@code direct},
     * {@code group <name>}, {@code boundary}, {@code scp <root, OU or account>}, {@code rcp <…>}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MatchedStatement(String policyType, String policy, String version, int statementIndex, String sid, boolean allow,
                                   String attachedThrough) {
        static MatchedStatement of(Authorization.Matched m) {
            // A statement without a Sid has none to show, rather than an empty one.
            String sid = m.sid() == null || m.sid().isEmpty() ? null : m.sid();
            return new MatchedStatement(m.policyType(), m.policy(), m.version(), m.statementIndex(), sid, m.allow(), m.attachedThrough());
        }
    }

    static AuthorizeResponse of(Authorization.Decided decided, boolean explain, String token) {
        return new AuthorizeResponse(decided.decision(), decided.blockedBy(),
                explain ? decided.matchedStatements().stream().map(MatchedStatement::of).toList() : null,
                decided.message(), decided.principalArn(), token);
    }
}
