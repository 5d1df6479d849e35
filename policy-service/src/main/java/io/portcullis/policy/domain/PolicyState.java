package io.portcullis.policy.domain;

import io.portcullis.iam.persistent.PersistentTreeMap;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's policies, immutable: today the managed policies attached to each user, by user id, in
 * the order they were attached, with the user's name as the last attachment event gave it. A user's
 * attachments are at most ten, so copying the list is cheap.
 */
public final class PolicyState {

    private static final PolicyState EMPTY = new PolicyState(PersistentTreeMap.empty());

    private final PersistentTreeMap<UserAttachments> byUserId;

    /** What is attached to one user. */
    public record UserAttachments(String userName, List<String> policyArns) {
        public UserAttachments {
            policyArns = List.copyOf(policyArns);
        }
    }

    private PolicyState(PersistentTreeMap<UserAttachments> byUserId) {
        this.byUserId = byUserId;
    }

    public static PolicyState empty() {
        return EMPTY;
    }

    /** The ARNs of the managed policies attached to the user, in the order attached. */
    public List<String> attachedTo(String userId) {
        UserAttachments attached = byUserId.get(userId);
        return attached == null ? List.of() : attached.policyArns();
    }

    /** The user's name as the events that attached its policies knew it; empty when nothing is attached. */
    public String lastKnownName(String userId) {
        UserAttachments attached = byUserId.get(userId);
        return attached == null ? "" : attached.userName();
    }

    // Transitions, used by evolve; each is total, so a replayed topic always folds.

    PolicyState withAttachment(String userId, String userName, String policyArn) {
        List<String> after = new ArrayList<>(attachedTo(userId));
        if (!after.contains(policyArn)) {
            after.add(policyArn);
        }
        return new PolicyState(byUserId.put(userId, new UserAttachments(userName, after)));
    }

    PolicyState withoutAttachment(String userId, String policyArn) {
        List<String> after = attachedTo(userId).stream().filter(arn -> !arn.equals(policyArn)).toList();
        return new PolicyState(after.isEmpty() ? byUserId.remove(userId)
                : byUserId.put(userId, new UserAttachments(lastKnownName(userId), after)));
    }
}
