package io.portcullis.policy.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import java.time.Instant;
import java.util.List;

/**
 * A fact about one account's policies: payload only (the runtime adds event id, actor, request id, version
 * and time). Users and groups are named by id, which never changes, and by their name at the time;
 * documents travel exactly as submitted, since authz-service builds its model from these events alone.
 */
public sealed interface PolicyEvent {

    AccountId accountId();

    record PolicyCreated(AccountId accountId, String policyId, String policyName, String path, String arn, String description,
                         String document, String versionId, Instant createDate, List<Tag> tags) implements PolicyEvent {
    }

    record PolicyVersionCreated(AccountId accountId, String policyId, String policyArn, String versionId, String document,
                                boolean setAsDefault, Instant createDate) implements PolicyEvent {
    }

    record PolicyDefaultVersionSet(AccountId accountId, String policyId, String policyArn, String versionId,
                                   String previousVersionId, Instant updateDate) implements PolicyEvent {
    }

    record PolicyVersionDeleted(AccountId accountId, String policyId, String policyArn, String versionId) implements PolicyEvent {
    }

    record PolicyDeleted(AccountId accountId, String policyId, String policyName, String policyArn) implements PolicyEvent {
    }

    record PolicyTagged(AccountId accountId, String policyId, String policyArn, List<Tag> tags) implements PolicyEvent {
    }

    record PolicyUntagged(AccountId accountId, String policyId, String policyArn, List<String> tagKeys) implements PolicyEvent {
    }

    record UserPolicyAttached(AccountId accountId, String userId, String userName, String policyArn) implements PolicyEvent {
    }

    record UserPolicyDetached(AccountId accountId, String userId, String userName, String policyArn) implements PolicyEvent {
    }

    record GroupPolicyAttached(AccountId accountId, String groupId, String groupName, String policyArn) implements PolicyEvent {
    }

    record GroupPolicyDetached(AccountId accountId, String groupId, String groupName, String policyArn) implements PolicyEvent {
    }

    record UserInlinePolicyPut(AccountId accountId, String userId, String userName, String policyName, String document)
            implements PolicyEvent {
    }

    record UserInlinePolicyDeleted(AccountId accountId, String userId, String userName, String policyName) implements PolicyEvent {
    }

    record GroupInlinePolicyPut(AccountId accountId, String groupId, String groupName, String policyName, String document)
            implements PolicyEvent {
    }

    record GroupInlinePolicyDeleted(AccountId accountId, String groupId, String groupName, String policyName)
            implements PolicyEvent {
    }

    record UserPermissionsBoundarySet(AccountId accountId, String userId, String userName, String policyArn)
            implements PolicyEvent {
    }

    record UserPermissionsBoundaryDeleted(AccountId accountId, String userId, String userName, String policyArn)
            implements PolicyEvent {
    }
}
