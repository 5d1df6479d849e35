package io.portcullis.iam;

import java.util.Objects;
import java.util.regex.Pattern;

/** A 12-digit AWS account id: the aggregate of every command service, and the Kafka key of all its topics. */
public record AccountId(String value) {

    /** As AWS declares it for {@code AccountId} parameters. */
    public static final String PATTERN = "\\d{12}";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    /** @throws IllegalArgumentException when the value is not exactly 12 digits (check with {@code Constraints} first) */
    public AccountId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Account id '" + value + "' is not 12 digits.");
        }
    }

    /** True when {@code value} is a well-formed account id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** {@code arn:aws:iam::{account}:user{path}{name}}. */
    public String userArn(String path, String userName) {
        return Arn.iam(this, "user" + path + userName).toString();
    }

    /** {@code arn:aws:iam::{account}:group{path}{name}}. */
    public String groupArn(String path, String groupName) {
        return Arn.iam(this, "group" + path + groupName).toString();
    }

    /** {@code arn:aws:iam::{account}:policy{path}{name}}. */
    public String policyArn(String path, String policyName) {
        return Arn.iam(this, "policy" + path + policyName).toString();
    }

    /** {@code arn:aws:iam::{account}:root}: the account itself as a principal. */
    public String rootArn() {
        return Arn.iam(this, "root").toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
