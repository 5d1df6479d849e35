package io.portcullis.credential.domain;

import java.time.Instant;

/** One access key of a user: its id, status, creation time, and its secret sealed (never the plaintext). */
public record AccessKey(String accessKeyId, AccessKeyStatus status, Instant createDate, String sealedSecret) {

    /** What a key's secret is sealed for (the AES-GCM associated data): its account and its id. */
    public static String secretContext(String accountId, String accessKeyId) {
        return accountId + "/" + accessKeyId;
    }

    AccessKey withStatus(AccessKeyStatus newStatus) {
        return new AccessKey(accessKeyId, newStatus, createDate, sealedSecret);
    }
}
