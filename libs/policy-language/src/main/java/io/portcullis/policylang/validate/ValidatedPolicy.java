package io.portcullis.policylang.validate;

import io.portcullis.policylang.syntax.Diagnostic;
import io.portcullis.policylang.syntax.PolicyDocument;
import java.util.List;

/** A document checked for a policy kind; valid when there is no diagnostic. */
public record ValidatedPolicy(PolicyKind kind, PolicyDocument document, List<Diagnostic> diagnostics) {

    public ValidatedPolicy {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean isValid() {
        return diagnostics.isEmpty();
    }
}
