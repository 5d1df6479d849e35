package io.portcullis.policy.domain;

import io.portcullis.iam.validation.Constraints;
import java.util.regex.Pattern;

/** The input shapes of policy-service's parameters that IAM declares beyond names, paths and tags. */
public final class PolicyShapes {

    /** {@code PolicyArn}: 20 to 2,048 characters, as AWS declares it. */
    public static final int MIN_ARN = Constraints.MIN_POLICY_ARN;
    public static final int MAX_ARN = Constraints.MAX_POLICY_ARN;
    /** {@code PolicyDocument}: 1 to 131,072 characters of tab, line feed, carriage return and U+0020–U+00FF. */
    public static final int MAX_DOCUMENT = 131_072;
    public static final String DOCUMENT_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    public static final int MAX_DESCRIPTION = 1000;
    public static final String VERSION_ID_PATTERN = "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?";

    private static final Pattern DOCUMENT = Pattern.compile(DOCUMENT_PATTERN);
    private static final Pattern VERSION_ID = Pattern.compile(VERSION_ID_PATTERN);

    private PolicyShapes() {
    }

    static Constraints policyArn(Constraints constraints, String policyArn) {
        return policyArn(constraints, "policyArn", policyArn);
    }

    static Constraints policyArn(Constraints constraints, String field, String policyArn) {
        return constraints.policyArn(field, policyArn);
    }

    /**
     * A managed policy as a route names it: this account's policy by name, or any managed policy by ARN
     * (names hold no colon, ARNs always start {@code arn:}).
     */
    static Constraints policyReference(Constraints constraints, String policy) {
        return isArn(policy) ? policyArn(constraints, "policy", policy)
                : constraints.name("policyName", policy, Constraints.MAX_POLICY_NAME);
    }

    static boolean isArn(String policy) {
        return policy != null && policy.startsWith("arn:");
    }

    static Constraints document(Constraints constraints, String document) {
        if (document == null) {
            return constraints.violated("policyDocument", null, "Member must not be null");
        }
        if (document.isEmpty()) {
            constraints.violated("policyDocument", document, "Member must have length greater than or equal to 1");
        } else if (document.length() > MAX_DOCUMENT) {
            constraints.violated("policyDocument", abbreviated(document), "Member must have length less than or equal to " + MAX_DOCUMENT);
        } else if (!DOCUMENT.matcher(document).matches()) {
            constraints.violated("policyDocument", abbreviated(document), "Member must satisfy regular expression pattern: "
                    + DOCUMENT_PATTERN);
        }
        return constraints;
    }

    static Constraints description(Constraints constraints, String description) {
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            constraints.violated("description", abbreviated(description), "Member must have length less than or equal to "
                    + MAX_DESCRIPTION);
        }
        return constraints;
    }

    static Constraints versionId(Constraints constraints, String versionId) {
        if (versionId == null) {
            return constraints.violated("versionId", null, "Member must not be null");
        }
        if (!VERSION_ID.matcher(versionId).matches()) {
            constraints.violated("versionId", versionId, "Member must satisfy regular expression pattern: " + VERSION_ID_PATTERN);
        }
        return constraints;
    }

    /** Long values are quoted by their start, so an answer stays one line. */
    private static String abbreviated(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
