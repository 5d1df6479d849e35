package io.portcullis.credential.domain;

import io.portcullis.iam.AccountId;
import java.time.Instant;

/**
 * A fact about one account's credentials: payload only (the runtime adds the envelope). Users are named by
 * id and by their name at the time; secrets travel sealed, since authz-service verifies signatures with them.
 */
public sealed interface CredentialEvent {

    AccountId accountId();

    record AccessKeyCreated(AccountId accountId, String userId, String userName, String accessKeyId, String sealedSecret,
                            AccessKeyStatus status, Instant createDate) implements CredentialEvent {
    }

    record AccessKeyStatusChanged(AccountId accountId, String userId, String userName, String accessKeyId, AccessKeyStatus status)
            implements CredentialEvent {
    }

    /** The new key is Active and the old one Inactive from now on. */
    record KeyRotated(AccountId accountId, String userId, String userName, String oldAccessKeyId, String newAccessKeyId,
                      String sealedSecret, Instant createDate) implements CredentialEvent {
    }

    record AccessKeyDeleted(AccountId accountId, String userId, String userName, String accessKeyId) implements CredentialEvent {
    }
}
