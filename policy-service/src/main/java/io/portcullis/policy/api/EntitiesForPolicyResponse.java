package io.portcullis.policy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.policy.domain.PolicyQueries.EntitiesForPolicy;
import java.util.List;

/** {@code ListEntitiesForPolicy}: every list present, empty when nothing of that kind uses the policy (no roles yet). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntitiesForPolicyResponse(List<PolicyUser> policyUsers, List<PolicyGroup> policyGroups, List<Object> policyRoles,
                                        @JsonProperty("isTruncated") boolean isTruncated, String marker) {

    public record PolicyUser(String userName, String userId) {
    }

    public record PolicyGroup(String groupName, String groupId) {
    }

    static EntitiesForPolicyResponse of(EntitiesForPolicy e) {
        return new EntitiesForPolicyResponse(e.users().stream().map(u -> new PolicyUser(u.name(), u.id())).toList(),
                e.groups().stream().map(g -> new PolicyGroup(g.name(), g.id())).toList(), List.of(), e.isTruncated(), e.marker());
    }
}
