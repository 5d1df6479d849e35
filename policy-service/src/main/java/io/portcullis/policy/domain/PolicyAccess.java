package io.portcullis.policy.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.access.AccessRule;
import io.portcullis.iam.access.IamResources;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.directory.Directory;
import io.portcullis.policy.domain.PolicyCommand.AttachGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.AttachUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.CreatePolicy;
import io.portcullis.policy.domain.PolicyCommand.CreatePolicyVersion;
import io.portcullis.policy.domain.PolicyCommand.DeleteGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.DeletePolicy;
import io.portcullis.policy.domain.PolicyCommand.DeletePolicyVersion;
import io.portcullis.policy.domain.PolicyCommand.DeleteUserPermissionsBoundary;
import io.portcullis.policy.domain.PolicyCommand.DeleteUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.DetachGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.DetachUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.PutGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.PutUserPermissionsBoundary;
import io.portcullis.policy.domain.PolicyCommand.PutUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.SetDefaultPolicyVersion;
import io.portcullis.policy.domain.PolicyCommand.TagPolicy;
import io.portcullis.policy.domain.PolicyCommand.UntagPolicy;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What each of policy-service's requests asks to do, in IAM's terms (AWS's Service Authorization Reference for IAM):
 * actions on a managed policy are on its ARN; attaching, detaching, putting and deleting a user's or group's policies
 * are on the user or group (with its path), with {@code iam:PolicyARN} for the managed policy attached or detached, and
 * {@code iam:PermissionsBoundary} as AWS sets it: the boundary asked for when one is set, the boundary the user has for
 * the actions on an existing user's policies (AWS's delegated-administrator pattern decides on it). Creating a policy
 * with tags is also {@code iam:TagPolicy}.
 */
public final class PolicyAccess {

    private static final String BOUNDARY = "iam:PermissionsBoundary";
    private static final String POLICY_ARN = "iam:PolicyARN";

    private PolicyAccess() {
    }

    public static List<RequestedAccess> of(AccountId account, PolicyCommand command, Supplier<PolicyState> state, Supplier<Directory> facts) {
        if (command instanceof CreatePolicy c) {
            String arn = account.policyArn(c.path(), c.policyName());
            RequestedAccess create = RequestedAccess.of("iam:CreatePolicy", arn, account).withRequestTags(c.tags());
            return c.tags().isEmpty() ? List.of(create)
                    : create.and(RequestedAccess.of("iam:TagPolicy", arn, account).withRequestTags(c.tags()));
        } else if (command instanceof CreatePolicyVersion c) {
            return List.of(onPolicy("iam:CreatePolicyVersion", account, c.policy(), state));
        } else if (command instanceof SetDefaultPolicyVersion c) {
            return List.of(onPolicy("iam:SetDefaultPolicyVersion", account, c.policy(), state));
        } else if (command instanceof DeletePolicyVersion c) {
            return List.of(onPolicy("iam:DeletePolicyVersion", account, c.policy(), state));
        } else if (command instanceof DeletePolicy c) {
            return List.of(onPolicy("iam:DeletePolicy", account, c.policy(), state));
        } else if (command instanceof TagPolicy c) {
            return List.of(onPolicy("iam:TagPolicy", account, c.policy(), state).withRequestTags(c.tags()));
        } else if (command instanceof UntagPolicy c) {
            return List.of(onPolicy("iam:UntagPolicy", account, c.policy(), state).with("aws:TagKeys", c.tagKeys()));
        } else if (command instanceof AttachUserPolicy c) {
            return List.of(onBoundedUser("iam:AttachUserPolicy", account, c.userName(), state, facts).with(POLICY_ARN, c.policyArn()));
        } else if (command instanceof DetachUserPolicy c) {
            return List.of(onBoundedUser("iam:DetachUserPolicy", account, c.userName(), state, facts).with(POLICY_ARN, c.policyArn()));
        } else if (command instanceof PutUserPolicy c) {
            return List.of(onBoundedUser("iam:PutUserPolicy", account, c.userName(), state, facts));
        } else if (command instanceof DeleteUserPolicy c) {
            return List.of(onBoundedUser("iam:DeleteUserPolicy", account, c.userName(), state, facts));
        } else if (command instanceof PutUserPermissionsBoundary c) {
            return List.of(onUser("iam:PutUserPermissionsBoundary", account, c.userName(), facts).with(BOUNDARY, c.policyArn()));
        } else if (command instanceof DeleteUserPermissionsBoundary c) {
            return List.of(onBoundedUser("iam:DeleteUserPermissionsBoundary", account, c.userName(), state, facts));
        } else if (command instanceof AttachGroupPolicy c) {
            return List.of(onGroup("iam:AttachGroupPolicy", account, c.groupName(), facts).with(POLICY_ARN, c.policyArn()));
        } else if (command instanceof DetachGroupPolicy c) {
            return List.of(onGroup("iam:DetachGroupPolicy", account, c.groupName(), facts).with(POLICY_ARN, c.policyArn()));
        } else if (command instanceof PutGroupPolicy c) {
            return List.of(onGroup("iam:PutGroupPolicy", account, c.groupName(), facts));
        } else if (command instanceof DeleteGroupPolicy c) {
            return List.of(onGroup("iam:DeleteGroupPolicy", account, c.groupName(), facts));
        }
        // ForgetUser, ForgetGroup and SetCreationBoundary are the service's own reactions: they never come over HTTP.
        throw new IllegalStateException("No access named for policy command " + command.getClass().getName());
    }

    /** ListPolicies, GetAccountAuthorizationDetails: actions on no resource type. */
    public static AccessRule<PolicyState, Directory> onAccount(String action) {
        return AccessRule.of(account -> RequestedAccess.of(action, "*", account));
    }

    /** GetPolicy, ListPolicyVersions, GetPolicyVersion, ListPolicyTags, ListEntitiesForPolicy: on the policy. */
    public static AccessRule<PolicyState, Directory> onPolicy(String action, String policy) {
        return (account, state, facts) -> List.of(onPolicy(action, account, policy, state));
    }

    /** ListAttachedUserPolicies, ListUserPolicies, GetUserPolicy: on the user. */
    public static AccessRule<PolicyState, Directory> onUser(String action, String userName) {
        return (account, state, facts) -> List.of(onUser(action, account, userName, facts));
    }

    /** ListAttachedGroupPolicies, ListGroupPolicies, GetGroupPolicy: on the group. */
    public static AccessRule<PolicyState, Directory> onGroup(String action, String groupName) {
        return (account, state, facts) -> List.of(onGroup(action, account, groupName, facts));
    }

    private static RequestedAccess onPolicy(String action, AccountId account, String policy, Supplier<PolicyState> state) {
        return RequestedAccess.of(action, PolicyQueries.arnOf(account, state.get(), policy), account);
    }

    private static RequestedAccess onUser(String action, AccountId account, String userName, Supplier<Directory> facts) {
        return RequestedAccess.of(action, IamResources.user(account, userName, facts.get().user(userName).map(Directory.Entry::arn)), account);
    }

    /**
     * On the user, with {@code iam:PermissionsBoundary} the boundary it has: policy-service's once it has set or deleted one,
     * until then the one it was created with.
     */
    private static RequestedAccess onBoundedUser(String action, AccountId account, String userName, Supplier<PolicyState> state,
                                                 Supplier<Directory> facts) {
        Optional<Directory.Entry> user = facts.get().user(userName);
        String boundary = user.map(u -> {
            PolicyState now = state.get();
            return now.boundarySaid(u.id()) ? now.user(u.id()).boundaryArn() : u.creationBoundary();
        }).orElse(null);
        return RequestedAccess.of(action, IamResources.user(account, userName, user.map(Directory.Entry::arn)), account).with(BOUNDARY, boundary);
    }

    private static RequestedAccess onGroup(String action, AccountId account, String groupName, Supplier<Directory> facts) {
        return RequestedAccess.of(action, IamResources.group(account, groupName, facts.get().group(groupName).map(Directory.Entry::arn)), account);
    }
}
