package io.portcullis.policy.domain;

import io.portcullis.iam.Tag;
import io.portcullis.iam.decider.Decider;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.policies.AwsManagedPolicies;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.iam.validation.TagRules;
import io.portcullis.policy.domain.EntityPolicies.InlinePolicy;
import io.portcullis.policy.domain.ManagedPolicy.PolicyVersion;
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
import io.portcullis.policy.domain.PolicyCommand.ForgetGroup;
import io.portcullis.policy.domain.PolicyCommand.ForgetUser;
import io.portcullis.policy.domain.PolicyCommand.PutGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.PutUserPermissionsBoundary;
import io.portcullis.policy.domain.PolicyCommand.SetCreationBoundary;
import io.portcullis.policy.domain.PolicyCommand.PutUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.SetDefaultPolicyVersion;
import io.portcullis.policy.domain.PolicyCommand.TagPolicy;
import io.portcullis.policy.domain.PolicyCommand.UntagPolicy;
import io.portcullis.policy.domain.PolicyEvent.GroupInlinePolicyDeleted;
import io.portcullis.policy.domain.PolicyEvent.GroupInlinePolicyPut;
import io.portcullis.policy.domain.PolicyEvent.GroupPolicyAttached;
import io.portcullis.policy.domain.PolicyEvent.GroupPolicyDetached;
import io.portcullis.policy.domain.PolicyEvent.PolicyCreated;
import io.portcullis.policy.domain.PolicyEvent.PolicyDefaultVersionSet;
import io.portcullis.policy.domain.PolicyEvent.PolicyDeleted;
import io.portcullis.policy.domain.PolicyEvent.PolicyTagged;
import io.portcullis.policy.domain.PolicyEvent.PolicyUntagged;
import io.portcullis.policy.domain.PolicyEvent.PolicyVersionCreated;
import io.portcullis.policy.domain.PolicyEvent.PolicyVersionDeleted;
import io.portcullis.policy.domain.PolicyEvent.UserInlinePolicyDeleted;
import io.portcullis.policy.domain.PolicyEvent.UserInlinePolicyPut;
import io.portcullis.policy.domain.PolicyEvent.UserPermissionsBoundaryDeleted;
import io.portcullis.policy.domain.PolicyEvent.UserPermissionsBoundarySet;
import io.portcullis.policy.domain.PolicyEvent.UserPolicyAttached;
import io.portcullis.policy.domain.PolicyEvent.UserPolicyDetached;
import io.portcullis.policylang.validate.PolicyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides commands against one account's policies and what identity-service says of its users and groups
 * ({@link Directory}, fresh up to everything identity-service had written for the account when the command
 * is decided), with IAM's rules: unique policy names ignoring case, at most
 * {@value PolicyRules#VERSIONS_PER_POLICY} versions and never deleting the default one, no deleting a policy in
 * use or with other versions, AWS managed policies read-only, at most ten managed policies per user and per
 * group, inline documents within the entity's aggregate quota. Changes that change nothing (attaching an
 * attached policy, putting the same document) are accepted with no event, as IAM answers them.
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
        if (command instanceof CreatePolicy c) {
            return createPolicy(c, state);
        } else if (command instanceof CreatePolicyVersion c) {
            return createPolicyVersion(c, state);
        } else if (command instanceof SetDefaultPolicyVersion c) {
            return setDefaultPolicyVersion(c, state);
        } else if (command instanceof DeletePolicyVersion c) {
            return deletePolicyVersion(c, state);
        } else if (command instanceof DeletePolicy c) {
            return deletePolicy(c, state);
        } else if (command instanceof TagPolicy c) {
            return tagPolicy(c, state);
        } else if (command instanceof UntagPolicy c) {
            return untagPolicy(c, state);
        } else if (command instanceof AttachUserPolicy c) {
            return attachUserPolicy(c, state, directory);
        } else if (command instanceof DetachUserPolicy c) {
            return detachUserPolicy(c, state, directory);
        } else if (command instanceof AttachGroupPolicy c) {
            return attachGroupPolicy(c, state, directory);
        } else if (command instanceof DetachGroupPolicy c) {
            return detachGroupPolicy(c, state, directory);
        } else if (command instanceof PutUserPolicy c) {
            return putUserPolicy(c, state, directory);
        } else if (command instanceof DeleteUserPolicy c) {
            return deleteUserPolicy(c, state, directory);
        } else if (command instanceof PutGroupPolicy c) {
            return putGroupPolicy(c, state, directory);
        } else if (command instanceof DeleteGroupPolicy c) {
            return deleteGroupPolicy(c, state, directory);
        } else if (command instanceof PutUserPermissionsBoundary c) {
            return putUserPermissionsBoundary(c, state, directory);
        } else if (command instanceof DeleteUserPermissionsBoundary c) {
            return deleteUserPermissionsBoundary(c, state, directory);
        } else if (command instanceof SetCreationBoundary c) {
            return setCreationBoundary(c, state, directory);
        } else if (command instanceof ForgetUser c) {
            return forgetUser(c, state);
        } else if (command instanceof ForgetGroup c) {
            return forgetGroup(c, state);
        }
        throw new IllegalStateException("Unhandled policy command " + command.getClass().getName());
    }

    @Override
    public PolicyState evolve(PolicyState state, PolicyEvent event) {
        if (event instanceof PolicyCreated e) {
            return state.withPolicy(new ManagedPolicy(e.policyId(), e.policyName(), e.path(), e.arn(), e.description(), e.createDate(),
                    e.createDate(), e.versionId(), List.of(new PolicyVersion(e.versionId(), e.document(), e.createDate())),
                    ManagedPolicy.number(e.versionId()), e.tags()));
        } else if (event instanceof PolicyVersionCreated e) {
            return state.withChangedPolicy(e.policyId(), p -> p.withVersion(new PolicyVersion(e.versionId(), e.document(), e.createDate()),
                    e.setAsDefault()));
        } else if (event instanceof PolicyDefaultVersionSet e) {
            return state.withChangedPolicy(e.policyId(), p -> p.withDefault(e.versionId(), e.updateDate()));
        } else if (event instanceof PolicyVersionDeleted e) {
            return state.withChangedPolicy(e.policyId(), p -> p.withoutVersion(e.versionId()));
        } else if (event instanceof PolicyDeleted e) {
            return state.withoutPolicy(e.policyId());
        } else if (event instanceof PolicyTagged e) {
            return state.withChangedPolicy(e.policyId(), p -> p.withTags(tags -> p.tagsAfterTagging(e.tags())));
        } else if (event instanceof PolicyUntagged e) {
            return state.withChangedPolicy(e.policyId(), p -> p.withTags(tags -> p.tagsAfterUntagging(e.tagKeys())));
        } else if (event instanceof UserPolicyAttached e) {
            return state.user(e.userId()).attached().contains(e.policyArn()) ? state
                    : state.withUser(e.userId(), e.userName(), held -> held.withAttached(e.policyArn())).used(e.policyArn(), 1, 0);
        } else if (event instanceof UserPolicyDetached e) {
            return !state.user(e.userId()).attached().contains(e.policyArn()) ? state
                    : state.withUser(e.userId(), e.userName(), held -> held.withoutAttached(e.policyArn())).used(e.policyArn(), -1, 0);
        } else if (event instanceof GroupPolicyAttached e) {
            return state.group(e.groupId()).attached().contains(e.policyArn()) ? state
                    : state.withGroup(e.groupId(), e.groupName(), held -> held.withAttached(e.policyArn())).used(e.policyArn(), 1, 0);
        } else if (event instanceof GroupPolicyDetached e) {
            return !state.group(e.groupId()).attached().contains(e.policyArn()) ? state
                    : state.withGroup(e.groupId(), e.groupName(), held -> held.withoutAttached(e.policyArn())).used(e.policyArn(), -1, 0);
        } else if (event instanceof UserInlinePolicyPut e) {
            return state.withUser(e.userId(), e.userName(), held -> held.withInline(new InlinePolicy(e.policyName(), e.document())));
        } else if (event instanceof UserInlinePolicyDeleted e) {
            return state.withUser(e.userId(), e.userName(), held -> held.withoutInline(e.policyName()));
        } else if (event instanceof GroupInlinePolicyPut e) {
            return state.withGroup(e.groupId(), e.groupName(), held -> held.withInline(new InlinePolicy(e.policyName(), e.document())));
        } else if (event instanceof GroupInlinePolicyDeleted e) {
            return state.withGroup(e.groupId(), e.groupName(), held -> held.withoutInline(e.policyName()));
        } else if (event instanceof UserPermissionsBoundarySet e) {
            String before = state.user(e.userId()).boundaryArn();
            PolicyState after = state.withUser(e.userId(), e.userName(), held -> held.withBoundary(e.policyArn()))
                    .withBoundarySaid(e.userId());
            return (before == null ? after : after.used(before, 0, -1)).used(e.policyArn(), 0, 1);
        } else if (event instanceof UserPermissionsBoundaryDeleted e) {
            String before = state.user(e.userId()).boundaryArn();
            PolicyState said = state.withBoundarySaid(e.userId());
            return before == null ? said : said.withUser(e.userId(), e.userName(), held -> held.withBoundary(null)).used(before, 0, -1);
        }
        throw new IllegalStateException("Unhandled policy event " + event.getClass().getName());
    }

    // Customer managed policies and their versions.

    private Decision<PolicyEvent> createPolicy(CreatePolicy c, PolicyState state) {
        if (state.policy(c.policyName()).isPresent()) {
            return Decision.reject(PolicyRejections.policyExists(c.policyName()));
        }
        if (state.policyById(c.policyId()).isPresent()) {
            return Decision.reject(PolicyRejections.idInUse(c.policyId()));
        }
        if (state.policyCount() >= PolicyRules.POLICIES_PER_ACCOUNT) {
            return Decision.reject(PolicyRejections.policyQuota());
        }
        return Decision.accept(new PolicyCreated(c.accountId(), c.policyId(), c.policyName(), c.path(),
                c.accountId().policyArn(c.path(), c.policyName()), c.description(), c.document(), "v1", c.createDate(), c.tags()));
    }

    private Decision<PolicyEvent> createPolicyVersion(CreatePolicyVersion c, PolicyState state) {
        return withOwnPolicy(state, c.policy(), policy -> {
            if (policy.versions().size() >= PolicyRules.VERSIONS_PER_POLICY) {
                return Decision.reject(PolicyRejections.versionsQuota());
            }
            return Decision.accept(new PolicyVersionCreated(c.accountId(), policy.policyId(), policy.arn(), policy.nextVersionId(),
                    c.document(), c.setAsDefault(), c.createDate()));
        });
    }

    private Decision<PolicyEvent> setDefaultPolicyVersion(SetDefaultPolicyVersion c, PolicyState state) {
        return withOwnPolicyVersion(state, c.policy(), c.versionId(), policy -> {
            if (policy.defaultVersionId().equals(c.versionId())) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new PolicyDefaultVersionSet(c.accountId(), policy.policyId(), policy.arn(), c.versionId(),
                    policy.defaultVersionId(), c.updateDate()));
        });
    }

    private Decision<PolicyEvent> deletePolicyVersion(DeletePolicyVersion c, PolicyState state) {
        return withOwnPolicyVersion(state, c.policy(), c.versionId(), policy -> {
            if (policy.defaultVersionId().equals(c.versionId())) {
                return Decision.reject(PolicyRejections.defaultVersion());
            }
            return Decision.accept(new PolicyVersionDeleted(c.accountId(), policy.policyId(), policy.arn(), c.versionId()));
        });
    }

    private Decision<PolicyEvent> deletePolicy(DeletePolicy c, PolicyState state) {
        return withOwnPolicy(state, c.policy(), policy -> {
            PolicyState.Usage usage = state.usage(policy.arn());
            if (usage.attachments() > 0 || usage.boundaries() > 0) {
                return Decision.reject(PolicyRejections.attachedPolicyInUse());
            }
            if (policy.versions().size() > 1) {
                return Decision.reject(PolicyRejections.policyHasVersions());
            }
            return Decision.accept(new PolicyDeleted(c.accountId(), policy.policyId(), policy.policyName(), policy.arn()));
        });
    }

    private Decision<PolicyEvent> tagPolicy(TagPolicy c, PolicyState state) {
        if (AwsManagedPolicies.byArn(c.policy()).isPresent()) {
            return Decision.reject(PolicyRejections.awsManagedTags());
        }
        return withOwnPolicy(state, c.policy(), policy -> {
            List<Tag> after = policy.tagsAfterTagging(c.tags());
            if (after.size() > Constraints.MAX_TAGS) {
                return Decision.reject(TagRules.quota("Policy"));
            }
            if (after.equals(policy.tags())) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new PolicyTagged(c.accountId(), policy.policyId(), policy.arn(), c.tags()));
        });
    }

    private Decision<PolicyEvent> untagPolicy(UntagPolicy c, PolicyState state) {
        if (AwsManagedPolicies.byArn(c.policy()).isPresent()) {
            return Decision.reject(PolicyRejections.awsManagedTags());
        }
        return withOwnPolicy(state, c.policy(), policy -> {
            // The keys as the policy holds them, so the event says exactly which tags went.
            List<String> present = c.tagKeys().stream().map(policy::tag).flatMap(Optional::stream).map(Tag::key).distinct().toList();
            if (present.isEmpty()) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new PolicyUntagged(c.accountId(), policy.policyId(), policy.arn(), present));
        });
    }

    // What users and groups hold.

    private Decision<PolicyEvent> attachUserPolicy(AttachUserPolicy c, PolicyState state, Directory directory) {
        return withUser(directory, c.userName(), user -> attach(state, state.user(user.id()), c.policyArn(), PolicyRules.POLICIES_PER_USER,
                PolicyRejections.policiesPerUserQuota(), () -> new UserPolicyAttached(c.accountId(), user.id(), user.name(), c.policyArn())));
    }

    private Decision<PolicyEvent> detachUserPolicy(DetachUserPolicy c, PolicyState state, Directory directory) {
        return withUser(directory, c.userName(), user -> detach(state.user(user.id()), c.policyArn(),
                () -> new UserPolicyDetached(c.accountId(), user.id(), user.name(), c.policyArn())));
    }

    private Decision<PolicyEvent> attachGroupPolicy(AttachGroupPolicy c, PolicyState state, Directory directory) {
        return withGroup(directory, c.groupName(), group -> attach(state, state.group(group.id()), c.policyArn(),
                PolicyRules.POLICIES_PER_GROUP, PolicyRejections.policiesPerGroupQuota(),
                () -> new GroupPolicyAttached(c.accountId(), group.id(), group.name(), c.policyArn())));
    }

    private Decision<PolicyEvent> detachGroupPolicy(DetachGroupPolicy c, PolicyState state, Directory directory) {
        return withGroup(directory, c.groupName(), group -> detach(state.group(group.id()), c.policyArn(),
                () -> new GroupPolicyDetached(c.accountId(), group.id(), group.name(), c.policyArn())));
    }

    private Decision<PolicyEvent> putUserPolicy(PutUserPolicy c, PolicyState state, Directory directory) {
        return withUser(directory, c.userName(), user -> putInline(state.user(user.id()), c.policyName(), c.document(),
                PolicyKind.INLINE_USER, PolicyRejections.inlineSize("user", PolicyKind.INLINE_USER.maxCharacters(), user.name()),
                () -> new UserInlinePolicyPut(c.accountId(), user.id(), user.name(), c.policyName(), c.document())));
    }

    private Decision<PolicyEvent> deleteUserPolicy(DeleteUserPolicy c, PolicyState state, Directory directory) {
        return withUser(directory, c.userName(), user -> deleteInline(state.user(user.id()), c.policyName(),
                PolicyRejections.noSuchUserPolicy(c.policyName()),
                () -> new UserInlinePolicyDeleted(c.accountId(), user.id(), user.name(), c.policyName())));
    }

    private Decision<PolicyEvent> putGroupPolicy(PutGroupPolicy c, PolicyState state, Directory directory) {
        return withGroup(directory, c.groupName(), group -> putInline(state.group(group.id()), c.policyName(), c.document(),
                PolicyKind.INLINE_GROUP, PolicyRejections.inlineSize("group", PolicyKind.INLINE_GROUP.maxCharacters(), group.name()),
                () -> new GroupInlinePolicyPut(c.accountId(), group.id(), group.name(), c.policyName(), c.document())));
    }

    private Decision<PolicyEvent> deleteGroupPolicy(DeleteGroupPolicy c, PolicyState state, Directory directory) {
        return withGroup(directory, c.groupName(), group -> deleteInline(state.group(group.id()), c.policyName(),
                PolicyRejections.noSuchGroupPolicy(c.policyName()),
                () -> new GroupInlinePolicyDeleted(c.accountId(), group.id(), group.name(), c.policyName())));
    }

    // The rules users and groups share; the caller names the entity's quota, its rejections and its event.

    private static Decision<PolicyEvent> attach(PolicyState state, EntityPolicies held, String policyArn, int quota, Rejection overQuota,
                                                Supplier<PolicyEvent> attached) {
        if (!isAttachable(state, policyArn)) {
            return Decision.reject(PolicyRejections.notAttachable(policyArn));
        }
        if (held.attached().contains(policyArn)) {
            return Decision.accept(List.of());
        }
        if (held.attached().size() >= quota) {
            return Decision.reject(overQuota);
        }
        return Decision.accept(attached.get());
    }

    private static Decision<PolicyEvent> detach(EntityPolicies held, String policyArn, Supplier<PolicyEvent> detached) {
        if (!held.attached().contains(policyArn)) {
            return Decision.reject(PolicyRejections.notAttached(policyArn));
        }
        return Decision.accept(detached.get());
    }

    /** The same document again changes nothing; otherwise the entity's inline policies must stay within its aggregate quota. */
    private static Decision<PolicyEvent> putInline(EntityPolicies held, String policyName, String document, PolicyKind kind,
                                                   Rejection overQuota, Supplier<PolicyEvent> put) {
        if (held.inlinePolicy(policyName).map(InlinePolicy::document).filter(document::equals).isPresent()) {
            return Decision.accept(List.of());
        }
        if (inlineSizeAfter(held, policyName, document) > kind.maxCharacters()) {
            return Decision.reject(overQuota);
        }
        return Decision.accept(put.get());
    }

    private static Decision<PolicyEvent> deleteInline(EntityPolicies held, String policyName, Rejection missing,
                                                      Supplier<PolicyEvent> deleted) {
        if (held.inlinePolicy(policyName).isEmpty()) {
            return Decision.reject(missing);
        }
        return Decision.accept(deleted.get());
    }

    private Decision<PolicyEvent> putUserPermissionsBoundary(PutUserPermissionsBoundary c, PolicyState state, Directory directory) {
        return withUser(directory, c.userName(), user -> {
            if (!isAttachable(state, c.policyArn())) {
                return Decision.reject(PolicyRejections.boundaryNotAttachable(c.policyArn()));
            }
            if (c.policyArn().equals(state.user(user.id()).boundaryArn())) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new UserPermissionsBoundarySet(c.accountId(), user.id(), user.name(), c.policyArn()));
        });
    }

    private Decision<PolicyEvent> deleteUserPermissionsBoundary(DeleteUserPermissionsBoundary c, PolicyState state,
                                                                Directory directory) {
        return withUser(directory, c.userName(), user -> state.user(user.id()).boundary()
                .<Decision<PolicyEvent>>map(arn -> Decision.accept(new UserPermissionsBoundaryDeleted(c.accountId(), user.id(), user.name(), arn)))
                .orElseGet(() -> Decision.reject(PolicyRejections.noBoundary(user.name()))));
    }

    /**
     * The boundary a user was created with becomes policy-service's record of it, once: a boundary already set or deleted
     * (or the user gone, or the policy no longer attachable) leaves things as they are.
     */
    private Decision<PolicyEvent> setCreationBoundary(SetCreationBoundary c, PolicyState state, Directory directory) {
        return directory.userById(c.userId())
                .filter(user -> !state.boundarySaid(user.id()) && isAttachable(state, c.policyArn()))
                .<Decision<PolicyEvent>>map(user -> Decision.accept(new UserPermissionsBoundarySet(c.accountId(), user.id(), user.name(),
                        c.policyArn())))
                .orElseGet(() -> Decision.accept(List.of()));
    }

    /** Everything a deleted user still holds goes; its last known name travels in the events. */
    private Decision<PolicyEvent> forgetUser(ForgetUser c, PolicyState state) {
        EntityPolicies held = state.user(c.userId());
        List<PolicyEvent> events = new ArrayList<>();
        held.attached().forEach(arn -> events.add(new UserPolicyDetached(c.accountId(), c.userId(), held.name(), arn)));
        held.inline().forEach(p -> events.add(new UserInlinePolicyDeleted(c.accountId(), c.userId(), held.name(), p.policyName())));
        held.boundary().ifPresent(arn -> events.add(new UserPermissionsBoundaryDeleted(c.accountId(), c.userId(), held.name(), arn)));
        return Decision.accept(events);
    }

    private Decision<PolicyEvent> forgetGroup(ForgetGroup c, PolicyState state) {
        EntityPolicies held = state.group(c.groupId());
        List<PolicyEvent> events = new ArrayList<>();
        held.attached().forEach(arn -> events.add(new GroupPolicyDetached(c.accountId(), c.groupId(), held.name(), arn)));
        held.inline().forEach(p -> events.add(new GroupInlinePolicyDeleted(c.accountId(), c.groupId(), held.name(), p.policyName())));
        return Decision.accept(events);
    }

    // Lookups.

    /** An AWS managed policy of the catalogue, or this account's own customer managed policy. */
    static boolean isAttachable(PolicyState state, String policyArn) {
        return AwsManagedPolicies.byArn(policyArn).isPresent() || state.policyByArn(policyArn).isPresent();
    }

    /** Size IAM counts for the entity's inline policies once this one is put (replacing its namesake). */
    private static int inlineSizeAfter(EntityPolicies held, String policyName, String document) {
        return held.inline().stream().filter(p -> !p.policyName().equals(policyName))
                .mapToInt(p -> PolicyDocuments.size(p.document())).sum() + PolicyDocuments.size(document);
    }

    /**
     * Decides against a customer managed policy of this account, named by name or ARN: AWS managed
     * policies are read-only, anything else not found is NoSuchEntity.
     */
    private static Decision<PolicyEvent> withOwnPolicy(PolicyState state, String policy,
                                                       Function<ManagedPolicy, Decision<PolicyEvent>> decide) {
        if (AwsManagedPolicies.byArn(policy).isPresent()) {
            return Decision.reject(PolicyRejections.awsManagedIsReadOnly(policy));
        }
        return PolicyQueries.ownPolicy(state, policy).map(decide)
                .orElseGet(() -> Decision.reject(PolicyRejections.noSuchPolicy(policy)));
    }

    private static Decision<PolicyEvent> withOwnPolicyVersion(PolicyState state, String policy, String versionId,
                                                              Function<ManagedPolicy, Decision<PolicyEvent>> decide) {
        if (AwsManagedPolicies.byArn(policy).isPresent()) {
            return Decision.reject(PolicyRejections.awsManagedIsReadOnly(policy));
        }
        Optional<ManagedPolicy> found = PolicyQueries.ownPolicy(state, policy);
        if (found.isEmpty() || found.get().version(versionId).isEmpty()) {
            return Decision.reject(PolicyRejections.noSuchVersion(found.map(ManagedPolicy::arn).orElse(policy), versionId));
        }
        return decide.apply(found.get());
    }

    private static Decision<PolicyEvent> withUser(Directory directory, String userName,
                                                  Function<Directory.Entry, Decision<PolicyEvent>> decide) {
        return directory.user(userName).map(decide).orElseGet(() -> Decision.reject(Rejection.noSuchUser(userName)));
    }

    private static Decision<PolicyEvent> withGroup(Directory directory, String groupName,
                                                   Function<Directory.Entry, Decision<PolicyEvent>> decide) {
        return directory.group(groupName).map(decide).orElseGet(() -> Decision.reject(Rejection.noSuchGroup(groupName)));
    }
}
