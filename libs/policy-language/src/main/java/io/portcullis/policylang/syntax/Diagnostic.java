package io.portcullis.policylang.syntax;

/**
 * One problem found in a policy document, named with the IAM error code a client would receive.
 * The location is a path such as {@code Statement[0].Action} or {@code line 3, column 7}.
 */
public sealed interface Diagnostic permits Diagnostic.MalformedPolicyDocument, Diagnostic.LimitExceeded {

    String code();

    String message();

    String location();

    /** The document breaks the grammar or a rule of the policy language. */
    record MalformedPolicyDocument(String message, String location) implements Diagnostic {
        @Override
        public String code() {
            return "MalformedPolicyDocument";
        }
    }

    /** The document is larger than the quota for its policy kind. */
    record LimitExceeded(String message, String location) implements Diagnostic {
        @Override
        public String code() {
            return "LimitExceeded";
        }
    }
}
