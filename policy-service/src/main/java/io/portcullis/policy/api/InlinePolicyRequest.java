package io.portcullis.policy.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT …/inline-policies/{policyName}}. */
public record InlinePolicyRequest(@Schema(description = PolicyApi.DOCUMENT_DESCRIPTION, required = true) JsonNode policyDocument) {

    static final InlinePolicyRequest NONE = new InlinePolicyRequest(null);

    String document() {
        return PolicyDocumentJson.text(policyDocument);
    }
}
