package io.portcullis.credential.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /access-keys/{id}/rotate}; no body, or no value, deactivates the old key at once. */
public record RotateAccessKeyRequest(
        @Schema(description = "Seconds the old key stays Active after the rotation (0 to 2592000, 30 days); absent or 0: deactivated at once")
        Long deactivateOldAfterSeconds) {

    static final RotateAccessKeyRequest NONE = new RotateAccessKeyRequest(null);
}
