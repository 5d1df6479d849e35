package io.portcullis.credential.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PATCH /access-keys/{id}}. */
public record UpdateAccessKeyRequest(@Schema(enumeration = {"Active", "Inactive"}, required = true) String status) {

    static final UpdateAccessKeyRequest NONE = new UpdateAccessKeyRequest(null);
}
