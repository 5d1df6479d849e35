package io.portcullis.credential.domain;

import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.Lookup;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.paging.Page;
import io.portcullis.iam.paging.Pages;
import java.time.Instant;
import java.util.List;

/** The read questions the REST layer asks, as pure functions; secrets are never part of an answer. */
public final class CredentialQueries {

    private CredentialQueries() {
    }

    /** AWS's {@code AccessKeyMetadata}: what ListAccessKeys shows of a key. */
    public record KeyMetadata(String userName, String accessKeyId, AccessKeyStatus status, Instant createDate) {
    }

    /** {@code ListAccessKeys}: the user's keys in the order created. */
    public static Lookup<Page<KeyMetadata>> accessKeys(CredentialState state, Directory directory, String userName, ListRequest request) {
        return Lookup.of(directory.user(userName), () -> Rejection.noSuchUser(userName))
                .map(user -> Pages.pageByPosition(state.keysOf(user.id()).keys().stream()
                        .map(k -> new KeyMetadata(user.name(), k.accessKeyId(), k.status(), k.createDate())).toList(), request));
    }

    /** AWS's {@code LoginProfile}: never a password or a hash. */
    public record ProfileView(String userName, Instant createDate, boolean passwordResetRequired) {
    }

    public static Lookup<ProfileView> loginProfile(CredentialState state, Directory directory, String userName) {
        return Lookup.of(directory.user(userName), () -> Rejection.noSuchUser(userName))
                .flatMap(user -> Lookup.of(state.loginProfile(user.id()).map(p -> new ProfileView(user.name(), p.createDate(),
                        p.passwordResetRequired())), () -> CredentialRejections.noLoginProfile(user.name())));
    }

    /**
     * What the edge checks a new or old password against: the user's current hash (null without a profile) and the
     * hashes the account's reuse prevention covers, newest first (none without that rule, so no Argon2id runs for
     * nothing). NoSuchEntity for a user identity-service does not know.
     */
    public static Lookup<PasswordHistory> passwordHistory(CredentialState state, Directory directory, String userName) {
        return Lookup.of(directory.user(userName), () -> Rejection.noSuchUser(userName)).map(user -> {
            List<String> hashes = state.loginProfile(user.id()).map(LoginProfile::hashes).orElse(List.of());
            int covered = state.passwordPolicy().map(PasswordPolicy::passwordReusePrevention).orElse(0);
            return new PasswordHistory(hashes.isEmpty() ? null : hashes.get(0), hashes.subList(0, Math.min(covered, hashes.size())));
        });
    }

    /** @see #passwordHistory */
    public record PasswordHistory(String currentHash, List<String> reuseCovered) {
        public PasswordHistory {
            reuseCovered = List.copyOf(reuseCovered);
        }
    }

    /** AWS's {@code GetAccessKeyLastUsed}: who holds the key, and its last recorded use (null: never used). */
    public record LastUsedView(String userName, AccessKeyUse lastUsed) {
    }

    /** The key's owner is named as identity-service names the user now. NoSuchEntity for a key the account does not hold. */
    public static Lookup<LastUsedView> accessKeyLastUsed(CredentialState state, Directory directory, String accessKeyId) {
        return Lookup.of(state.ownerOf(accessKeyId).flatMap(userId -> state.keysOf(userId).key(accessKeyId).map(key ->
                new LastUsedView(directory.userById(userId).map(Directory.Entry::name).orElse(state.keysOf(userId).userName()),
                        key.lastUsed()))), () -> CredentialRejections.noSuchAccessKey(accessKeyId));
    }

    public static Lookup<PasswordPolicy> passwordPolicy(CredentialState state, String accountId) {
        return Lookup.of(state.passwordPolicy(), () -> CredentialRejections.noPasswordPolicy(accountId));
    }
}
