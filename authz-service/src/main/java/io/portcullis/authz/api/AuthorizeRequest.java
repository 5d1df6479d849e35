package io.portcullis.authz.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.authz.model.AuthorizationQuestion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
        @Schema(description = "Answer the matched statements too") Boolean explain,
        @Schema(description = "The resource's resource-based policy (JSON text), evaluated as AWS evaluates one") String resourcePolicy) {

    static final AuthorizeRequest NONE = new AuthorizeRequest(null, null, null, null, null, null, null, null, null);

    /** The question this request asks; ValidationError (with every problem) when it is malformed. */
    AuthorizationQuestion toQuestion() {
        return toQuestion(true);
    }

    /**
     * The question; {@code aboutNamedPrincipal} false for a question about a signed request's signer, which names no
     * principal of its own.
     */
    AuthorizationQuestion toQuestion(boolean aboutNamedPrincipal) {
        AuthorizeRequest request = this;
        List<String> problems = new ArrayList<>();
        if (aboutNamedPrincipal && (request.principal() == null) == (request.accessKeyId() == null)) {
            problems.add("exactly one of 'principal' and 'accessKeyId' must be given");
        }
        if (!aboutNamedPrincipal && (request.principal() != null || request.accessKeyId() != null)) {
            problems.add("a request about the signer names no 'principal' or 'accessKeyId'");
        }
        if (request.action() == null || request.action().isBlank()) {
            problems.add("'action' must not be empty");
        }
        if (request.resource() == null || request.resource().isBlank()) {
            problems.add("'resource' must not be empty");
        }
        if (request.resourceAccount() != null && !request.resourceAccount().matches("\\d{12}")) {
            problems.add("'resourceAccount' must be 12 digits");
        }
        Map<String, List<String>> context = new HashMap<>();
        if (request.context() != null) {
            request.context().forEach((key, value) -> {
                List<String> values = RequestChecks.strings(value);
                if (values == null) {
                    problems.add("context key '" + key + "' must be a string or a list of strings");
                } else {
                    context.put(key, values);
                }
            });
        }
        RequestChecks.refuseIfAny(problems);
        return new AuthorizationQuestion(request.principal(), request.accessKeyId(), request.action(), request.resource(),
                request.resourceAccount(), context, request.resourcePolicy());
    }
}
