package io.portcullis.policy.api;

import io.portcullis.policy.domain.PolicyShapes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /policies/{policy}/default-version}. */
public record DefaultVersionRequest(
        @Schema(pattern = "^" + PolicyShapes.VERSION_ID_PATTERN + "$", required = true) String versionId) {

    static final DefaultVersionRequest NONE = new DefaultVersionRequest(null);
}
