package io.portcullis.policy.domain;

import io.portcullis.iam.error.Rejection;

/** Every non-shape rejection of policy-service, worded as IAM words them. */
public final class PolicyRejections {

    /** AWS's default quota "Managed policies attached to an IAM user". */
    public static final int POLICIES_PER_USER = 10;

    private PolicyRejections() {
    }

    public static Rejection notAttachable(String policyArn) {
        return Rejection.noSuchEntity("Policy " + policyArn + " does not exist or is not attachable.");
    }

    public static Rejection notAttached(String policyArn) {
        return Rejection.noSuchEntity("Policy " + policyArn + " was not found.");
    }

    public static Rejection policiesPerUserQuota() {
        return Rejection.limitExceeded("Cannot exceed quota for PoliciesPerUser: " + POLICIES_PER_USER + ".");
    }
}
