package io.portcullis.policy.api;

import io.portcullis.iam.AccountId;
import io.portcullis.policy.domain.PolicyCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /users/{userName}/attached-policies}: the managed policy to attach. */
public record AttachPolicyRequest(
        @Schema(description = "The managed policy's ARN, e.g. arn:aws:iam::aws:policy/ReadOnlyAccess", minLength = 20, maxLength = 2048,
                required = true) String policyArn) {

    static final AttachPolicyRequest NONE = new AttachPolicyRequest(null);

    PolicyCommand.AttachUserPolicy toCommand(AccountId account, String userName) {
        return new PolicyCommand.AttachUserPolicy(account, userName, policyArn);
    }
}
