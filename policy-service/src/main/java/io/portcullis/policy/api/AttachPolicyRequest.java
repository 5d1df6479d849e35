package io.portcullis.policy.api;

import io.portcullis.iam.AccountId;
import io.portcullis.policy.domain.PolicyCommand;

/** {@code POST /users/{userName}/attached-policies}: the managed policy to attach. */
public record AttachPolicyRequest(String policyArn) {

    static final AttachPolicyRequest NONE = new AttachPolicyRequest(null);

    PolicyCommand.AttachUserPolicy toCommand(AccountId account, String userName) {
        return new PolicyCommand.AttachUserPolicy(account, userName, policyArn);
    }
}
