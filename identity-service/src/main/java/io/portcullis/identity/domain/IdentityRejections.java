package io.portcullis.identity.domain;

import io.portcullis.iam.error.Rejection;

/** Every non-shape rejection of the identity directory, worded once so the decider and the REST layer agree. */
public final class IdentityRejections {

    private IdentityRejections() {
    }

    public static Rejection notAMember(String groupName, String userName) {
        return Rejection.noSuchEntity("The user with name " + userName + " is not a member of the group with name " + groupName + ".");
    }

    /** A permissions boundary that names no managed policy of the account or of AWS (IAM's wording). */
    public static Rejection boundaryNotAttachable(String policyArn) {
        return Rejection.noSuchEntity("Scope ARN: " + policyArn + " does not exist or is not attachable.");
    }

    public static Rejection userExists(String userName) {
        return Rejection.entityAlreadyExists("User with name " + userName + " already exists.");
    }

    public static Rejection groupExists(String groupName) {
        return Rejection.entityAlreadyExists("Group with name " + groupName + " already exists.");
    }

    /** A generated id collided with an existing one; the edge should retry with a fresh id. */
    public static Rejection idInUse(String id) {
        return Rejection.entityAlreadyExists("An entity with id " + id + " already exists.");
    }

    public static Rejection userInGroups() {
        return Rejection.deleteConflict("Cannot delete entity, must remove user from all groups first.");
    }

    public static Rejection groupHasMembers() {
        return Rejection.deleteConflict("Cannot delete entity, must remove users from group first.");
    }

    public static Rejection loginProfile() {
        return Rejection.deleteConflict("Cannot delete entity, must delete login profile first.");
    }

    public static Rejection accessKeys() {
        return Rejection.deleteConflict("Cannot delete entity, must delete access keys first.");
    }

    public static Rejection policiesAttached() {
        return Rejection.deleteConflict("Cannot delete entity, must detach all policies first.");
    }

    public static Rejection inlinePolicies() {
        return Rejection.deleteConflict("Cannot delete entity, must delete policies first.");
    }

    public static Rejection userQuota(int limit) {
        return Rejection.limitExceeded("Cannot exceed quota for UsersPerAccount: " + limit + ".");
    }

    public static Rejection groupQuota(int limit) {
        return Rejection.limitExceeded("Cannot exceed quota for GroupsPerAccount: " + limit + ".");
    }

    public static Rejection groupsPerUserQuota(int limit) {
        return Rejection.limitExceeded("Cannot exceed quota for GroupsPerUser: " + limit + ".");
    }
}
