package io.portcullis.authz.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/authenticate}: a request as the calling service received it (method, raw path and query, every
 * header, and the body or its SHA-256), and the region and service it was meant for.
 */
public record AuthenticateRequest(
        @Schema(required = true, example = "POST") String method,
        @Schema(required = true, description = "The path as sent, percent-encoded", example = "/") String path,
        @Schema(description = "The raw query string, without '?'") String query,
        @Schema(required = true, description = "Every header received, each a string or a list of strings") Map<String, JsonNode> headers,
        @Schema(description = "The body as text (UTF-8)") String body,
        @Schema(description = "Or the body's SHA-256 in hex, instead of the body") String payloadSha256,
        @Schema(description = "The one region it must have been signed for; absent: whatever region it was signed for",
                example = "us-east-1") String region,
        @Schema(required = true, example = "iam") String service,
        @Schema(description = "As for /v1/authorize: the freshness the key lookup needs") JsonNode consistency) {

    static final AuthenticateRequest NONE = new AuthenticateRequest(null, null, null, null, null, null, null, null, null);
}
