package io.portcullis.policylang.syntax;

import java.util.List;

/**
 * A parsed policy document.
 *
 * @param versionText the {@code Version} string as written, {@code null} when absent
 * @param characters the length of the source text
 * @param charactersWithoutWhitespace the length of the source text not counting white space outside strings
 */
public record PolicyDocument(
        PolicyVersion version,
        String versionText,
        String id,
        List<Statement> statements,
        int characters,
        int charactersWithoutWhitespace) {

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** A document of this size whose statements were not read. */
    public static PolicyDocument empty(int characters, int charactersWithoutWhitespace) {
        return new PolicyDocument(PolicyVersion.V2008_10_17, null, null, List.of(), characters, charactersWithoutWhitespace);
    }
}
