package io.portcullis.policy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.iam.paging.Page;
import io.portcullis.policy.domain.PolicyQueries.PolicyView;
import java.util.List;

/** {@code ListPolicies}; {@code marker} only when truncated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyListResponse(List<PolicyResponse> policies, @JsonProperty("isTruncated") boolean isTruncated, String marker) {

    static PolicyListResponse of(Page<PolicyView> page) {
        return new PolicyListResponse(page.items().stream().map(PolicyResponse::of).toList(), page.isTruncated(), page.marker());
    }
}
