package io.portcullis.policylang.syntax;

/** The policy language versions IAM accepts; a document without {@code Version} is read as 2008-10-17. */
public enum PolicyVersion {
    V2012_10_17("2012-10-17"),
    V2008_10_17("2008-10-17");

    private final String text;

    PolicyVersion(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Policy variables ({@code ${aws:username}}) are only substituted in 2012-10-17 documents. */
    public boolean supportsVariables() {
        return this == V2012_10_17;
    }
}
