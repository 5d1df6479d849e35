package io.portcullis.policy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.policy.domain.PolicyDocuments;
import io.portcullis.policy.domain.PolicyEvent;
import io.portcullis.policy.domain.PolicyQueries.VersionView;
import io.portcullis.policylang.validate.PolicyKind;
import java.time.Instant;
import java.util.List;

/**
 * A policy version (AWS's {@code PolicyVersion}): {@code document} exactly as submitted, absent in listings;
 * {@code warnings} only on the answer to CreatePolicyVersion, when there are any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyVersionResponse(String document, String versionId, @JsonProperty("isDefaultVersion") boolean isDefaultVersion,
                                    Instant createDate, List<WarningEntry> warnings) {

    static PolicyVersionResponse of(VersionView v) {
        return new PolicyVersionResponse(v.document(), v.versionId(), v.isDefaultVersion(), v.createDate(), null);
    }

    static PolicyVersionResponse of(PolicyEvent.PolicyVersionCreated created) {
        return new PolicyVersionResponse(created.document(), created.versionId(), created.setAsDefault(), created.createDate(),
                WarningEntry.nullIfNone(PolicyDocuments.warnings(created.document(), PolicyKind.MANAGED)));
    }
}
