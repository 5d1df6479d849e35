package io.portcullis.iam;

/** One IAM tag; a missing value is the empty string. Rules about keys are in {@code TagRules}. */
public record Tag(String key, String value) {

    public Tag {
        value = value == null ? "" : value;
    }
}
