package io.portcullis.credential.domain;

import io.portcullis.iam.validation.Constraints;
import java.util.regex.Pattern;

/** The input shapes of credential-service's parameters, as AWS declares them. */
final class CredentialShapes {

    /** {@code AccessKeyId}: 16 to 128 characters of {@code [\w]}, as AWS declares it (ours are AKIA and 16 more). */
    static final String ACCESS_KEY_ID_PATTERN = "[\\w]+";
    private static final Pattern ACCESS_KEY_ID = Pattern.compile(ACCESS_KEY_ID_PATTERN);

    /** A service namespace ({@code s3}) or region ({@code eu-west-1}): lower case letters, digits and dashes. */
    static final String USAGE_NAME_PATTERN = "[a-z0-9-]+";
    private static final Pattern USAGE_NAME = Pattern.compile(USAGE_NAME_PATTERN);

    private CredentialShapes() {
    }

    static Constraints usageName(Constraints constraints, String field, String value) {
        if (value == null) {
            return constraints.violated(field, null, "Member must not be null");
        }
        if (value.isEmpty() || value.length() > 64) {
            constraints.violated(field, value, "Member must have length between 1 and 64");
        } else if (!USAGE_NAME.matcher(value).matches()) {
            constraints.violated(field, value, "Member must satisfy regular expression pattern: " + USAGE_NAME_PATTERN);
        }
        return constraints;
    }

    static Constraints accessKeyId(Constraints constraints, String accessKeyId) {
        if (accessKeyId == null) {
            return constraints.violated("accessKeyId", null, "Member must not be null");
        }
        if (accessKeyId.length() < 16) {
            constraints.violated("accessKeyId", accessKeyId, "Member must have length greater than or equal to 16");
        } else if (accessKeyId.length() > 128) {
            constraints.violated("accessKeyId", accessKeyId, "Member must have length less than or equal to 128");
        } else if (!ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
            constraints.violated("accessKeyId", accessKeyId, "Member must satisfy regular expression pattern: " + ACCESS_KEY_ID_PATTERN);
        }
        return constraints;
    }
}
