package io.portcullis.policy.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code policyDocument} as requests carry it: a JSON object, or a string holding one, as the AWS API
 * takes it. A string is kept exactly as given (white space and key order); an object as Jackson wrote it
 * back from what was read (key order kept, white space not: the body's own spacing is gone once parsed).
 */
final class PolicyDocumentJson {

    private PolicyDocumentJson() {
    }

    /** The document's text, or null when the request has none (the command then reports it missing). */
    static String text(JsonNode document) {
        if (document == null || document.isNull() || document.isMissingNode()) {
            return null;
        }
        return document.isTextual() ? document.textValue() : document.toString();
    }
}
