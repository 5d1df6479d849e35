package io.portcullis.policy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.iam.paging.Page;
import io.portcullis.policy.domain.PolicyQueries.VersionView;
import java.util.List;

/** {@code ListPolicyVersions}: newest first, without documents. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyVersionListResponse(List<PolicyVersionResponse> versions, @JsonProperty("isTruncated") boolean isTruncated,
                                        String marker) {

    static PolicyVersionListResponse of(Page<VersionView> page) {
        return new PolicyVersionListResponse(page.items().stream().map(PolicyVersionResponse::of).toList(), page.isTruncated(),
                page.marker());
    }
}
