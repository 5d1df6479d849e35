package io.portcullis.credential.domain;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;

/** Every non-shape rejection of credential-service, worded as IAM words them. */
public final class CredentialRejections {

    /** AWS's quota "Access keys assigned to an IAM user". */
    public static final int ACCESS_KEYS_PER_USER = 2;

    private CredentialRejections() {
    }

    public static Rejection accessKeysQuota() {
        return Rejection.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + ACCESS_KEYS_PER_USER);
    }

    public static Rejection noSuchAccessKey(String accessKeyId) {
        return Rejection.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }

    public static Rejection idInUse(String accessKeyId) {
        return Rejection.entityAlreadyExists("The access key id " + accessKeyId + " is already in use.");
    }

    /** Rotating while the user's other key is still Active would leave three keys or cut off a key in use. */
    public static Rejection otherKeyActive(String otherAccessKeyId) {
        return Rejection.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + ACCESS_KEYS_PER_USER
                + ". Deactivate or delete access key " + otherAccessKeyId + " before rotating.");
    }

    public static Rejection noLoginProfile(String userName) {
        return Rejection.noSuchEntity("Login Profile for User " + userName + " cannot be found.");
    }

    public static Rejection passwordRequired() {
        return Rejection.validationError("1 validation error detected: Value null at 'password' failed to satisfy constraint:"
                + " Member must not be null");
    }

    /** AWS's message, with which rule the password broke. */
    public static Rejection passwordPolicyViolation(String reason) {
        return new Rejection(IamErrorCode.PASSWORD_POLICY_VIOLATION, "Password does not conform to the account password policy: "
                + reason + ".");
    }

    public static Rejection wrongOldPassword() {
        return Rejection.invalidInput("The old password is incorrect.");
    }

    /** The current password changed between the edge's check of the old one and the decision. */
    public static Rejection passwordChangedMeanwhile() {
        return new Rejection(IamErrorCode.CONCURRENT_MODIFICATION, "The password was changed by another request; retry.");
    }

    public static Rejection usersMayNotChangePasswords() {
        return new Rejection(IamErrorCode.ACCESS_DENIED, "The account password policy does not allow users to change their own password.");
    }

    public static Rejection noPasswordPolicy(String accountId) {
        return Rejection.noSuchEntity("The Password Policy with domain name " + accountId + " cannot be found.");
    }
}
