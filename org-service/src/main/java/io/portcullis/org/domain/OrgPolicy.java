package io.portcullis.org.domain;

/**
 * A policy of an organization (or, {@code awsManaged}, one of AWS's default policies, shared by every organization,
 * whose {@code organizationId} is then null).
 */
public record OrgPolicy(String organizationId, String id, String arn, String name, String description, OrgPolicyType type,
                        String content, boolean awsManaged) {

    OrgPolicy updated(String newName, String newDescription, String newContent) {
        return new OrgPolicy(organizationId, id, arn, newName, newDescription, type, newContent, awsManaged);
    }
}
