package io.portcullis.org.domain;

import io.portcullis.iam.error.Rejection;
import io.portcullis.policylang.syntax.Diagnostic;
import io.portcullis.policylang.validate.PolicyValidator;
import io.portcullis.policylang.validate.ValidatedPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Service and resource control policy documents checked by the policy library for their type (the SCP and RCP
 * grammar rules). The size is this service's quota ({@link OrgQuotas#maxPolicySize()}, characters including white
 * space, as Organizations counts them), so the library's own size rule is left to it.
 */
final class OrgPolicyDocuments {

    private OrgPolicyDocuments() {
    }

    static Optional<Rejection> check(String content, OrgPolicyType type, int maxSize) {
        if (content.length() > maxSize) {
            return Optional.of(OrgRejections.constraint(OrgRejections.Constraint.POLICY_CONTENT_LIMIT_EXCEEDED));
        }
        ValidatedPolicy validated = PolicyValidator.validate(content, type.kind());
        List<Diagnostic> problems = validated.diagnostics().stream().filter(d -> !(d instanceof Diagnostic.LimitExceeded)).toList();
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        Diagnostic first = problems.get(0);
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : "";
        return Optional.of(OrgRejections.malformedPolicy(first.message() + " at " + first.location() + more));
    }
}
