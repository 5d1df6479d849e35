package io.portcullis.policy.domain;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;

/**
 * Every non-shape rejection of policy-service, worded as IAM words them (the texts real IAM answers, so
 * tools that match on them keep working).
 */
public final class PolicyRejections {

    private PolicyRejections() {
    }

    public static Rejection policyExists(String policyName) {
        return Rejection.entityAlreadyExists("A policy called " + policyName + " already exists. Duplicate names are not allowed.");
    }

    public static Rejection idInUse(String policyId) {
        return Rejection.entityAlreadyExists("The policy id " + policyId + " is already in use.");
    }

    /** A policy that the request names but the account cannot see; {@code policy} as the caller gave it (name or ARN). */
    public static Rejection noSuchPolicy(String policy) {
        return Rejection.noSuchEntity("Policy " + policy + " was not found.");
    }

    /** Attaching a policy that does not exist (or belongs to another account). */
    public static Rejection notAttachable(String policyArn) {
        return Rejection.noSuchEntity("Policy " + policyArn + " does not exist or is not attachable.");
    }

    /** A permissions boundary that names no managed policy this account can use. */
    public static Rejection boundaryNotAttachable(String policyArn) {
        return Rejection.noSuchEntity("Scope ARN: " + policyArn + " does not exist or is not attachable.");
    }

    public static Rejection notAttached(String policyArn) {
        return Rejection.noSuchEntity("Policy " + policyArn + " was not found.");
    }

    public static Rejection noSuchVersion(String policyArn, String versionId) {
        return Rejection.noSuchEntity("Policy " + policyArn + " version " + versionId + " does not exist or is not attachable.");
    }

    public static Rejection noSuchUserPolicy(String policyName) {
        return Rejection.noSuchEntity("The user policy with name " + policyName + " cannot be found.");
    }

    public static Rejection noSuchGroupPolicy(String policyName) {
        return Rejection.noSuchEntity("The group policy with name " + policyName + " cannot be found.");
    }

    public static Rejection noBoundary(String userName) {
        return Rejection.noSuchEntity("The user with name " + userName + " has no permissions boundary.");
    }

    public static Rejection policiesPerUserQuota() {
        return Rejection.limitExceeded("Cannot exceed quota for PoliciesPerUser: " + PolicyRules.POLICIES_PER_USER);
    }

    public static Rejection policiesPerGroupQuota() {
        return Rejection.limitExceeded("Cannot exceed quota for PoliciesPerGroup: " + PolicyRules.POLICIES_PER_GROUP);
    }

    public static Rejection versionsQuota() {
        return Rejection.limitExceeded("A managed policy can have up to " + PolicyRules.VERSIONS_PER_POLICY
                + " versions. Before you create a new version, you must delete an existing version.");
    }

    public static Rejection policyQuota() {
        return Rejection.limitExceeded("Cannot exceed quota for PoliciesPerAccount: " + PolicyRules.POLICIES_PER_ACCOUNT);
    }

    public static Rejection attachedPolicyInUse() {
        return Rejection.deleteConflict("Cannot delete a policy attached to entities.");
    }

    public static Rejection policyHasVersions() {
        return Rejection.deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the"
                + " policy's versions. The default version is deleted with the policy.");
    }

    public static Rejection defaultVersion() {
        return Rejection.deleteConflict("Cannot delete the default version of a policy.");
    }

    /**
     * Any change to an AWS managed policy. AWS answers a tag with InvalidInput (observed); for the other
     * changes it publishes no answer, and the policy belongs to AWS's account, not the caller's: AccessDenied.
     */
    public static Rejection awsManagedIsReadOnly(String policyArn) {
        return new Rejection(IamErrorCode.ACCESS_DENIED, "Cannot modify " + policyArn + ": AWS managed policies are read-only.");
    }

    public static Rejection awsManagedTags() {
        return Rejection.invalidInput("Tags not supported for policies in this domain");
    }

    /** IAM's answer for an inline document that takes an entity past its aggregate quota. */
    public static Rejection inlineSize(String entityKind, int quota, String entityName) {
        return Rejection.limitExceeded("Maximum policy size of " + quota + " bytes exceeded for " + entityKind + " " + entityName);
    }

    /** IAM's answer for a managed policy document over 6,144 characters (not counting white space). */
    public static Rejection managedSize(int quota) {
        return Rejection.limitExceeded("Cannot exceed quota for PolicySize: " + quota);
    }
}
