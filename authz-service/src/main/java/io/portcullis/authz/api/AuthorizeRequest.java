package io.portcullis.authz.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/authorize}: the principal as a user's ARN or one of its access key ids, the action, the resource,
 * the resource's account (absent: the principal's), request context keys (a string or a list of strings each), the
 * freshness asked for, and whether to explain.
 */
public record AuthorizeRequest(
        @Schema(description = "The user's ARN (or give accessKeyId)", example = "arn:aws:iam::123456789012:user/bob") String principal,
        @Schema(description = "One of the user's access key ids, instead of principal") String accessKeyId,
        @Schema(required = true, example = "s3:GetObject") String action,
        @Schema(required = true, example = "arn:aws:s3:::bucket/key") String resource,
        @Schema(description = "The 12-digit account owning the resource; absent: the principal's") String resourceAccount,
        @Schema(description = "Request context keys, each a string or a list of strings") Map<String, JsonNode> context,
        @Schema(description = "\"minimizeLatency\" (default), \"fullyConsistent\", or {\"atLeastAsFresh\": [consistency tokens]}")
        JsonNode consistency,
        @Schema(description = "Answer the matched statements too") Boolean explain) {

    static final AuthorizeRequest NONE = new AuthorizeRequest(null, null, null, null, null, null, null, null);
}
