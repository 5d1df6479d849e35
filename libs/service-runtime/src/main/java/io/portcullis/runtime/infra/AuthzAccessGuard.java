package io.portcullis.runtime.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.api.AccessGuard;
import io.portcullis.runtime.api.AccessVerdict;
import io.portcullis.runtime.api.CallerRequest;
import io.portcullis.runtime.api.VerifiedCaller;
import io.portcullis.runtime.config.PortcullisConfig;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import io.portcullis.sigv4.SigV4Signer;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The enforcement point's half of the conversation with authz-service, the decision point: each request's signature
 * and the accesses it asks for go to {@code POST /v1/authorize/batch} in one call, signed with this service's own
 * key, and come back as who signed and what each access decided, read from one snapshot of the model.
 *
 * <p>Why there and not here: authz-service already holds every key's sealed secret (with the key-encryption keys to
 * open them) and every policy, folded from the topics; a command service verifying by itself would need both, and
 * every service would fold every topic again. The cost is one HTTP round trip per request on a kept-open connection
 * (measured in the runtime's README). Fails closed: authz-service unreachable, slow, or answering anything but its
 * verdict is {@link ServiceUnavailableException} (503), never an allow.
 */
@ApplicationScoped
@DefaultBean
public class AuthzAccessGuard implements AccessGuard {

    private static final Logger LOG = Logger.getLogger(AuthzAccessGuard.class);
    private static final String ROUTE = "/v1/authorize/batch";

    private final HttpClient http;
    private final URI authz;
    private final SigV4Signer signer;
    private final ObjectMapper json;
    private final Clock clock;
    private final long timeoutMillis;

    AuthzAccessGuard(Vertx vertx, PortcullisConfig config, ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.timeoutMillis = config.access().timeout().toMillis();
        this.authz = config.access().authzUrl().map(url -> URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url))
                .orElse(null);
        this.signer = config.access().serviceCredential().map(AuthzAccessGuard::signer).orElse(null);
        this.http = authz == null ? null : vertx.createHttpClient(new HttpClientOptions()
                        .setDefaultHost(authz.getHost()).setDefaultPort(authz.getPort() < 0 ? 80 : authz.getPort())
                        .setSsl("https".equals(authz.getScheme())).setKeepAlive(true)
                        .setConnectTimeout((int) Math.min(timeoutMillis, 1000)),
                new PoolOptions().setHttp1MaxSize(config.access().maxConnections()));
        if (authz == null || signer == null) {
            LOG.warn("No authz-service URL or service credential is configured (portcullis.access.*): every /v1 request is answered 503");
        }
    }

    private static SigV4Signer signer(String configured) {
        int colon = configured.indexOf(':');
        if (colon <= 0 || colon == configured.length() - 1) {
            throw new IllegalArgumentException("portcullis.access.service-credential is accessKeyId:secret");
        }
        return SigV4Signer.of(configured.substring(0, colon), configured.substring(colon + 1).toCharArray(), "us-east-1", "iam");
    }

    @Override
    public CompletionStage<AccessVerdict> authorize(CallerRequest request, String signingService, List<RequestedAccess> accesses,
                                                    String consistencyToken) {
        if (http == null || signer == null) {
            return CompletableFuture.failedFuture(new ServiceUnavailableException(
                    "This service has no authorizer configured; no request can be verified."));
        }
        byte[] body = body(request, signingService, accesses, consistencyToken);
        URI uri = authz.resolve(ROUTE);
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(ROUTE).setTimeout(timeoutMillis)
                .putHeader("Content-Type", "application/json");
        signer.sign("POST", uri, headers, body, clock.instant()).forEach(options::putHeader);
        CompletableFuture<AccessVerdict> verdict = new CompletableFuture<>();
        http.request(options)
                .compose(call -> call.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(answer -> verdict(response.statusCode(), answer, accesses.size())))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        verdict.complete(done.result());
                    } else {
                        Throwable failure = done.cause();
                        verdict.completeExceptionally(failure instanceof ServiceUnavailableException ? failure
                                : new ServiceUnavailableException("authz-service could not be reached (" + failure.getClass().getSimpleName()
                                + "); retry the request."));
                    }
                });
        return verdict;
    }

    private byte[] body(CallerRequest request, String signingService, List<RequestedAccess> accesses, String consistencyToken) {
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("method", request.method());
        signed.put("path", request.rawPath());
        signed.put("query", request.rawQuery());
        signed.put("headers", request.headers());
        signed.put("payloadSha256", request.payloadSha256());
        signed.put("service", signingService);
        List<Map<String, Object>> requests = new ArrayList<>();
        for (RequestedAccess access : accesses) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("action", access.action());
            one.put("resource", access.resource());
            if (access.account() != null) {
                one.put("resourceAccount", access.account().value());
            }
            one.put("context", access.context());
            if (access.resourcePolicy() != null) {
                one.put("resourcePolicy", access.resourcePolicy());
            }
            requests.add(one);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("signedRequest", signed);
        root.put("requests", requests);
        if (consistencyToken != null && !consistencyToken.isBlank()) {
            root.put("consistency", Map.of("atLeastAsFresh", List.of(consistencyToken)));
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AccessVerdict verdict(int status, Buffer answer, int asked) {
        JsonNode root;
        try {
            root = json.readTree(answer.getBytes());
        } catch (IOException e) {
            throw new ServiceUnavailableException("authz-service answered what is not JSON (HTTP " + status + "); retry the request.");
        }
        if (status != 200) {
            String code = root.path("error").path("code").asText("");
            // A freshness not reached in time is authz-service's 503: the caller retries. Anything else is ours to fix.
            if (status == 503 || status == 400 && code.equals("ValidationError")) {
                if (status == 400) {
                    return new AccessVerdict.Refused(new Rejection(IamErrorCode.VALIDATION_ERROR, root.path("error").path("message").asText()));
                }
                throw new ServiceUnavailableException(root.path("error").path("message").asText("authz-service is unavailable; retry."));
            }
            LOG.errorf("authz-service refused this service's own request: HTTP %d %s", status, code);
            throw new ServiceUnavailableException("This service could not ask authz-service (HTTP " + status + "); retry the request.");
        }
        JsonNode refusal = root.path("refusal");
        if (refusal.isObject()) {
            return new AccessVerdict.Refused(new Rejection(IamErrorCode.byCode(refusal.path("code").asText())
                    .orElse(IamErrorCode.SIGNATURE_DOES_NOT_MATCH), refusal.path("message").asText()));
        }
        JsonNode signer = root.path("signer");
        VerifiedCaller caller = new VerifiedCaller(signer.path("principalArn").asText(), text(signer, "account"),
                text(signer, "accessKeyId"), text(signer, "principalType"));
        JsonNode results = root.path("results");
        if (results.size() != asked) {
            throw new ServiceUnavailableException("authz-service answered " + results.size() + " decisions for " + asked + "; retry.");
        }
        for (JsonNode result : results) {
            if (!"allowed".equals(result.path("decision").asText())) {
                String message = result.path("message").asText(result.path("error").path("message").asText("Access denied."));
                return new AccessVerdict.Denied(caller, new Rejection(IamErrorCode.ACCESS_DENIED, message));
            }
        }
        return new AccessVerdict.Allowed(caller);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    void close(@Observes ShutdownEvent stop) {
        if (http != null) {
            http.close();
        }
    }
}
