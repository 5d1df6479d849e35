package io.portcullis.credential.domain;

import io.portcullis.credential.domain.CredentialCommand.CreateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.DeleteAccessKey;
import io.portcullis.credential.domain.CredentialCommand.ForgetUser;
import io.portcullis.credential.domain.CredentialCommand.RotateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.UpdateAccessKey;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyCreated;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyDeleted;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyStatusChanged;
import io.portcullis.credential.domain.CredentialEvent.KeyRotated;
import io.portcullis.iam.decider.Decider;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.Rejection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Decides commands against one account's access keys and what identity-service says of its users
 * ({@link Directory}, fresh up to everything identity-service had written for the account): at most
 * {@value CredentialRejections#ACCESS_KEYS_PER_USER} keys per user, key ids unique in the account, a status
 * set to what it already is changes nothing, as IAM answers.
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
        } else if (command instanceof ForgetUser c) {
            return forgetUser(c, state);
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
            return state.withStatus(e.userId(), e.userName(), e.oldAccessKeyId(), AccessKeyStatus.Inactive)
                    .withKey(e.userId(), e.userName(), new AccessKey(e.newAccessKeyId(), AccessKeyStatus.Active, e.createDate(), e.sealedSecret()));
        } else if (event instanceof AccessKeyDeleted e) {
            return state.withoutKey(e.userId(), e.userName(), e.accessKeyId());
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
     * The named key is replaced: the new one is Active, the old one Inactive. A user holds at most two keys, so
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
                    c.sealedSecret(), c.createDate());
            if (other.isEmpty()) {
                return Decision.accept(rotated);
            }
            if (other.get().status() == AccessKeyStatus.Active) {
                return Decision.reject(CredentialRejections.otherKeyActive(other.get().accessKeyId()));
            }
            return Decision.accept(List.of(new AccessKeyDeleted(c.accountId(), user.id(), user.name(), other.get().accessKeyId()), rotated));
        });
    }

    /** Every key of a deleted user goes; its last known name travels in the events. */
    private Decision<CredentialEvent> forgetUser(ForgetUser c, CredentialState state) {
        CredentialState.UserKeys held = state.keysOf(c.userId());
        return Decision.accept(held.keys().stream()
                .<CredentialEvent>map(k -> new AccessKeyDeleted(c.accountId(), c.userId(), held.userName(), k.accessKeyId())).toList());
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
