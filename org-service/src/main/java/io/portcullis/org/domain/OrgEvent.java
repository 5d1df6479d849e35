package io.portcullis.org.domain;

import java.time.Instant;

/**
 * A fact about an organization: payload only (the runtime adds the envelope, whose account is
 * {@link OrgIds#AGGREGATE}). Each names its organization; together they tell a reader, for any account, the chain of
 * service and resource control policies from the root down to it: the tree (accounts and OUs with their parents)
 * and the attachments (root, OU or account, by id). Policy types are AWS's names ({@code SERVICE_CONTROL_POLICY});
 * target types are {@code ROOT}, {@code ORGANIZATIONAL_UNIT}, {@code ACCOUNT}.
 */
public sealed interface OrgEvent {

    String organizationId();

    record OrganizationCreated(String organizationId, String arn, String featureSet, String managementAccountId,
                               String managementAccountArn, String rootId, String rootArn, Instant createdTimestamp) implements OrgEvent {
    }

    record OrganizationDeleted(String organizationId, String managementAccountId) implements OrgEvent {
    }

    /** The type is enabled in the root; its AWS managed default policy (id, ARN, content) is attached by the events that follow. */
    record PolicyTypeEnabled(String organizationId, String rootId, String policyType, String defaultPolicyId, String defaultPolicyArn,
                             String defaultPolicyContent) implements OrgEvent {
    }

    /** The type is disabled; the detachments of its policies precede this event. */
    record PolicyTypeDisabled(String organizationId, String rootId, String policyType) implements OrgEvent {
    }

    record AccountCreated(String organizationId, String accountId, String arn, String accountName, String email, String parentId,
                          String createAccountRequestId, Instant joinedTimestamp) implements OrgEvent {
    }

    record HandshakeCreated(String organizationId, String handshakeId, String arn, String managementAccountId, String targetAccountId,
                            String notes, Instant requestedTimestamp, Instant expirationTimestamp) implements OrgEvent {
    }

    record HandshakeAccepted(String organizationId, String handshakeId, String targetAccountId) implements OrgEvent {
    }

    record HandshakeDeclined(String organizationId, String handshakeId, String targetAccountId) implements OrgEvent {
    }

    record HandshakeCanceled(String organizationId, String handshakeId, String targetAccountId) implements OrgEvent {
    }

    /** An invited account joined (it follows its {@link HandshakeAccepted}); it sits in the root. */
    record AccountJoined(String organizationId, String accountId, String arn, String parentId, String handshakeId,
                         Instant joinedTimestamp) implements OrgEvent {
    }

    /** The account left the organization ({@code left}: by LeaveOrganization; else removed); its attachments end with it. */
    record AccountRemoved(String organizationId, String accountId, String parentId, boolean left) implements OrgEvent {
    }

    record AccountMoved(String organizationId, String accountId, String sourceParentId, String destinationParentId) implements OrgEvent {
    }

    record OrganizationalUnitCreated(String organizationId, String organizationalUnitId, String arn, String name, String parentId)
            implements OrgEvent {
    }

    record OrganizationalUnitRenamed(String organizationId, String organizationalUnitId, String name) implements OrgEvent {
    }

    /** An empty OU was deleted; its attachments end with it. */
    record OrganizationalUnitDeleted(String organizationId, String organizationalUnitId, String parentId) implements OrgEvent {
    }

    record OrganizationPolicyCreated(String organizationId, String policyId, String arn, String policyType, String name, String description,
                                     String content) implements OrgEvent {
    }

    /** The policy's name, description and content as they are now (all three, changed or not). */
    record OrganizationPolicyUpdated(String organizationId, String policyId, String policyType, String name, String description,
                                     String content) implements OrgEvent {
    }

    record OrganizationPolicyDeleted(String organizationId, String policyId, String policyType) implements OrgEvent {
    }

    record PolicyAttachedToTarget(String organizationId, String policyId, String policyType, String targetId, String targetType)
            implements OrgEvent {
    }

    record PolicyDetachedFromTarget(String organizationId, String policyId, String policyType, String targetId, String targetType)
            implements OrgEvent {
    }
}
