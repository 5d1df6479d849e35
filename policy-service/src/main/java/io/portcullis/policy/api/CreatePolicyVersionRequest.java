package io.portcullis.policy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.iam.AccountId;
import io.portcullis.policy.domain.PolicyCommand;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /policies/{policy}/versions}. */
public record CreatePolicyVersionRequest(
        @Schema(description = PolicyApi.DOCUMENT_DESCRIPTION, required = true) JsonNode policyDocument,
        @Schema(description = "Make the new version the one in force; false when absent") Boolean setAsDefault) {

    static final CreatePolicyVersionRequest NONE = new CreatePolicyVersionRequest(null, null);

    PolicyCommand.CreatePolicyVersion toCommand(AccountId account, String policy, Instant createDate) {
        return new PolicyCommand.CreatePolicyVersion(account, policy, PolicyDocumentJson.text(policyDocument),
                Boolean.TRUE.equals(setAsDefault), createDate);
    }
}
