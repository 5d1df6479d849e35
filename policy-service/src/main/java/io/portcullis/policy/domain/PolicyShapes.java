package io.portcullis.policy.domain;

import io.portcullis.iam.Arn;
import io.portcullis.iam.validation.Constraints;

/** The input shapes of policy-service's parameters that IAM declares beyond names and paths. */
final class PolicyShapes {

    /** {@code PolicyArn}: 20 to 2,048 characters, as AWS declares it. */
    static final int MIN_ARN = 20;
    static final int MAX_ARN = 2048;

    private PolicyShapes() {
    }

    static Constraints policyArn(Constraints constraints, String policyArn) {
        if (policyArn == null) {
            return constraints.violated("policyArn", null, "Member must not be null");
        }
        int length = policyArn.codePointCount(0, policyArn.length());
        if (length < MIN_ARN) {
            constraints.violated("policyArn", policyArn, "Member must have length greater than or equal to " + MIN_ARN);
        } else if (length > MAX_ARN) {
            constraints.violated("policyArn", policyArn, "Member must have length less than or equal to " + MAX_ARN);
        } else if (Arn.parse(policyArn).isEmpty()) {
            constraints.violated("policyArn", policyArn, "Member must be an ARN");
        }
        return constraints;
    }
}
