package io.portcullis.policy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.iam.paging.Page;
import java.util.List;

/** {@code ListUserPolicies} / {@code ListGroupPolicies}: inline policy names in name order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyNamesResponse(List<String> policyNames, @JsonProperty("isTruncated") boolean isTruncated, String marker) {

    static PolicyNamesResponse of(Page<String> page) {
        return new PolicyNamesResponse(page.items(), page.isTruncated(), page.marker());
    }
}
