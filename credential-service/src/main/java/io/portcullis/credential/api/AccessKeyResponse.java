package io.portcullis.credential.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.credential.domain.AccessKeyStatus;
import io.portcullis.credential.domain.CredentialQueries.KeyMetadata;
import java.time.Instant;

/**
 * An access key as the API shows it (AWS's {@code AccessKey} / {@code AccessKeyMetadata}): {@code secretAccessKey}
 * only in the answer to the request that created the key, and never again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeyResponse(String userName, String accessKeyId, AccessKeyStatus status, String secretAccessKey,
                                Instant createDate) {

    @Override
    public String toString() {
        return "AccessKeyResponse[" + userName + ", " + accessKeyId + ", " + status + "]";
    }

    static AccessKeyResponse of(KeyMetadata key) {
        return new AccessKeyResponse(key.userName(), key.accessKeyId(), key.status(), null, key.createDate());
    }
}
