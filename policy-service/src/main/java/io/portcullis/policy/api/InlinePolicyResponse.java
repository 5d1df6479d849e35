package io.portcullis.policy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.policy.domain.PolicyQueries.InlineView;

/** {@code GetUserPolicy} / {@code GetGroupPolicy}: one of {@code userName} and {@code groupName}; the document as submitted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InlinePolicyResponse(String userName, String groupName, String policyName, String policyDocument) {

    static InlinePolicyResponse ofUser(InlineView v) {
        return new InlinePolicyResponse(v.entityName(), null, v.policyName(), v.document());
    }

    static InlinePolicyResponse ofGroup(InlineView v) {
        return new InlinePolicyResponse(null, v.entityName(), v.policyName(), v.document());
    }
}
