package io.portcullis.org.domain;

import io.portcullis.iam.error.Rejection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a command's parameters as AWS Organizations declares them and answers the first problem as its
 * {@code InvalidInputException}, with AWS's reason ({@code INPUT_REQUIRED}, {@code INVALID_PATTERN}, …).
 */
final class OrgInput {

    private Rejection first;

    static OrgInput check() {
        return new OrgInput();
    }

    OrgInput required(String parameter, String value) {
        if (value == null) {
            fail("INPUT_REQUIRED", "You must provide a value for all required parameters.", parameter);
        }
        return this;
    }

    OrgInput pattern(String parameter, String value, Pattern pattern) {
        if (required(parameter, value).first == null && !pattern.matcher(value).matches()) {
            fail("INVALID_PATTERN", "You provided a value that does not match the required pattern.", parameter);
        }
        return this;
    }

    /** Length in characters; {@code allowed} says which characters (AWS's character-range patterns). */
    OrgInput text(String parameter, String value, int min, int max, Pattern allowed) {
        if (required(parameter, value).first != null) {
            return this;
        }
        if (value.length() < min) {
            fail("MIN_LENGTH_EXCEEDED", "You provided a string parameter that is shorter than allowed.", parameter);
        } else if (value.length() > max) {
            fail("MAX_LENGTH_EXCEEDED", "You provided a string parameter that is longer than allowed.", parameter);
        } else if (!allowed.matcher(value).matches()) {
            fail("INVALID_PATTERN", "You provided a value that does not match the required pattern.", parameter);
        }
        return this;
    }

    OrgInput policyType(String parameter, String value) {
        if (required(parameter, value).first == null && OrgPolicyType.parse(value).isEmpty()) {
            fail("INVALID_ENUM", "You specified an invalid value.", parameter);
        }
        return this;
    }

    Optional<Rejection> result() {
        return Optional.ofNullable(first);
    }

    private void fail(String reason, String message, String parameter) {
        if (first == null) {
            first = OrgRejections.invalidInput(reason, message, parameter);
        }
    }

    /** Printable ASCII and what AWS's name patterns allow: {@code [\s\S]*} for names, printable characters for notes. */
    static final Pattern ANY_TEXT = Pattern.compile("[\\s\\S]*");
    static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    static final Pattern ACCOUNT_NAME = Pattern.compile("[\\u0020-\\u007E]+");
}
