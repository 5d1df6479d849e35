package io.portcullis.policy.domain;

/** AWS's default IAM quotas for policies (the IAM and STS quotas page), in one place. */
public final class PolicyRules {

    /** "Managed policies attached to an IAM user". */
    public static final int POLICIES_PER_USER = 10;
    /** "Managed policies attached to an IAM group". */
    public static final int POLICIES_PER_GROUP = 10;
    /** "Versions of a managed policy that can be stored". */
    public static final int VERSIONS_PER_POLICY = 5;
    /** "Customer managed policies in an AWS account". */
    public static final int POLICIES_PER_ACCOUNT = 1500;

    private PolicyRules() {
    }
}
