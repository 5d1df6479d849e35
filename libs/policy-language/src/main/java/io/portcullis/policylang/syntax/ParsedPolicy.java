package io.portcullis.policylang.syntax;

import java.util.List;

/** The result of parsing: the document as far as it could be read, and every structural diagnostic. */
public record ParsedPolicy(PolicyDocument document, List<Diagnostic> diagnostics) {

    public ParsedPolicy {
        diagnostics = List.copyOf(diagnostics);
    }
}
