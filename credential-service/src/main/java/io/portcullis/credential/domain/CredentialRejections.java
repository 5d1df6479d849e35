package io.portcullis.credential.domain;

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
}
