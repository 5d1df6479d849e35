package io.portcullis.policy.domain;

import io.portcullis.iam.AccountId;

/**
 * A fact about one account's policies: payload only (the runtime adds event id, actor, request id, version
 * and time). Attachments name the user by id, which never changes, and by its name at the time.
 */
public sealed interface PolicyEvent {

    AccountId accountId();

    record UserPolicyAttached(AccountId accountId, String userId, String userName, String policyArn) implements PolicyEvent {
    }

    record UserPolicyDetached(AccountId accountId, String userId, String userName, String policyArn) implements PolicyEvent {
    }
}
