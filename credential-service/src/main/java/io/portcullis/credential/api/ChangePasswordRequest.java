package io.portcullis.credential.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /password}: a user's own password change. */
public record ChangePasswordRequest(@Schema(required = true, minLength = 1, maxLength = 128) String oldPassword,
                                    @Schema(required = true, minLength = 1, maxLength = 128) String newPassword) {

    static final ChangePasswordRequest NONE = new ChangePasswordRequest(null, null);

    @Override
    public String toString() {
        return "ChangePasswordRequest[…]";
    }
}
