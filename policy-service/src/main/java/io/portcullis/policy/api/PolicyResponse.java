package io.portcullis.policy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.policy.domain.PolicyDocuments;
import io.portcullis.policy.domain.PolicyEvent;
import io.portcullis.policy.domain.PolicyQueries.PolicyView;
import io.portcullis.policylang.validate.PolicyKind;
import io.portcullis.runtime.api.TagEntry;
import java.time.Instant;
import java.util.List;

/**
 * A managed policy as the API shows it (AWS's {@code Policy} in camelCase). {@code warnings} only on the
 * answer to CreatePolicy, and only when the policy library found constructs AWS accepts but discourages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyResponse(String policyName, String policyId, String arn, String path, String defaultVersionId,
                             int attachmentCount, int permissionsBoundaryUsageCount,
                             @JsonProperty("isAttachable") boolean isAttachable, String description, Instant createDate,
                             Instant updateDate, List<TagEntry> tags, List<WarningEntry> warnings) {

    static PolicyResponse of(PolicyView p) {
        return new PolicyResponse(p.policyName(), p.policyId(), p.arn(), p.path(), p.defaultVersionId(), p.attachmentCount(),
                p.permissionsBoundaryUsageCount(), p.attachable(), p.description(), p.createDate(), p.updateDate(),
                TagEntry.fromDomain(p.tags()), null);
    }

    static PolicyResponse of(PolicyEvent.PolicyCreated created) {
        return new PolicyResponse(created.policyName(), created.policyId(), created.arn(), created.path(), created.versionId(), 0, 0,
                true, created.description(), created.createDate(), created.createDate(), TagEntry.fromDomain(created.tags()),
                WarningEntry.nullIfNone(PolicyDocuments.warnings(created.document(), PolicyKind.MANAGED)));
    }
}
