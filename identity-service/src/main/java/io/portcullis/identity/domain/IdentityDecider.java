package io.portcullis.identity.domain;

import io.portcullis.iam.Tag;
import io.portcullis.iam.decider.Decider;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.iam.validation.TagRules;
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
import io.portcullis.identity.domain.IdentityEvent.GroupCreated;
import io.portcullis.identity.domain.IdentityEvent.GroupDeleted;
import io.portcullis.identity.domain.IdentityEvent.GroupUpdated;
import io.portcullis.identity.domain.IdentityEvent.UserAddedToGroup;
import io.portcullis.identity.domain.IdentityEvent.UserCreated;
import io.portcullis.identity.domain.IdentityEvent.UserDeleted;
import io.portcullis.identity.domain.IdentityEvent.UserRemovedFromGroup;
import io.portcullis.identity.domain.IdentityEvent.UserTagged;
import io.portcullis.identity.domain.IdentityEvent.UserUntagged;
import io.portcullis.identity.domain.IdentityEvent.UserUpdated;
import io.portcullis.iam.policies.AwsManagedPolicies;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Decides commands against one account's identity directory with IAM's rules: name and path shape,
 * case-insensitive uniqueness, the quotas ({@link IdentityQuotas}: users and groups per account, groups per
 * user), 50 tags per user, and no deleting a user in a group, a group with members, or either while it
 * holds policies ({@link Holdings}, policy-service's facts, fresh when a command is decided).
 */
public final class IdentityDecider implements Decider<IdentityCommand, IdentityState, Holdings, IdentityEvent> {

    public static final int DEFAULT_USERS_PER_ACCOUNT = IdentityQuotas.AWS_DEFAULTS.usersPerAccount();
    public static final int GROUPS_PER_USER = IdentityQuotas.AWS_DEFAULTS.groupsPerUser();

    private final IdentityQuotas quotas;

    public IdentityDecider() {
        this(IdentityQuotas.AWS_DEFAULTS);
    }

    /** AWS's default quotas but for {@code UsersPerAccount}. */
    public IdentityDecider(int usersPerAccount) {
        this(new IdentityQuotas(usersPerAccount, IdentityQuotas.AWS_DEFAULTS.groupsPerAccount(),
                IdentityQuotas.AWS_DEFAULTS.groupsPerUser()));
    }

    public IdentityDecider(IdentityQuotas quotas) {
        this.quotas = quotas;
    }

    @Override
    public IdentityState initialState() {
        return IdentityState.empty();
    }

    @Override
    public Decision<IdentityEvent> decide(IdentityCommand command, IdentityState state, Holdings holdings) {
        Optional<Rejection> invalid = command.validate();
        if (invalid.isPresent()) {
            return Decision.reject(invalid.get());
        }
        if (command instanceof CreateUser c) {
            return createUser(c, state, holdings);
        } else if (command instanceof UpdateUser c) {
            return updateUser(c, state);
        } else if (command instanceof DeleteUser c) {
            return deleteUser(c, state, holdings);
        } else if (command instanceof TagUser c) {
            return tagUser(c, state);
        } else if (command instanceof UntagUser c) {
            return untagUser(c, state);
        } else if (command instanceof CreateGroup c) {
            return createGroup(c, state);
        } else if (command instanceof UpdateGroup c) {
            return updateGroup(c, state);
        } else if (command instanceof DeleteGroup c) {
            return deleteGroup(c, state, holdings);
        } else if (command instanceof AddUserToGroup c) {
            return addUserToGroup(c, state);
        } else if (command instanceof RemoveUserFromGroup c) {
            return removeUserFromGroup(c, state);
        }
        throw new IllegalStateException("Unhandled identity command " + command.getClass().getName());
    }

    @Override
    public IdentityState evolve(IdentityState state, IdentityEvent event) {
        if (event instanceof UserCreated e) {
            return state.withUser(new User(e.userId(), e.userName(), e.path(), e.arn(), e.createDate(), e.tags(), e.permissionsBoundary()));
        } else if (event instanceof UserUpdated e) {
            return state.userById(e.userId())
                    .map(old -> state.withUser(new User(old.userId(), e.newUserName(), e.newPath(), e.newArn(), old.createDate(), old.tags(),
                            old.permissionsBoundary())))
                    .orElse(state);
        } else if (event instanceof UserTagged e) {
            return state.userById(e.userId()).map(u -> state.withUser(u.withTags(u.tagsAfterTagging(e.tags())))).orElse(state);
        } else if (event instanceof UserUntagged e) {
            return state.userById(e.userId()).map(u -> state.withUser(u.withTags(u.tagsAfterUntagging(e.tagKeys())))).orElse(state);
        } else if (event instanceof UserDeleted e) {
            return state.withoutUser(e.userId());
        } else if (event instanceof GroupCreated e) {
            return state.withGroup(new Group(e.groupId(), e.groupName(), e.path(), e.arn(), e.createDate()));
        } else if (event instanceof GroupUpdated e) {
            return state.groupById(e.groupId())
                    .map(old -> state.withGroup(new Group(old.groupId(), e.newGroupName(), e.newPath(), e.newArn(), old.createDate())))
                    .orElse(state);
        } else if (event instanceof GroupDeleted e) {
            return state.withoutGroup(e.groupId());
        } else if (event instanceof UserAddedToGroup e) {
            return state.withMembership(e.groupId(), e.userId());
        } else if (event instanceof UserRemovedFromGroup e) {
            return state.withoutMembership(e.groupId(), e.userId());
        }
        throw new IllegalStateException("Unhandled identity event " + event.getClass().getName());
    }

    private Decision<IdentityEvent> createUser(CreateUser c, IdentityState state, Holdings holdings) {
        if (state.user(c.userName()).isPresent()) {
            return Decision.reject(IdentityRejections.userExists(c.userName()));
        }
        if (state.userById(c.userId()).isPresent()) {
            return Decision.reject(IdentityRejections.idInUse(c.userId()));
        }
        if (state.userCount() >= quotas.usersPerAccount()) {
            return Decision.reject(IdentityRejections.userQuota(quotas.usersPerAccount()));
        }
        String boundary = c.permissionsBoundary();
        if (boundary != null && AwsManagedPolicies.byArn(boundary).isEmpty() && !holdings.hasManagedPolicy(boundary)) {
            return Decision.reject(IdentityRejections.boundaryNotAttachable(boundary));
        }
        return Decision.accept(new UserCreated(c.accountId(), c.userId(), c.userName(), c.path(),
                c.accountId().userArn(c.path(), c.userName()), c.createDate(), c.tags(), c.permissionsBoundary()));
    }

    private Decision<IdentityEvent> updateUser(UpdateUser c, IdentityState state) {
        return withUser(state, c.userName(), user -> renameOrMove(user.userName(), user.path(), user.userId(),
                c.newUserName(), c.newPath(), name -> state.user(name).map(User::userId), IdentityRejections::userExists,
                (newName, newPath) -> new UserUpdated(c.accountId(), user.userId(), user.userName(), newName, user.path(), newPath,
                        c.accountId().userArn(newPath, newName))));
    }

    private Decision<IdentityEvent> deleteUser(DeleteUser c, IdentityState state, Holdings holdings) {
        return withUser(state, c.userName(), user -> {
            if (state.groupCountOf(user) > 0) {
                return Decision.reject(IdentityRejections.userInGroups());
            }
            Optional<Rejection> stillHeld = holdsSomething(holdings.of(user.userId()));
            if (stillHeld.isPresent()) {
                return Decision.reject(stillHeld.get());
            }
            return Decision.accept(new UserDeleted(c.accountId(), user.userId(), user.userName()));
        });
    }

    private Decision<IdentityEvent> tagUser(TagUser c, IdentityState state) {
        return withUser(state, c.userName(), user -> {
            List<Tag> after = user.tagsAfterTagging(c.tags());
            if (after.size() > Constraints.MAX_TAGS) {
                return Decision.reject(TagRules.quota("User"));
            }
            if (after.equals(user.tags())) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new UserTagged(c.accountId(), user.userId(), user.userName(), c.tags()));
        });
    }

    private Decision<IdentityEvent> untagUser(UntagUser c, IdentityState state) {
        return withUser(state, c.userName(), user -> {
            // The keys as the user holds them, so the event says exactly which tags went.
            List<String> present = c.tagKeys().stream().map(user::tag).flatMap(Optional::stream).map(Tag::key)
                    .distinct().toList();
            if (present.isEmpty()) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new UserUntagged(c.accountId(), user.userId(), user.userName(), present));
        });
    }

    private Decision<IdentityEvent> createGroup(CreateGroup c, IdentityState state) {
        if (state.group(c.groupName()).isPresent()) {
            return Decision.reject(IdentityRejections.groupExists(c.groupName()));
        }
        if (state.groupById(c.groupId()).isPresent()) {
            return Decision.reject(IdentityRejections.idInUse(c.groupId()));
        }
        if (state.groupCount() >= quotas.groupsPerAccount()) {
            return Decision.reject(IdentityRejections.groupQuota(quotas.groupsPerAccount()));
        }
        return Decision.accept(new GroupCreated(c.accountId(), c.groupId(), c.groupName(), c.path(),
                c.accountId().groupArn(c.path(), c.groupName()), c.createDate()));
    }

    private Decision<IdentityEvent> updateGroup(UpdateGroup c, IdentityState state) {
        return withGroup(state, c.groupName(), group -> renameOrMove(group.groupName(), group.path(), group.groupId(),
                c.newGroupName(), c.newPath(), name -> state.group(name).map(Group::groupId), IdentityRejections::groupExists,
                (newName, newPath) -> new GroupUpdated(c.accountId(), group.groupId(), group.groupName(), newName, group.path(), newPath,
                        c.accountId().groupArn(newPath, newName))));
    }

    private Decision<IdentityEvent> deleteGroup(DeleteGroup c, IdentityState state, Holdings holdings) {
        return withGroup(state, c.groupName(), group -> {
            if (state.hasMembers(group)) {
                return Decision.reject(IdentityRejections.groupHasMembers());
            }
            Optional<Rejection> stillHeld = holdsSomething(holdings.of(group.groupId()));
            if (stillHeld.isPresent()) {
                return Decision.reject(stillHeld.get());
            }
            return Decision.accept(new GroupDeleted(c.accountId(), group.groupId(), group.groupName()));
        });
    }

    private Decision<IdentityEvent> addUserToGroup(AddUserToGroup c, IdentityState state) {
        return withGroupAndUser(state, c.groupName(), c.userName(), (group, user) -> {
            if (state.isMember(group, user)) {
                return Decision.accept(List.of());
            }
            if (state.groupCountOf(user) >= quotas.groupsPerUser()) {
                return Decision.reject(IdentityRejections.groupsPerUserQuota(quotas.groupsPerUser()));
            }
            return Decision.accept(new UserAddedToGroup(c.accountId(), group.groupId(), group.groupName(),
                    user.userId(), user.userName()));
        });
    }

    private Decision<IdentityEvent> removeUserFromGroup(RemoveUserFromGroup c, IdentityState state) {
        return withGroupAndUser(state, c.groupName(), c.userName(), (group, user) -> {
            if (!state.isMember(group, user)) {
                return Decision.reject(IdentityRejections.notAMember(group.groupName(), user.userName()));
            }
            return Decision.accept(new UserRemovedFromGroup(c.accountId(), group.groupId(), group.groupName(),
                    user.userId(), user.userName()));
        });
    }

    /**
     * IAM refuses to delete a user that still has a console password or access keys, and a user or group that still has managed
     * policies attached or inline policies;
     * a permissions boundary does not block a delete (AWS's DeleteUser does not list it, and tools such as
     * Terraform delete a user without removing it first): policy-service drops it when the user goes.
     */
    private static Optional<Rejection> holdsSomething(Holdings.Held held) {
        if (held.loginProfile()) {
            return Optional.of(IdentityRejections.loginProfile());
        }
        if (!held.accessKeys().isEmpty()) {
            return Optional.of(IdentityRejections.accessKeys());
        }
        if (!held.attached().isEmpty()) {
            return Optional.of(IdentityRejections.policiesAttached());
        }
        if (!held.inline().isEmpty()) {
            return Optional.of(IdentityRejections.inlinePolicies());
        }
        return Optional.empty();
    }

    /** Decides against the named user; NoSuchEntity when the account has none by that name. */
    private static Decision<IdentityEvent> withUser(IdentityState state, String userName,
                                                    Function<User, Decision<IdentityEvent>> decide) {
        return state.user(userName).map(decide)
                .orElseGet(() -> Decision.reject(Rejection.noSuchUser(userName)));
    }

    /** Decides against the named group; NoSuchEntity when the account has none by that name. */
    private static Decision<IdentityEvent> withGroup(IdentityState state, String groupName,
                                                     Function<Group, Decision<IdentityEvent>> decide) {
        return state.group(groupName).map(decide)
                .orElseGet(() -> Decision.reject(Rejection.noSuchGroup(groupName)));
    }

    /** Membership changes name both; the group is looked up first, so a missing group is the error reported. */
    private static Decision<IdentityEvent> withGroupAndUser(IdentityState state, String groupName, String userName,
                                                            BiFunction<Group, User, Decision<IdentityEvent>> decide) {
        return withGroup(state, groupName, group -> withUser(state, userName, user -> decide.apply(group, user)));
    }

    /**
     * The one rule for renaming and moving users and groups: an absent new name or path keeps the current
     * one; a name held (case-insensitively) by another entity is EntityAlreadyExists; no change at all is
     * an accepted no-op; otherwise the update event.
     */
    private static Decision<IdentityEvent> renameOrMove(String name, String path, String id, String requestedName,
            String requestedPath, Function<String, Optional<String>> idHoldingName, Function<String, Rejection> nameTaken,
            BiFunction<String, String, IdentityEvent> updated) {
        String newName = requestedName == null ? name : requestedName;
        String newPath = requestedPath == null ? path : requestedPath;
        Optional<String> holder = idHoldingName.apply(newName);
        if (holder.isPresent() && !holder.get().equals(id)) {
            return Decision.reject(nameTaken.apply(newName));
        }
        if (newName.equals(name) && newPath.equals(path)) {
            return Decision.accept(List.of());
        }
        return Decision.accept(updated.apply(newName, newPath));
    }
}
