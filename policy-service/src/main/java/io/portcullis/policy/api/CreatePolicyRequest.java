package io.portcullis.policy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.policy.domain.PolicyCommand;
import io.portcullis.policy.domain.PolicyShapes;
import io.portcullis.runtime.api.TagEntry;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /policies}: {@code path} defaults to {@code /}. */
public record CreatePolicyRequest(
        @Schema(description = "Unique in the account, ignoring case", minLength = 1, maxLength = Constraints.MAX_POLICY_NAME,
                pattern = "^" + Constraints.NAME_PATTERN + "$", required = true) String policyName,
        @Schema(description = "e.g. /security/; / when absent", minLength = 1, maxLength = Constraints.MAX_PATH,
                pattern = "^(" + Constraints.PATH_PATTERN + ")$") String path,
        @Schema(maxLength = PolicyShapes.MAX_DESCRIPTION) String description,
        @Schema(description = PolicyApi.DOCUMENT_DESCRIPTION, required = true) JsonNode policyDocument,
        @Schema(maxItems = Constraints.MAX_TAGS) List<TagEntry> tags) {

    static final CreatePolicyRequest NONE = new CreatePolicyRequest(null, null, null, null, null);

    PolicyCommand.CreatePolicy toCommand(AccountId account, String policyId, Instant createDate) {
        return new PolicyCommand.CreatePolicy(account, policyName, path, description, PolicyDocumentJson.text(policyDocument),
                TagEntry.toDomain(tags), policyId, createDate);
    }
}
