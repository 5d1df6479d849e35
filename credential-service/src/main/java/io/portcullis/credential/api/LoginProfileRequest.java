package io.portcullis.credential.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /login-profile}: a password is required for a new profile, optional to change only the reset flag. */
public record LoginProfileRequest(
        @Schema(description = "The console password; only its Argon2id hash is kept", minLength = 1, maxLength = 128) String password,
        @Schema(description = "Whether the user must set a new password at next sign-in") Boolean passwordResetRequired) {

    static final LoginProfileRequest NONE = new LoginProfileRequest(null, null);

    @Override
    public String toString() {
        return "LoginProfileRequest[passwordResetRequired=" + passwordResetRequired + "]";
    }
}
