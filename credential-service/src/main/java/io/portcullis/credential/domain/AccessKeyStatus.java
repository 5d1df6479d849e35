package io.portcullis.credential.domain;

/** An access key's status, spelled as IAM spells it on the wire ({@code Active}, {@code Inactive}). */
public enum AccessKeyStatus {
    Active,
    Inactive;

    /** The status named exactly as IAM spells it, or null. */
    public static AccessKeyStatus parse(String value) {
        for (AccessKeyStatus status : values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        return null;
    }
}
