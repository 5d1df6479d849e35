package io.portcullis.policylang.validate;

import io.portcullis.policylang.syntax.Diagnostic;
import io.portcullis.policylang.syntax.PolicyDocument;
import java.util.List;

/**
 * A document checked for a policy kind; valid when there is no diagnostic. Warnings are about constructs AWS
 * accepts but discourages; they never make a document invalid, and only a valid document carries them.
 */
public record ValidatedPolicy(PolicyKind kind, PolicyDocument document, List<Diagnostic> diagnostics,
                              List<PolicyWarning> warnings) {

    public ValidatedPolicy {
        diagnostics = List.copyOf(diagnostics);
        warnings = List.copyOf(warnings);
    }

    /** A result without warnings (the shape before warnings existed; callers that build one keep compiling). */
    public ValidatedPolicy(PolicyKind kind, PolicyDocument document, List<Diagnostic> diagnostics) {
        this(kind, document, diagnostics, List.of());
    }

    public boolean isValid() {
        return diagnostics.isEmpty();
    }
}
