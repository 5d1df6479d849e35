package io.portcullis.policy.domain;

import io.portcullis.iam.decider.Decider;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.Rejection;
import io.portcullis.policy.domain.PolicyCommand.AttachUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.DetachUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.ForgetUser;
import io.portcullis.policy.domain.PolicyEvent.UserPolicyAttached;
import io.portcullis.policy.domain.PolicyEvent.UserPolicyDetached;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides commands against one account's policies and what identity-service says of its users
 * ({@link Directory}, fresh up to everything identity-service had written for the account when the command
 * is decided): a policy is attached only to a user that exists, at most {@value PolicyRejections#POLICIES_PER_USER}
 * to one user; attaching an attached policy changes nothing, as in AWS.
 */
public final class PolicyDecider implements Decider<PolicyCommand, PolicyState, Directory, PolicyEvent> {

    @Override
    public PolicyState initialState() {
        return PolicyState.empty();
    }

    @Override
    public Decision<PolicyEvent> decide(PolicyCommand command, PolicyState state, Directory directory) {
        Optional<Rejection> invalid = command.validate();
        if (invalid.isPresent()) {
            return Decision.reject(invalid.get());
        }
        if (command instanceof AttachUserPolicy c) {
            return attachUserPolicy(c, state, directory);
        } else if (command instanceof DetachUserPolicy c) {
            return detachUserPolicy(c, state, directory);
        } else if (command instanceof ForgetUser c) {
            return forgetUser(c, state);
        }
        throw new IllegalStateException("Unhandled policy command " + command.getClass().getName());
    }

    @Override
    public PolicyState evolve(PolicyState state, PolicyEvent event) {
        if (event instanceof UserPolicyAttached e) {
            return state.withAttachment(e.userId(), e.userName(), e.policyArn());
        } else if (event instanceof UserPolicyDetached e) {
            return state.withoutAttachment(e.userId(), e.policyArn());
        }
        throw new IllegalStateException("Unhandled policy event " + event.getClass().getName());
    }

    private Decision<PolicyEvent> attachUserPolicy(AttachUserPolicy c, PolicyState state, Directory directory) {
        return withUser(directory, c.userName(), user -> {
            if (!AwsManagedPolicies.isOne(c.policyArn())) {
                return Decision.reject(PolicyRejections.notAttachable(c.policyArn()));
            }
            List<String> attached = state.attachedTo(user.id());
            if (attached.contains(c.policyArn())) {
                return Decision.accept(List.of());
            }
            if (attached.size() >= PolicyRejections.POLICIES_PER_USER) {
                return Decision.reject(PolicyRejections.policiesPerUserQuota());
            }
            return Decision.accept(new UserPolicyAttached(c.accountId(), user.id(), user.name(), c.policyArn()));
        });
    }

    private Decision<PolicyEvent> detachUserPolicy(DetachUserPolicy c, PolicyState state, Directory directory) {
        return withUser(directory, c.userName(), user -> {
            if (!state.attachedTo(user.id()).contains(c.policyArn())) {
                return Decision.reject(PolicyRejections.notAttached(c.policyArn()));
            }
            return Decision.accept(new UserPolicyDetached(c.accountId(), user.id(), user.name(), c.policyArn()));
        });
    }

    /** Everything still attached to a deleted user goes; the user's last known name travels in the events. */
    private Decision<PolicyEvent> forgetUser(ForgetUser c, PolicyState state) {
        return Decision.accept(state.attachedTo(c.userId()).stream()
                .<PolicyEvent>map(arn -> new UserPolicyDetached(c.accountId(), c.userId(), state.lastKnownName(c.userId()), arn))
                .toList());
    }

    /** Decides against the named user as identity-service has it; NoSuchEntity when there is none. */
    private static Decision<PolicyEvent> withUser(Directory directory, String userName,
                                                  Function<Directory.Entry, Decision<PolicyEvent>> decide) {
        return directory.user(userName).map(decide).orElseGet(() -> Decision.reject(Rejection.noSuchUser(userName)));
    }
}
