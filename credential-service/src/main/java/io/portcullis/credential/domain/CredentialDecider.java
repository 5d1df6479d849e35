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
import io.portcullis.credential.domain.CredentialEvent.AccessKeyCreated;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyDeleted;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyExpired;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyStatusChanged;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyUsed;
import io.portcullis.credential.domain.CredentialEvent.AccountPasswordPolicyDeleted;
import io.portcullis.credential.domain.CredentialEvent.AccountPasswordPolicyUpdated;
import io.portcullis.credential.domain.CredentialEvent.KeyRotated;
import io.portcullis.credential.domain.CredentialEvent.LoginProfileCreated;
import io.portcullis.credential.domain.CredentialEvent.LoginProfileDeleted;
import io.portcullis.credential.domain.CredentialEvent.LoginProfileUpdated;
import io.portcullis.credential.domain.CredentialEvent.PasswordChanged;
import io.portcullis.iam.decider.Decider;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Decides commands against one account's access keys and what identity-service says of its users
 * ({@link Directory}, fresh up to everything identity-service had written for the account): at most
 * {@value CredentialRejections#ACCESS_KEYS_PER_USER} keys per user, key ids unique in the account, a status
 * set to what it already is changes nothing, as IAM answers; console passwords (only their hashes and traits
 * reach it) obey the account password policy, or AWS's default rules when none is set.
 */
public final class CredentialDecider implements Decider<CredentialCommand, CredentialState, Directory, CredentialEvent> {

    @Override
    public CredentialState initialState() {
        return CredentialState.empty();
    }

    @Override
    public Decision<CredentialEvent> decide(CredentialCommand command, CredentialState state, Directory directory) {
        Optional<Rejection> invalid = command.validate();
        if (invalid.isPresent()) {
            return Decision.reject(invalid.get());
        }
        if (command instanceof CreateAccessKey c) {
            return createAccessKey(c, state, directory);
        } else if (command instanceof UpdateAccessKey c) {
            return updateAccessKey(c, state, directory);
        } else if (command instanceof DeleteAccessKey c) {
            return deleteAccessKey(c, state, directory);
        } else if (command instanceof RotateAccessKey c) {
            return rotateAccessKey(c, state, directory);
        } else if (command instanceof PutLoginProfile c) {
            return putLoginProfile(c, state, directory);
        } else if (command instanceof DeleteLoginProfile c) {
            return deleteLoginProfile(c, state, directory);
        } else if (command instanceof ChangePassword c) {
            return changePassword(c, state, directory);
        } else if (command instanceof UpdateAccountPasswordPolicy c) {
            PasswordPolicy p = c.policy();
            return Decision.accept(new AccountPasswordPolicyUpdated(c.accountId(), p.minimumPasswordLength(), p.requireSymbols(),
                    p.requireNumbers(), p.requireUppercaseCharacters(), p.requireLowercaseCharacters(), p.allowUsersToChangePassword(),
                    p.maxPasswordAge(), p.passwordReusePrevention(), p.hardExpiry()));
        } else if (command instanceof DeleteAccountPasswordPolicy c) {
            return state.passwordPolicy().isEmpty() ? Decision.reject(CredentialRejections.noPasswordPolicy(c.accountId().value()))
                    : Decision.accept(new AccountPasswordPolicyDeleted(c.accountId()));
        } else if (command instanceof ForgetUser c) {
            return forgetUser(c, state);
        } else if (command instanceof MeetKeyDeadlines c) {
            return Decision.accept(KeyDeadlines.due(c.accountId(), state, c.now(), c.maxAgeSeconds()));
        } else if (command instanceof RecordAccessKeyUse c) {
            return recordUse(c, state);
        }
        throw new IllegalStateException("Unhandled credential command " + command.getClass().getName());
    }

    @Override
    public CredentialState evolve(CredentialState state, CredentialEvent event) {
        if (event instanceof AccessKeyCreated e) {
            return state.withKey(e.userId(), e.userName(), new AccessKey(e.accessKeyId(), e.status(), e.createDate(), e.sealedSecret()));
        } else if (event instanceof AccessKeyStatusChanged e) {
            return state.withStatus(e.userId(), e.userName(), e.accessKeyId(), e.status());
        } else if (event instanceof KeyRotated e) {
            CredentialState old = e.deactivateOldAt() == null
                    ? state.withStatus(e.userId(), e.userName(), e.oldAccessKeyId(), AccessKeyStatus.Inactive)
                    : state.withKeyChanged(e.userId(), e.userName(), e.oldAccessKeyId(), k -> k.deactivatedAt(e.deactivateOldAt()));
            return old.withKey(e.userId(), e.userName(), new AccessKey(e.newAccessKeyId(), AccessKeyStatus.Active, e.createDate(), e.sealedSecret()));
        } else if (event instanceof AccessKeyExpired e) {
            return state.withStatus(e.userId(), e.userName(), e.accessKeyId(), AccessKeyStatus.Inactive);
        } else if (event instanceof AccessKeyUsed e) {
            return state.withKeyChanged(e.userId(), e.userName(), e.accessKeyId(),
                    k -> k.usedAt(new AccessKeyUse(e.usedDate(), e.serviceName(), e.region())));
        } else if (event instanceof AccessKeyDeleted e) {
            return state.withoutKey(e.userId(), e.userName(), e.accessKeyId());
        } else if (event instanceof LoginProfileCreated e) {
            return state.withLoginProfile(e.userId(), new LoginProfile(e.userName(), e.createDate(), e.passwordResetRequired(),
                    List.of(e.passwordHash()), e.createDate()));
        } else if (event instanceof LoginProfileUpdated e) {
            return state.loginProfile(e.userId()).map(p -> {
                LoginProfile named = p.named(e.userName()).withResetRequired(e.passwordResetRequired());
                return state.withLoginProfile(e.userId(), e.passwordHash() == null ? named : named.withPassword(e.passwordHash(), e.updateDate()));
            }).orElse(state);
        } else if (event instanceof PasswordChanged e) {
            return state.loginProfile(e.userId()).map(p -> state.withLoginProfile(e.userId(),
                    p.named(e.userName()).withPassword(e.passwordHash(), e.changeDate()).withResetRequired(false))).orElse(state);
        } else if (event instanceof LoginProfileDeleted e) {
            return state.withLoginProfile(e.userId(), null);
        } else if (event instanceof AccountPasswordPolicyUpdated e) {
            return state.withPasswordPolicy(e.policy());
        } else if (event instanceof AccountPasswordPolicyDeleted e) {
            return state.withPasswordPolicy(null);
        }
        throw new IllegalStateException("Unhandled credential event " + event.getClass().getName());
    }

    private Decision<CredentialEvent> createAccessKey(CreateAccessKey c, CredentialState state, Directory directory) {
        return withUser(directory, c.userName(), user -> {
            if (state.keyIdInUse(c.accessKeyId())) {
                return Decision.reject(CredentialRejections.idInUse(c.accessKeyId()));
            }
            if (state.keysOf(user.id()).keys().size() >= CredentialRejections.ACCESS_KEYS_PER_USER) {
                return Decision.reject(CredentialRejections.accessKeysQuota());
            }
            return Decision.accept(new AccessKeyCreated(c.accountId(), user.id(), user.name(), c.accessKeyId(), c.sealedSecret(),
                    AccessKeyStatus.Active, c.createDate()));
        });
    }

    private Decision<CredentialEvent> updateAccessKey(UpdateAccessKey c, CredentialState state, Directory directory) {
        return withKey(state, directory, c.userName(), c.accessKeyId(), (user, key) -> {
            AccessKeyStatus status = AccessKeyStatus.parse(c.status());
            if (key.status() == status) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new AccessKeyStatusChanged(c.accountId(), user.id(), user.name(), key.accessKeyId(), status));
        });
    }

    private Decision<CredentialEvent> deleteAccessKey(DeleteAccessKey c, CredentialState state, Directory directory) {
        return withKey(state, directory, c.userName(), c.accessKeyId(),
                (user, key) -> Decision.accept(new AccessKeyDeleted(c.accountId(), user.id(), user.name(), key.accessKeyId())));
    }

    /**
     * The named key is replaced: the new one is Active, the old one Inactive (at once, or when the grace period the
     * caller gave ends: until then both are Active, and a status set on the old key meanwhile stands). A user holds at most two keys, so
     * when the other key is Inactive (left over from an earlier rotation) it is deleted to make room; when it
     * is Active the rotation is refused rather than cutting off a key that may be in use.
     */
    private Decision<CredentialEvent> rotateAccessKey(RotateAccessKey c, CredentialState state, Directory directory) {
        return withKey(state, directory, c.userName(), c.oldAccessKeyId(), (user, old) -> {
            if (state.keyIdInUse(c.newAccessKeyId())) {
                return Decision.reject(CredentialRejections.idInUse(c.newAccessKeyId()));
            }
            Optional<AccessKey> other = state.keysOf(user.id()).keys().stream()
                    .filter(k -> !k.accessKeyId().equals(old.accessKeyId())).findFirst();
            KeyRotated rotated = new KeyRotated(c.accountId(), user.id(), user.name(), old.accessKeyId(), c.newAccessKeyId(),
                    c.sealedSecret(), c.createDate(), c.deactivateOldAt());
            if (other.isEmpty()) {
                return Decision.accept(rotated);
            }
            if (other.get().status() == AccessKeyStatus.Active) {
                return Decision.reject(CredentialRejections.otherKeyActive(other.get().accessKeyId()));
            }
            return Decision.accept(List.of(new AccessKeyDeleted(c.accountId(), user.id(), user.name(), other.get().accessKeyId()), rotated));
        });
    }

    /**
     * A use is recorded when it is the key's first, or at least {@link AccessKeyUse#GRANULARITY} after the one recorded;
     * reports of uses in between (or late reports of earlier ones) are accepted and change nothing.
     */
    private Decision<CredentialEvent> recordUse(RecordAccessKeyUse c, CredentialState state) {
        Optional<String> owner = state.ownerOf(c.accessKeyId());
        Optional<AccessKey> key = owner.flatMap(userId -> state.keysOf(userId).key(c.accessKeyId()));
        if (key.isEmpty()) {
            return Decision.reject(CredentialRejections.noSuchAccessKey(c.accessKeyId()));
        }
        AccessKeyUse last = key.get().lastUsed();
        if (last != null && !last.isSupersededBy(c.usedDate())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new AccessKeyUsed(c.accountId(), owner.get(), state.keysOf(owner.get()).userName(), c.accessKeyId(),
                c.usedDate(), c.serviceName(), c.region()));
    }

    /** A new profile needs a password; every password must pass the account's policy (or AWS's default rules). */
    private Decision<CredentialEvent> putLoginProfile(PutLoginProfile c, CredentialState state, Directory directory) {
        return withUser(directory, c.userName(), user -> {
            Optional<LoginProfile> existing = state.loginProfile(user.id());
            if (c.passwordHash() == null && existing.isEmpty()) {
                return Decision.reject(CredentialRejections.passwordRequired());
            }
            if (c.passwordHash() != null) {
                Optional<String> broken = PasswordPolicy.check(state.passwordPolicy().orElse(null), c.traits());
                if (broken.isPresent()) {
                    return Decision.reject(CredentialRejections.passwordPolicyViolation(broken.get()));
                }
            }
            if (existing.isEmpty()) {
                return Decision.accept(new LoginProfileCreated(c.accountId(), user.id(), user.name(), c.passwordHash(),
                        Boolean.TRUE.equals(c.passwordResetRequired()), c.now()));
            }
            boolean resetRequired = c.passwordResetRequired() == null ? existing.get().passwordResetRequired() : c.passwordResetRequired();
            return Decision.accept(new LoginProfileUpdated(c.accountId(), user.id(), user.name(), c.passwordHash(), resetRequired, c.now()));
        });
    }

    private Decision<CredentialEvent> deleteLoginProfile(DeleteLoginProfile c, CredentialState state, Directory directory) {
        return withUser(directory, c.userName(), user -> state.loginProfile(user.id())
                .<Decision<CredentialEvent>>map(p -> Decision.accept(new LoginProfileDeleted(c.accountId(), user.id(), user.name())))
                .orElseGet(() -> Decision.reject(CredentialRejections.noLoginProfile(user.name()))));
    }

    private Decision<CredentialEvent> changePassword(ChangePassword c, CredentialState state, Directory directory) {
        return withUser(directory, c.userName(), user -> {
            Optional<LoginProfile> profile = state.loginProfile(user.id());
            if (profile.isEmpty()) {
                return Decision.reject(CredentialRejections.noLoginProfile(user.name()));
            }
            if (state.passwordPolicy().map(p -> !p.allowUsersToChangePassword()).orElse(false)) {
                return Decision.reject(CredentialRejections.usersMayNotChangePasswords());
            }
            if (!profile.get().currentHash().equals(c.verifiedHash())) {
                return Decision.reject(CredentialRejections.passwordChangedMeanwhile());
            }
            Optional<String> broken = PasswordPolicy.check(state.passwordPolicy().orElse(null), c.traits());
            if (broken.isPresent()) {
                return Decision.reject(CredentialRejections.passwordPolicyViolation(broken.get()));
            }
            return Decision.accept(new PasswordChanged(c.accountId(), user.id(), user.name(), c.passwordHash(), c.now()));
        });
    }

    /** Every key and the login profile of a deleted user go; its last known name travels in the events. */
    private Decision<CredentialEvent> forgetUser(ForgetUser c, CredentialState state) {
        CredentialState.UserKeys held = state.keysOf(c.userId());
        List<CredentialEvent> events = new ArrayList<>();
        held.keys().forEach(k -> events.add(new AccessKeyDeleted(c.accountId(), c.userId(), held.userName(), k.accessKeyId())));
        state.loginProfile(c.userId()).ifPresent(p -> events.add(new LoginProfileDeleted(c.accountId(), c.userId(), p.userName())));
        return Decision.accept(events);
    }

    private static Decision<CredentialEvent> withUser(Directory directory, String userName,
                                                      Function<Directory.Entry, Decision<CredentialEvent>> decide) {
        return directory.user(userName).map(decide).orElseGet(() -> Decision.reject(Rejection.noSuchUser(userName)));
    }

    /** The named user's key; NoSuchEntity for the user, then for the key. */
    private static Decision<CredentialEvent> withKey(CredentialState state, Directory directory, String userName, String accessKeyId,
                                                     BiFunction<Directory.Entry, AccessKey, Decision<CredentialEvent>> decide) {
        return withUser(directory, userName, user -> state.keysOf(user.id()).key(accessKeyId)
                .map(key -> decide.apply(user, key))
                .orElseGet(() -> Decision.reject(CredentialRejections.noSuchAccessKey(accessKeyId))));
    }
}
