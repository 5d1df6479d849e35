package io.portcullis.policy.validate;

import java.util.List;

import io.portcullis.policy.syntax.Diagnostic;
import io.portcullis.policy.syntax.PolicyDocument;

/** A document checked for a policy kind; valid when there is no diagnostic. */
public record ValidatedPolicy(PolicyKind kind, PolicyDocument document, List<Diagnostic> diagnostics) {

    public ValidatedPolicy {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean isValid() {
        return diagnostics.isEmpty();
    }
}
