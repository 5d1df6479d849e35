package io.portcullis.credential.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's console password (AWS's login profile): never the password, only Argon2id hashes, the current one
 * first, followed by up to {@value #HISTORY} earlier ones for the policy's reuse prevention.
 */
public record LoginProfile(String userName, Instant createDate, boolean passwordResetRequired, List<String> hashes,
                           Instant passwordLastChanged) {

    /** AWS's largest {@code PasswordReusePrevention}. */
    public static final int HISTORY = 24;

    public LoginProfile {
        hashes = List.copyOf(hashes);
    }

    public String currentHash() {
        return hashes.get(0);
    }

    LoginProfile withPassword(String hash, Instant when) {
        List<String> after = new ArrayList<>();
        after.add(hash);
        after.addAll(hashes.subList(0, Math.min(hashes.size(), HISTORY - 1)));
        return new LoginProfile(userName, createDate, passwordResetRequired, after, when);
    }

    LoginProfile withResetRequired(boolean required) {
        return new LoginProfile(userName, createDate, required, hashes, passwordLastChanged);
    }

    LoginProfile named(String name) {
        return new LoginProfile(name, createDate, passwordResetRequired, hashes, passwordLastChanged);
    }
}
