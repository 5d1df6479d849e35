package io.portcullis.credential.domain;

import io.portcullis.iam.persistent.PersistentTreeMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One account's credentials, immutable: each user's access keys by user id (at most two, in the order created,
 * so copying is cheap), which user owns each access key id (ids are unique across the account), each user's
 * login profile, and the account's password policy.
 */
public final class CredentialState {

    private static final CredentialState EMPTY = new CredentialState(PersistentTreeMap.empty(), PersistentTreeMap.empty(),
            PersistentTreeMap.empty(), null);

    private final PersistentTreeMap<UserKeys> byUserId;
    private final PersistentTreeMap<String> ownerByKeyId;
    private final PersistentTreeMap<LoginProfile> profiles;
    /** Null: none set, AWS's default rules apply. */
    private final PasswordPolicy passwordPolicy;

    /** A user's keys, its id, and its name as the last event about them gave it. */
    public record UserKeys(String userId, String userName, List<AccessKey> keys) {
        static final UserKeys NONE = new UserKeys("", "", List.of());

        public UserKeys {
            keys = List.copyOf(keys);
        }

        public Optional<AccessKey> key(String accessKeyId) {
            return keys.stream().filter(k -> k.accessKeyId().equals(accessKeyId)).findFirst();
        }
    }

    private CredentialState(PersistentTreeMap<UserKeys> byUserId, PersistentTreeMap<String> ownerByKeyId,
                            PersistentTreeMap<LoginProfile> profiles, PasswordPolicy passwordPolicy) {
        this.byUserId = byUserId;
        this.ownerByKeyId = ownerByKeyId;
        this.profiles = profiles;
        this.passwordPolicy = passwordPolicy;
    }

    public static CredentialState empty() {
        return EMPTY;
    }

    public UserKeys keysOf(String userId) {
        UserKeys keys = byUserId.get(userId);
        return keys == null ? UserKeys.NONE : keys;
    }

    public boolean keyIdInUse(String accessKeyId) {
        return ownerByKeyId.containsKey(accessKeyId);
    }

    /** The id of the user who holds the key. */
    public Optional<String> ownerOf(String accessKeyId) {
        return Optional.ofNullable(ownerByKeyId.get(accessKeyId));
    }

    /** Every user holding keys, by user id. */
    public Iterator<UserKeys> usersWithKeys() {
        return byUserId.valuesFrom("", true);
    }

    public Optional<LoginProfile> loginProfile(String userId) {
        return Optional.ofNullable(profiles.get(userId));
    }

    public Optional<PasswordPolicy> passwordPolicy() {
        return Optional.ofNullable(passwordPolicy);
    }

    // Transitions, used by evolve; each is total, so a replayed topic always folds.

    CredentialState withKey(String userId, String userName, AccessKey key) {
        return changed(userId, userName, keys -> {
            List<AccessKey> after = new ArrayList<>(keys);
            after.removeIf(k -> k.accessKeyId().equals(key.accessKeyId()));
            after.add(key);
            return after;
        }).owned(key.accessKeyId(), userId);
    }

    CredentialState withStatus(String userId, String userName, String accessKeyId, AccessKeyStatus status) {
        return withKeyChanged(userId, userName, accessKeyId, k -> k.withStatus(status));
    }

    CredentialState withKeyChanged(String userId, String userName, String accessKeyId, UnaryOperator<AccessKey> change) {
        return changed(userId, userName, keys -> keys.stream().map(k -> k.accessKeyId().equals(accessKeyId) ? change.apply(k) : k)
                .toList());
    }

    CredentialState withoutKey(String userId, String userName, String accessKeyId) {
        return new CredentialState(changed(userId, userName,
                keys -> keys.stream().filter(k -> !k.accessKeyId().equals(accessKeyId)).toList()).byUserId, ownerByKeyId.remove(accessKeyId),
                profiles, passwordPolicy);
    }

    CredentialState withLoginProfile(String userId, LoginProfile profile) {
        return new CredentialState(byUserId, ownerByKeyId, profile == null ? profiles.remove(userId) : profiles.put(userId, profile),
                passwordPolicy);
    }

    CredentialState withPasswordPolicy(PasswordPolicy policy) {
        return new CredentialState(byUserId, ownerByKeyId, profiles, policy);
    }

    private CredentialState owned(String accessKeyId, String userId) {
        return new CredentialState(byUserId, ownerByKeyId.put(accessKeyId, userId), profiles, passwordPolicy);
    }

    /** Users left without keys are dropped, so the state holds only what exists. */
    private CredentialState changed(String userId, String userName, UnaryOperator<List<AccessKey>> change) {
        List<AccessKey> after = change.apply(keysOf(userId).keys());
        return new CredentialState(after.isEmpty() ? byUserId.remove(userId) : byUserId.put(userId, new UserKeys(userId, userName, after)),
                ownerByKeyId, profiles, passwordPolicy);
    }
}
