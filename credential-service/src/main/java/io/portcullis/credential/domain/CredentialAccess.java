package io.portcullis.credential.domain;

import io.portcullis.credential.domain.CredentialCommand.ChangePassword;
import io.portcullis.credential.domain.CredentialCommand.CreateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.DeleteAccessKey;
import io.portcullis.credential.domain.CredentialCommand.DeleteAccountPasswordPolicy;
import io.portcullis.credential.domain.CredentialCommand.DeleteLoginProfile;
import io.portcullis.credential.domain.CredentialCommand.ForgetUser;
import io.portcullis.credential.domain.CredentialCommand.MeetKeyDeadlines;
import io.portcullis.credential.domain.CredentialCommand.PutLoginProfile;
import io.portcullis.credential.domain.CredentialCommand.RecordAccessKeyUse;
import io.portcullis.credential.domain.CredentialCommand.RotateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.UpdateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.UpdateAccountPasswordPolicy;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.access.AccessRule;
import io.portcullis.iam.access.IamResources;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.directory.Directory;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What each of credential-service's requests asks to do, in IAM's terms (AWS's Service Authorization Reference for
 * IAM): access keys and login profiles are actions on their user's ARN, with the path identity-service gave it (what a
 * path-scoped policy such as {@code user/division_abc/*} matches); the account password policy and the credential report
 * are on {@code *}. Rotation, the suite's own compound operation, creates a key and deactivates one, so it asks for
 * both. Of the suite's services, only authz-service may report a key's use: it verified the signature that used it
 * (the account's own root, which IAM lets do anything in its account, is not kept out by a resource policy).
 */
public final class CredentialAccess {

    /** The one service that verifies signatures, and so the one that knows when a key was used. */
    static final List<String> KEY_USE_REPORTERS = List.of("authz-service");

    private CredentialAccess() {
    }

    public static List<RequestedAccess> of(AccountId account, CredentialCommand command, Supplier<CredentialState> state,
                                           Supplier<Directory> facts) {
        if (command instanceof CreateAccessKey c) {
            return List.of(onUser("iam:CreateAccessKey", account, c.userName(), facts));
        } else if (command instanceof UpdateAccessKey c) {
            return List.of(onUser("iam:UpdateAccessKey", account, c.userName(), facts));
        } else if (command instanceof DeleteAccessKey c) {
            return List.of(onUser("iam:DeleteAccessKey", account, c.userName(), facts));
        } else if (command instanceof RotateAccessKey c) {
            return onUser("iam:CreateAccessKey", account, c.userName(), facts)
                    .and(onUser("iam:UpdateAccessKey", account, c.userName(), facts));
        } else if (command instanceof PutLoginProfile c) {
            return putLoginProfile(c.userName()).of(account, state, facts);
        } else if (command instanceof DeleteLoginProfile c) {
            return List.of(onUser("iam:DeleteLoginProfile", account, c.userName(), facts));
        } else if (command instanceof ChangePassword c) {
            return changePassword(c.userName()).of(account, state, facts);
        } else if (command instanceof UpdateAccountPasswordPolicy) {
            return List.of(RequestedAccess.of("iam:UpdateAccountPasswordPolicy", "*", account));
        } else if (command instanceof DeleteAccountPasswordPolicy) {
            return List.of(RequestedAccess.of("iam:DeleteAccountPasswordPolicy", "*", account));
        } else if (command instanceof RecordAccessKeyUse) {
            return List.of(recordAccessKeyUse(account));
        } else if (command instanceof MeetKeyDeadlines || command instanceof ForgetUser) {
            // Deadlines and reactions are sent by the service itself, never through the edge: one arriving here is a bug.
            throw new IllegalStateException(command.getClass().getSimpleName() + " is the service's own, never a request's");
        }
        throw new IllegalStateException("No access named for credential command " + command.getClass().getName());
    }

    /**
     * {@code iam:CreateLoginProfile} for a user without a console password, {@code iam:UpdateLoginProfile} for one that
     * has it: the one route does both, as the state decides, so the caller needs the permission for what it will do.
     */
    public static AccessRule<CredentialState, Directory> putLoginProfile(String userName) {
        return (account, state, facts) -> {
            Optional<Directory.Entry> user = facts.get().user(userName);
            boolean hasProfile = user.flatMap(u -> state.get().loginProfile(u.id())).isPresent();
            return List.of(onUser(hasProfile ? "iam:UpdateLoginProfile" : "iam:CreateLoginProfile", account, userName, user));
        };
    }

    /** {@code iam:ChangePassword} on the user: in AWS a user changes its own password, allowed by its own policy. */
    public static AccessRule<CredentialState, Directory> changePassword(String userName) {
        return onUser("iam:ChangePassword", userName);
    }

    public static AccessRule<CredentialState, Directory> listAccessKeys(String userName) {
        return onUser("iam:ListAccessKeys", userName);
    }

    public static AccessRule<CredentialState, Directory> getLoginProfile(String userName) {
        return onUser("iam:GetLoginProfile", userName);
    }

    public static AccessRule<CredentialState, Directory> getAccountPasswordPolicy() {
        return AccessRule.of(account -> RequestedAccess.of("iam:GetAccountPasswordPolicy", "*", account));
    }

    public static AccessRule<CredentialState, Directory> generateCredentialReport() {
        return AccessRule.of(account -> RequestedAccess.of("iam:GenerateCredentialReport", "*", account));
    }

    public static AccessRule<CredentialState, Directory> getCredentialReport() {
        return AccessRule.of(account -> RequestedAccess.of("iam:GetCredentialReport", "*", account));
    }

    /**
     * {@code iam:GetAccessKeyLastUsed} on the user who holds the key (the route names the key alone). A key the account
     * does not hold has no user to name: the request is then on {@code *}, and one allowed it learns only that the key
     * does not exist. A holder identity-service has just deleted (its keys not yet forgotten) is named at the root path.
     */
    public static AccessRule<CredentialState, Directory> getAccessKeyLastUsed(String accessKeyId) {
        return (account, state, facts) -> {
            Optional<String> holder = accessKeyId == null ? Optional.empty() : state.get().ownerOf(accessKeyId);
            String resource = holder.map(userId -> IamResources.user(account, state.get().keysOf(userId).userName(),
                    facts.get().userById(userId).map(Directory.Entry::arn))).orElse("*");
            return List.of(RequestedAccess.of("iam:GetAccessKeyLastUsed", resource, account));
        };
    }

    /**
     * A suite-internal route, yet one that writes into the path's account: the access names that account, so that it is
     * decided as a request in it (an internal access in no account is taken to be in the caller's own, which would let
     * any account's root report uses of every other account's keys).
     */
    private static RequestedAccess recordAccessKeyUse(AccountId account) {
        RequestedAccess internal = RequestedAccess.internal("portcullis:RecordAccessKeyUse", KEY_USE_REPORTERS);
        return new RequestedAccess(internal.action(), internal.resource(), account, internal.context(), internal.resourcePolicy());
    }

    private static AccessRule<CredentialState, Directory> onUser(String action, String userName) {
        return (account, state, facts) -> List.of(onUser(action, account, userName, facts));
    }

    private static RequestedAccess onUser(String action, AccountId account, String userName, Supplier<Directory> facts) {
        return onUser(action, account, userName, facts.get().user(userName));
    }

    private static RequestedAccess onUser(String action, AccountId account, String userName, Optional<Directory.Entry> user) {
        return RequestedAccess.of(action, IamResources.user(account, userName, user.map(Directory.Entry::arn)), account);
    }
}
