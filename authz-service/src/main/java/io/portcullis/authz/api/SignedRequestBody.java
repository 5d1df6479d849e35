package io.portcullis.authz.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.sigv4.Payload;
import io.portcullis.sigv4.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request as the service that received it saw it, for its signature to be verified here: method, raw path and query,
 * every header, the body or its SHA-256, and the signing name it was meant for ({@code iam}, {@code organizations});
 * any region.
 */
public record SignedRequestBody(
        @Schema(required = true, example = "POST") String method,
        @Schema(required = true, description = "The path as sent, percent-encoded", example = "/") String path,
        @Schema(description = "The raw query string, without '?'") String query,
        @Schema(required = true, description = "Every header received, each a string or a list of strings") Map<String, JsonNode> headers,
        @Schema(description = "The body as text (UTF-8)") String body,
        @Schema(description = "Or the body's SHA-256 in hex, instead of the body") String payloadSha256,
        @Schema(required = true, example = "iam") String service) {

    /** The request to verify; ValidationError (with every problem) when it is malformed. */
    SignedRequest toSignedRequest() {
        return of(method, path, query, headers, body, payloadSha256, service, new ArrayList<>());
    }

    /** The fields of a signed request however a route takes them, checked together with the route's own {@code problems}. */
    static SignedRequest of(String method, String path, String query, Map<String, JsonNode> headers, String body, String payloadSha256,
                            String service, List<String> problems) {
        for (Map.Entry<String, String> required : Map.of("method", String.valueOf(method), "path", String.valueOf(path),
                "service", String.valueOf(service)).entrySet()) {
            if ("null".equals(required.getValue()) || required.getValue().isBlank()) {
                problems.add("'" + required.getKey() + "' must not be empty");
            }
        }
        Map<String, List<String>> received = new LinkedHashMap<>();
        if (headers == null) {
            problems.add("'headers' must be given");
        } else {
            headers.forEach((name, value) -> {
                List<String> values = RequestChecks.strings(value);
                if (values == null) {
                    problems.add("header '" + name + "' must be a string or a list of strings");
                } else {
                    received.put(name, values);
                }
            });
        }
        if (body != null && payloadSha256 != null) {
            problems.add("give 'body' or 'payloadSha256', not both");
        }
        RequestChecks.refuseIfAny(problems);
        Payload payload = payloadSha256 != null ? Payload.sha256(payloadSha256)
                : body == null ? Payload.empty() : Payload.of(body.getBytes(StandardCharsets.UTF_8));
        return new SignedRequest(method, path, query == null ? "" : query, received, payload);
    }
}
