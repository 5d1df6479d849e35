package io.portcullis.org.domain;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;

/** Every rejection of org-service, with AWS Organizations' exception names, messages and reasons. */
public final class OrgRejections {

    private OrgRejections() {
    }

    public static Rejection notInUse() {
        return new Rejection(IamErrorCode.AWS_ORGANIZATIONS_NOT_IN_USE, "Your account is not a member of an organization.");
    }

    public static Rejection accessDenied() {
        return new Rejection(IamErrorCode.ORGANIZATIONS_ACCESS_DENIED, "You don't have permissions to access this resource.");
    }

    public static Rejection alreadyInOrganization() {
        return new Rejection(IamErrorCode.ALREADY_IN_ORGANIZATION, "This account is already a member of an organization.");
    }

    public static Rejection organizationNotEmpty() {
        return new Rejection(IamErrorCode.ORGANIZATION_NOT_EMPTY,
                "To delete an organization you must first remove all member accounts (except the management account).");
    }

    public static Rejection managementCannotLeave() {
        return new Rejection(IamErrorCode.MASTER_CANNOT_LEAVE_ORGANIZATION, "You can't remove a management account from an organization."
                + " If you want the management account to become a member account in another organization, you must first delete the"
                + " current organization of the management account.");
    }

    public static Rejection accountNotFound() {
        return new Rejection(IamErrorCode.ACCOUNT_NOT_FOUND, "You specified an account that doesn't exist.");
    }

    public static Rejection createAccountStatusNotFound() {
        return new Rejection(IamErrorCode.CREATE_ACCOUNT_STATUS_NOT_FOUND,
                "We can't find a create account request with the CreateAccountRequestId that you specified.");
    }

    public static Rejection childNotFound() {
        return new Rejection(IamErrorCode.CHILD_NOT_FOUND, "We can't find an organizational unit (OU) or AWS account with the ChildId"
                + " that you specified.");
    }

    public static Rejection parentNotFound() {
        return new Rejection(IamErrorCode.PARENT_NOT_FOUND, "We can't find a root or OU with the ParentId that you specified.");
    }

    public static Rejection sourceParentNotFound() {
        return new Rejection(IamErrorCode.SOURCE_PARENT_NOT_FOUND, "We can't find a source root or OU with the ParentId that you specified.");
    }

    public static Rejection destinationParentNotFound() {
        return new Rejection(IamErrorCode.DESTINATION_PARENT_NOT_FOUND,
                "We can't find the destination container (a root or OU) with the ParentId that you specified.");
    }

    public static Rejection duplicateAccount() {
        return new Rejection(IamErrorCode.DUPLICATE_ACCOUNT, "That account is already present in the specified destination.");
    }

    public static Rejection organizationalUnitNotFound() {
        return new Rejection(IamErrorCode.ORGANIZATIONAL_UNIT_NOT_FOUND,
                "We can't find an OU with the OrganizationalUnitId that you specified.");
    }

    public static Rejection duplicateOrganizationalUnit() {
        return new Rejection(IamErrorCode.DUPLICATE_ORGANIZATIONAL_UNIT, "An OU with the same name already exists.");
    }

    public static Rejection organizationalUnitNotEmpty() {
        return new Rejection(IamErrorCode.ORGANIZATIONAL_UNIT_NOT_EMPTY, "The specified OU is not empty. Move all accounts to another"
                + " root or to other OUs, remove all child OUs, and try the operation again.");
    }

    public static Rejection rootNotFound() {
        return new Rejection(IamErrorCode.ROOT_NOT_FOUND, "We can't find a root with the RootId that you specified.");
    }

    public static Rejection policyNotFound() {
        return new Rejection(IamErrorCode.POLICY_NOT_FOUND, "We can't find a policy with the PolicyId that you specified.");
    }

    public static Rejection duplicatePolicy() {
        return new Rejection(IamErrorCode.DUPLICATE_POLICY, "A policy with the same name already exists.");
    }

    public static Rejection policyInUse() {
        return new Rejection(IamErrorCode.POLICY_IN_USE, "The policy is attached to one or more entities. You must detach it from all"
                + " roots, OUs, and accounts before performing this operation.");
    }

    public static Rejection duplicatePolicyAttachment() {
        return new Rejection(IamErrorCode.DUPLICATE_POLICY_ATTACHMENT, "The selected policy is already attached to the specified target.");
    }

    public static Rejection policyNotAttached() {
        return new Rejection(IamErrorCode.POLICY_NOT_ATTACHED, "The policy isn't attached to the specified target in the specified root.");
    }

    public static Rejection targetNotFound() {
        return new Rejection(IamErrorCode.TARGET_NOT_FOUND, "We can't find a root, OU, account, or email address with the TargetId"
                + " that you specified.");
    }

    public static Rejection policyTypeAlreadyEnabled() {
        return new Rejection(IamErrorCode.POLICY_TYPE_ALREADY_ENABLED, "The specified policy type is already enabled in the specified root.");
    }

    public static Rejection policyTypeNotEnabled() {
        return new Rejection(IamErrorCode.POLICY_TYPE_NOT_ENABLED, "The specified policy type isn't currently enabled in this root. You"
                + " can't attach policies of the specified type to entities in a root until you enable that type in the root.");
    }

    /** The first problem the policy library found, and where. */
    public static Rejection malformedPolicy(String detail) {
        return new Rejection(IamErrorCode.MALFORMED_ORGANIZATION_POLICY,
                "The provided policy document doesn't meet the requirements of the specified policy type: " + detail);
    }

    public static Rejection handshakeNotFound() {
        return new Rejection(IamErrorCode.HANDSHAKE_NOT_FOUND, "We can't find a handshake with the HandshakeId that you specified.");
    }

    public static Rejection invitedAccountInAnOrganization() {
        return new Rejection(IamErrorCode.HANDSHAKE_CONSTRAINT_VIOLATION, "The handshake request is invalid because the invited account"
                + " is already a member of an organization.", "ALREADY_IN_AN_ORGANIZATION");
    }

    public static Rejection invitationsOverAccountLimit() {
        return new Rejection(IamErrorCode.HANDSHAKE_CONSTRAINT_VIOLATION, "You can't issue new invitations to join an organization while"
                + " it already contains the maximum number of accounts.", "ACCOUNT_NUMBER_LIMIT_EXCEEDED");
    }

    public static Rejection invalidHandshakeTransition() {
        return new Rejection(IamErrorCode.INVALID_HANDSHAKE_TRANSITION, "You can't perform the operation on the handshake in its current"
                + " state. For example, you can't cancel a handshake that was already accepted or accept a handshake that was already"
                + " declined.");
    }

    public static Rejection handshakeAlreadyInState() {
        return new Rejection(IamErrorCode.HANDSHAKE_ALREADY_IN_STATE, "The specified handshake is already in the requested state. For"
                + " example, you can't accept a handshake that was already accepted.");
    }

    public static Rejection duplicateHandshake() {
        return new Rejection(IamErrorCode.DUPLICATE_HANDSHAKE, "A handshake with the same action and target already exists: the invited"
                + " account already has a pending invitation from this organization.");
    }

    /** {@code ConstraintViolationException} with one of AWS's reasons ({@link Constraint}). */
    public static Rejection constraint(Constraint reason) {
        return new Rejection(IamErrorCode.CONSTRAINT_VIOLATION, reason.message, reason.name());
    }

    public static Rejection emailInUse() {
        return new Rejection(IamErrorCode.CONSTRAINT_VIOLATION, "An account with that email address already exists. Each account needs"
                + " its own email address.", "EMAIL_ALREADY_EXISTS");
    }

    /** {@code InvalidInputException} with one of AWS's reasons, naming the parameter. */
    public static Rejection invalidInput(String reason, String message, String parameter) {
        return new Rejection(IamErrorCode.ORGANIZATIONS_INVALID_INPUT, message + " Parameter: " + parameter + ".", reason);
    }

    /** AWS's reasons for {@code ConstraintViolationException}, with its messages. */
    public enum Constraint {
        ACCOUNT_NUMBER_LIMIT_EXCEEDED("You attempted to exceed the limit on the number of accounts in an organization."),
        OU_NUMBER_LIMIT_EXCEEDED("You attempted to exceed the number of OUs that you can have in an organization."),
        OU_DEPTH_LIMIT_EXCEEDED("You attempted to create an OU tree that is too many levels deep."),
        POLICY_NUMBER_LIMIT_EXCEEDED("You attempted to exceed the number of policies that you can have in an organization."),
        POLICY_CONTENT_LIMIT_EXCEEDED("You attempted to create a policy that is larger than the maximum size."),
        MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED("You attempted to exceed the number of policies of a certain type that can be attached"
                + " to an entity at one time."),
        MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED("You attempted to detach a policy from an entity that would cause the entity to have"
                + " fewer than the minimum number of policies of a certain type required.");

        private final String message;

        Constraint(String message) {
            this.message = message;
        }
    }
}
