package io.portcullis.policy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.iam.paging.Page;
import io.portcullis.policy.domain.PolicyQueries.AttachedPolicy;
import java.util.List;

/** {@code ListAttachedUserPolicies} / {@code ListAttachedGroupPolicies}; {@code marker} only when truncated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachedPoliciesResponse(List<AttachedPolicy> attachedPolicies, @JsonProperty("isTruncated") boolean isTruncated,
                                       String marker) {

    static AttachedPoliciesResponse of(Page<AttachedPolicy> page) {
        return new AttachedPoliciesResponse(page.items(), page.isTruncated(), page.marker());
    }
}
