package io.portcullis.authz.model;

import java.util.List;

/** The model's answer: a decision with its reasons, or why there was nobody to decide for. */
public sealed interface Authorization {

    /**
     * AWS's decision: {@code allowed}, {@code explicitDeny} or {@code implicitDeny}; the policy type that blocked it
     * ({@code identity}, {@code scp}, {@code rcp}, {@code boundary}, …, null when allowed), every statement that
     * applied and where it came from, and AWS's AccessDenied message for a denial.
     */
    record Decided(String decision, String blockedBy, List<Matched> matchedStatements, String message, String principalArn)
            implements Authorization {
        public Decided {
            matchedStatements = List.copyOf(matchedStatements);
        }

        public boolean isAllowed() {
            return "allowed".equals(decision);
        }
    }

    /** The principal (ARN or access key) names nothing the model holds, or an inactive key. */
    record PrincipalNotFound(String message) implements Authorization {
    }

    /**
     * A statement that applied: its policy (an ARN, an inline policy's name, or an Organizations policy id), the version
     * in force, the statement's index and Sid, whether it allows, and how the policy reaches the principal:
     * {@code direct}, {@code group <name>}, {@code boundary}, {@code scp <root, OU or account id>},
     * {@code rcp <root, OU or account id>}.
     */
    record Matched(String policyType, String policy, String version, int statementIndex, String sid, boolean allow, String attachedThrough) {
    }
}
