package io.portcullis.identity.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A 12-digit AWS account id; the aggregate and Kafka key of the identity directory. */
public record AccountId(String value) {

    static final Pattern FORMAT = Pattern.compile("\\d{12}");

    /** @throws IllegalArgumentException when the value is not exactly 12 digits (check with {@link IdentityValidation} first) */
    public AccountId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Account id '" + value + "' is not 12 digits.");
        }
    }

    /** {@code arn:aws:iam::{account}:user{path}{name}}. */
    public String userArn(String path, String userName) {
        return "arn:aws:iam::" + value + ":user" + path + userName;
    }

    /** {@code arn:aws:iam::{account}:group{path}{name}}. */
    public String groupArn(String path, String groupName) {
        return "arn:aws:iam::" + value + ":group" + path + groupName;
    }

    @Override
    public String toString() {
        return value;
    }
}
