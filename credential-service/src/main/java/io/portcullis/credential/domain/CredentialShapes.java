package io.portcullis.credential.domain;

import io.portcullis.iam.validation.Constraints;
import java.util.regex.Pattern;

/** The input shapes of credential-service's parameters, as AWS declares them. */
final class CredentialShapes {

    /** {@code AccessKeyId}: 16 to 128 characters of {@code [\w]}, as AWS declares it (ours are AKIA and 16 more). */
    static final String ACCESS_KEY_ID_PATTERN = "[\\w]+";
    private static final Pattern ACCESS_KEY_ID = Pattern.compile(ACCESS_KEY_ID_PATTERN);

    private CredentialShapes() {
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
