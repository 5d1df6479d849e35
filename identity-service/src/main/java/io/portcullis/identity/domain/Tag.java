package io.portcullis.identity.domain;

/** One IAM tag; keys are case-sensitive, a missing value is the empty string. */
public record Tag(String key, String value) {

    public Tag {
        value = value == null ? "" : value;
    }
}
