package io.portcullis.credential.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.credential.domain.CredentialQueries.KeyMetadata;
import io.portcullis.iam.paging.Page;
import java.util.List;

/** {@code ListAccessKeys}: no secrets; {@code marker} only when truncated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeyListResponse(List<AccessKeyResponse> accessKeyMetadata, @JsonProperty("isTruncated") boolean isTruncated,
                                    String marker) {

    static AccessKeyListResponse of(Page<KeyMetadata> page) {
        return new AccessKeyListResponse(page.items().stream().map(AccessKeyResponse::of).toList(), page.isTruncated(), page.marker());
    }
}
