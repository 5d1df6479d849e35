package io.portcullis.credential.domain;

import java.time.Instant;

/**
 * One access key of a user: its id, status, creation time, its secret sealed (never the plaintext), when a rotation's
 * grace period ends (null: no deadline), and its last recorded use (null: never used).
 */
public record AccessKey(String accessKeyId, AccessKeyStatus status, Instant createDate, String sealedSecret, Instant deactivateAt,
                        AccessKeyUse lastUsed) {

    public AccessKey(String accessKeyId, AccessKeyStatus status, Instant createDate, String sealedSecret) {
        this(accessKeyId, status, createDate, sealedSecret, null, null);
    }

    /** What a key's secret is sealed for (the AES-GCM associated data): its account and its id. */
    public static String secretContext(String accountId, String accessKeyId) {
        return accountId + "/" + accessKeyId;
    }

    /** A status set by anyone ends a pending grace period: the key's status is what was last decided. */
    AccessKey withStatus(AccessKeyStatus newStatus) {
        return new AccessKey(accessKeyId, newStatus, createDate, sealedSecret, null, lastUsed);
    }

    AccessKey deactivatedAt(Instant deadline) {
        return new AccessKey(accessKeyId, status, createDate, sealedSecret, deadline, lastUsed);
    }

    AccessKey usedAt(AccessKeyUse use) {
        return new AccessKey(accessKeyId, status, createDate, sealedSecret, deactivateAt, use);
    }
}
