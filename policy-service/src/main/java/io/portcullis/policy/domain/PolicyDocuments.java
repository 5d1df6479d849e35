package io.portcullis.policy.domain;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.policylang.syntax.Diagnostic;
import io.portcullis.policylang.syntax.PolicyParser;
import io.portcullis.policylang.validate.PolicyKind;
import io.portcullis.policylang.validate.PolicyValidator;
import io.portcullis.policylang.validate.PolicyWarning;
import io.portcullis.policylang.validate.ValidatedPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Policy documents checked by the policy library for where they are stored ({@link PolicyKind}): an
 * invalid one is {@code MalformedPolicyDocument} quoting the first problem and where it is, one over its
 * size quota is {@code LimitExceeded} with IAM's wording. Documents are never rewritten: what is stored
 * and returned is the text as submitted.
 */
public final class PolicyDocuments {

    private PolicyDocuments() {
    }

    /** The rejection for a managed policy's document (6,144 characters without white space), or empty. */
    public static Optional<Rejection> checkManaged(String document) {
        return check(document, PolicyKind.MANAGED, PolicyRejections.managedSize(PolicyKind.MANAGED.maxCharacters()));
    }

    /**
     * The rejection for one inline document of a user or group, or empty. Its size alone is checked here;
     * the aggregate over the entity's inline policies, in the decider.
     */
    public static Optional<Rejection> checkInline(String document, PolicyKind kind, String entityKind, String entityName) {
        return check(document, kind, PolicyRejections.inlineSize(entityKind, kind.maxCharacters(), entityName));
    }

    /** What IAM counts against a size quota: the characters that are not white space. */
    public static int size(String document) {
        return PolicyParser.countWithoutWhitespace(document);
    }

    /** What the policy library warns of in a valid document (constructs AWS accepts but discourages). */
    public static List<PolicyWarning> warnings(String document, PolicyKind kind) {
        return PolicyValidator.validate(document, kind).warnings();
    }

    private static Optional<Rejection> check(String document, PolicyKind kind, Rejection tooLarge) {
        ValidatedPolicy validated = PolicyValidator.validate(document, kind);
        if (validated.isValid()) {
            return Optional.empty();
        }
        List<Diagnostic> problems = validated.diagnostics();
        if (problems.stream().anyMatch(d -> d instanceof Diagnostic.LimitExceeded)) {
            return Optional.of(tooLarge);
        }
        Diagnostic first = problems.get(0);
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : "";
        return Optional.of(new Rejection(IamErrorCode.MALFORMED_POLICY_DOCUMENT, first.message() + " at " + first.location() + more));
    }
}
