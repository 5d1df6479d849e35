package io.portcullis.identity.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.access.IamResources;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.identity.domain.IdentityCommand.AddUserToGroup;
import io.portcullis.identity.domain.IdentityCommand.CreateGroup;
import io.portcullis.identity.domain.IdentityCommand.CreateUser;
import io.portcullis.identity.domain.IdentityCommand.DeleteGroup;
import io.portcullis.identity.domain.IdentityCommand.DeleteUser;
import io.portcullis.identity.domain.IdentityCommand.RemoveUserFromGroup;
import io.portcullis.identity.domain.IdentityCommand.TagUser;
import io.portcullis.identity.domain.IdentityCommand.UntagUser;
import io.portcullis.identity.domain.IdentityCommand.UpdateGroup;
import io.portcullis.identity.domain.IdentityCommand.UpdateUser;
import io.portcullis.iam.access.AccessRule;
import java.util.List;
import java.util.function.Supplier;

/**
 * What each of identity-service's requests asks to do, in IAM's terms (AWS's Service Authorization Reference for IAM):
 * the action, the user's or group's ARN with the path it has, and the request's condition keys. Creating a user with
 * tags is also {@code iam:TagUser} on it, as IAM asks; group membership is an action on the group.
 */
public final class IdentityAccess {

    private IdentityAccess() {
    }

    public static List<RequestedAccess> of(AccountId account, IdentityCommand command, Supplier<IdentityState> state, Supplier<Holdings> facts) {
        if (command instanceof CreateUser c) {
            String arn = account.userArn(c.path(), c.userName());
            RequestedAccess create = RequestedAccess.of("iam:CreateUser", arn, account).withRequestTags(c.tags())
                    .with("iam:PermissionsBoundary", c.permissionsBoundary());
            return c.tags().isEmpty() ? List.of(create) : create.and(RequestedAccess.of("iam:TagUser", arn, account).withRequestTags(c.tags()));
        } else if (command instanceof UpdateUser c) {
            return List.of(onUser("iam:UpdateUser", account, c.userName(), state));
        } else if (command instanceof DeleteUser c) {
            return List.of(onUser("iam:DeleteUser", account, c.userName(), state));
        } else if (command instanceof TagUser c) {
            return List.of(onUser("iam:TagUser", account, c.userName(), state).withRequestTags(c.tags()));
        } else if (command instanceof UntagUser c) {
            return List.of(onUser("iam:UntagUser", account, c.userName(), state).with("aws:TagKeys", c.tagKeys()));
        } else if (command instanceof CreateGroup c) {
            return List.of(RequestedAccess.of("iam:CreateGroup", account.groupArn(c.path(), c.groupName()), account));
        } else if (command instanceof UpdateGroup c) {
            return List.of(onGroup("iam:UpdateGroup", account, c.groupName(), state));
        } else if (command instanceof DeleteGroup c) {
            return List.of(onGroup("iam:DeleteGroup", account, c.groupName(), state));
        } else if (command instanceof AddUserToGroup c) {
            return List.of(onGroup("iam:AddUserToGroup", account, c.groupName(), state));
        } else if (command instanceof RemoveUserFromGroup c) {
            return List.of(onGroup("iam:RemoveUserFromGroup", account, c.groupName(), state));
        }
        throw new IllegalStateException("No access named for identity command " + command.getClass().getName());
    }

    public static AccessRule<IdentityState, Holdings> listUsers() {
        return AccessRule.of(account -> RequestedAccess.of("iam:ListUsers", "*", account));
    }

    public static AccessRule<IdentityState, Holdings> listGroups() {
        return AccessRule.of(account -> RequestedAccess.of("iam:ListGroups", "*", account));
    }

    /** {@code iam:GetUser}, {@code iam:ListUserTags}, {@code iam:ListGroupsForUser}: on the user. */
    public static AccessRule<IdentityState, Holdings> onUser(String action, String userName) {
        return (account, state, facts) -> List.of(onUser(action, account, userName, state));
    }

    /** {@code iam:GetGroup}: on the group. */
    public static AccessRule<IdentityState, Holdings> onGroup(String action, String groupName) {
        return (account, state, facts) -> List.of(onGroup(action, account, groupName, state));
    }

    private static RequestedAccess onUser(String action, AccountId account, String userName, Supplier<IdentityState> state) {
        return RequestedAccess.of(action, IamResources.user(account, userName, state.get().user(userName).map(User::arn)), account);
    }

    private static RequestedAccess onGroup(String action, AccountId account, String groupName, Supplier<IdentityState> state) {
        return RequestedAccess.of(action, IamResources.group(account, groupName, state.get().group(groupName).map(Group::arn)), account);
    }
}
