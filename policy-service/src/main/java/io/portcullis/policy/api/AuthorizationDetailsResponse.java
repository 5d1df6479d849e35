package io.portcullis.policy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.iam.paging.Page;
import io.portcullis.policy.domain.EntityPolicies.InlinePolicy;
import io.portcullis.policy.domain.PolicyQueries.AttachedPolicy;
import io.portcullis.policy.domain.PolicyQueries.Detail;
import io.portcullis.policy.domain.PolicyQueries.GroupDetail;
import io.portcullis.policy.domain.PolicyQueries.PolicyDetail;
import io.portcullis.policy.domain.PolicyQueries.PolicyView;
import io.portcullis.policy.domain.PolicyQueries.UserDetail;
import io.portcullis.runtime.api.PermissionsBoundary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GetAccountAuthorizationDetails}, in AWS's shape: one page holds users, then groups, then policies;
 * documents are returned as submitted (AWS URL-encodes them; JSON needs no such thing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationDetailsResponse(List<UserDetailEntry> userDetailList, List<GroupDetailEntry> groupDetailList,
                                           List<Object> roleDetailList, List<PolicyDetailEntry> policies,
                                           @JsonProperty("isTruncated") boolean isTruncated, String marker) {

    public record InlineEntry(String policyName, String policyDocument) {
        static List<InlineEntry> of(List<InlinePolicy> inline) {
            return inline.stream().map(p -> new InlineEntry(p.policyName(), p.document())).toList();
        }
    }

    public record UserDetailEntry(String path, String userName, String userId, String arn, List<InlineEntry> userPolicyList,
                                  List<String> groupList, List<AttachedPolicy> attachedManagedPolicies,
                                  PermissionsBoundary permissionsBoundary) {
    }

    public record GroupDetailEntry(String path, String groupName, String groupId, String arn, List<InlineEntry> groupPolicyList,
                                   List<AttachedPolicy> attachedManagedPolicies) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PolicyDetailEntry(String policyName, String policyId, String arn, String path, String defaultVersionId,
                                    int attachmentCount, int permissionsBoundaryUsageCount,
                                    @JsonProperty("isAttachable") boolean isAttachable, String description,
                                    Instant createDate, Instant updateDate,
                                    List<PolicyVersionResponse> policyVersionList) {
    }

    static AuthorizationDetailsResponse of(Page<Detail> page) {
        List<UserDetailEntry> users = new ArrayList<>();
        List<GroupDetailEntry> groups = new ArrayList<>();
        List<PolicyDetailEntry> policies = new ArrayList<>();
        for (Detail detail : page.items()) {
            if (detail instanceof UserDetail u) {
                users.add(new UserDetailEntry(u.path(), u.userName(), u.userId(), u.arn(), InlineEntry.of(u.userPolicyList()),
                        u.groupList(), u.attachedManagedPolicies(), PermissionsBoundary.ofArn(u.permissionsBoundaryArn())));
            } else if (detail instanceof GroupDetail g) {
                groups.add(new GroupDetailEntry(g.path(), g.groupName(), g.groupId(), g.arn(), InlineEntry.of(g.groupPolicyList()),
                        g.attachedManagedPolicies()));
            } else if (detail instanceof PolicyDetail d) {
                PolicyView p = d.policy();
                policies.add(new PolicyDetailEntry(p.policyName(), p.policyId(), p.arn(), p.path(), p.defaultVersionId(),
                        p.attachmentCount(), p.permissionsBoundaryUsageCount(), p.attachable(), p.description(), p.createDate(),
                        p.updateDate(), d.versions().stream().map(PolicyVersionResponse::of).toList()));
            }
        }
        return new AuthorizationDetailsResponse(users, groups, List.of(), policies, page.isTruncated(), page.marker());
    }
}
