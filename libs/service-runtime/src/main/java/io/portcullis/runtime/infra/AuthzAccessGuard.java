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
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The enforcement point's half of the conversation with authz-service, the decision point: each request's signature
 * and the accesses it asks for go to {@code POST /v1/authorize/signed-requests}, signed with this service's own key,
 * and come back as who signed and what each access decided, read from one snapshot of the model. Requests that arrive
 * while {@code portcullis.access.max-calls-in-flight} calls are out wait and go together in the next call.
 *
 * <p>Why there and not here: authz-service already holds every key's sealed secret (with the key-encryption keys to
 * open them) and every policy, folded from the topics; a command service verifying by itself would need both, and
 * every service would fold every topic again. The cost is an HTTP round trip on a kept-open connection, shared under
 * load by the requests of one call (measured in the runtime's README). Fails closed: authz-service unreachable, slow,
 * or answering anything but its verdict is {@link ServiceUnavailableException} (503), never an allow.
 */
@ApplicationScoped
@DefaultBean
public class AuthzAccessGuard implements AccessGuard {

    private static final Logger LOG = Logger.getLogger(AuthzAccessGuard.class);
    private static final String ROUTE = "/v1/authorize/signed-requests";
    private static final int MAX_ENTRIES = 100;

    private final VertxInternal vertx;
    private final HttpClient http;
    private final URI authz;
    private final URI route;
    private final SigV4Signer signer;
    private final ObjectMapper json;
    private final Clock clock;
    private final long timeoutMillis;
    private final int maxCallsInFlight;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    AuthzAccessGuard(Vertx vertx, PortcullisConfig config, ObjectMapper json, Clock clock) {
        this.vertx = (VertxInternal) vertx;
        this.json = json;
        this.clock = clock;
        this.timeoutMillis = config.access().timeout().toMillis();
        this.maxCallsInFlight = Math.max(1, config.access().maxCallsInFlight());
        this.authz = config.access().authzUrl().map(url -> URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url))
                .orElse(null);
        this.route = authz == null ? null : authz.resolve(ROUTE);
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
        Pending pending = new Pending(entry(request, signingService, accesses, consistencyToken), accesses.size(), new CompletableFuture<>());
        waiting.add(pending);
        sendWhatWaits();
        return pending.verdict();
    }

    /**
     * Sends the waiting requests while fewer than {@code maxCallsInFlight} calls are out, each call taking up to
     * {@value #MAX_ENTRIES} of them. A call that ends sends what waited meanwhile: under load the calls fill up, idle
     * each request goes alone at once.
     */
    private void sendWhatWaits() {
        while (!waiting.isEmpty()) {
            int out = inFlight.get();
            if (out >= maxCallsInFlight) {
                return;
            }
            if (!inFlight.compareAndSet(out, out + 1)) {
                continue;
            }
            List<Pending> call = new ArrayList<>();
            for (Pending next = waiting.poll(); next != null; next = call.size() < MAX_ENTRIES ? waiting.poll() : null) {
                call.add(next);
            }
            if (call.isEmpty()) {
                inFlight.decrementAndGet();
            } else {
                send(call);
            }
        }
    }

    private void send(List<Pending> call) {
        byte[] body;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(ROUTE).setTimeout(timeoutMillis)
                .putHeader("Content-Type", "application/json");
        try {
            body = json.writeValueAsBytes(Map.of("entries", call.stream().map(Pending::entry).toList()));
            signer.sign("POST", route, Map.of("Content-Type", List.of("application/json")), body, clock.instant())
                    .forEach(options::putHeader);
        } catch (IOException | RuntimeException e) {
            finish(call, null, e);
            return;
        }
        // On an event loop, never on the caller's (worker) context: there the response's body could arrive before
        // response.body() is asked for, and be lost (an empty 200). Each call takes the next event loop.
        vertx.createEventLoopContext().runOnContext(onLoop -> http.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(answer -> answers(response.statusCode(), answer, call.size())))
                .onComplete(done -> finish(call, done.succeeded() ? done.result() : null, done.cause())));
    }

    /** Gives each request its answer (or the call's failure), then lets the next call go. */
    private void finish(List<Pending> call, JsonNode answers, Throwable failure) {
        inFlight.decrementAndGet();
        for (int i = 0; i < call.size(); i++) {
            Pending pending = call.get(i);
            try {
                if (failure != null) {
                    throw failure instanceof ServiceUnavailableException unavailable ? unavailable
                            : new ServiceUnavailableException("authz-service could not be reached (" + failure.getClass().getSimpleName()
                            + "); retry the request.");
                }
                pending.verdict().complete(verdict(answers.get(i), pending.asked()));
            } catch (RuntimeException e) {
                pending.verdict().completeExceptionally(e);
            }
        }
        sendWhatWaits();
    }

    /** One request waiting for its verdict: what authz-service is asked about it, and how many accesses it asks. */
    private record Pending(Map<String, Object> entry, int asked, CompletableFuture<AccessVerdict> verdict) {
    }

    private static Map<String, Object> entry(CallerRequest request, String signingService, List<RequestedAccess> accesses,
                                             String consistencyToken) {
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
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("signedRequest", signed);
        entry.put("requests", requests);
        if (consistencyToken != null && !consistencyToken.isBlank()) {
            entry.put("consistency", Map.of("atLeastAsFresh", List.of(consistencyToken)));
        }
        return entry;
    }

    /** The call's answers, one per entry; a call refused as a whole (or not JSON) is a 503 for every request in it. */
    private JsonNode answers(int status, Buffer answer, int sent) {
        JsonNode root;
        try {
            root = json.readTree(answer.getBytes());
        } catch (IOException e) {
            throw new ServiceUnavailableException("authz-service answered what is not JSON (HTTP " + status + "); retry the request.");
        }
        if (status != 200) {
            if (status == 503) {
                throw new ServiceUnavailableException(root.path("error").path("message").asText("authz-service is unavailable; retry."));
            }
            LOG.errorf("authz-service refused this service's own request: HTTP %d %s", status, root.path("error").path("code").asText(""));
            throw new ServiceUnavailableException("This service could not ask authz-service (HTTP " + status + "); retry the request.");
        }
        JsonNode answers = root.path("answers");
        if (answers.size() != sent) {
            throw new ServiceUnavailableException("authz-service answered " + answers.size() + " entries for " + sent + "; retry.");
        }
        return answers;
    }

    /** One request's verdict from its entry's answer: as {@code POST /v1/authorize/batch} would have answered it. */
    private static AccessVerdict verdict(JsonNode answer, int asked) {
        if (answer.hasNonNull("httpStatus")) {
            int status = answer.path("httpStatus").asInt();
            String code = answer.path("error").path("code").asText("");
            String message = answer.path("error").path("message").asText();
            // A freshness not reached in time is authz-service's 503: the caller retries. A token no write returned is the caller's.
            if (status == 400 && code.equals("ValidationError")) {
                return new AccessVerdict.Refused(new Rejection(IamErrorCode.VALIDATION_ERROR, message));
            }
            if (status == 503) {
                throw new ServiceUnavailableException(message.isEmpty() ? "authz-service is unavailable; retry." : message);
            }
            LOG.errorf("authz-service refused this service's own request: HTTP %d %s", status, code);
            throw new ServiceUnavailableException("This service could not ask authz-service (HTTP " + status + "); retry the request.");
        }
        JsonNode refusal = answer.path("refusal");
        if (refusal.isObject()) {
            return new AccessVerdict.Refused(new Rejection(IamErrorCode.byCode(refusal.path("code").asText())
                    .orElse(IamErrorCode.SIGNATURE_DOES_NOT_MATCH), refusal.path("message").asText()));
        }
        JsonNode signer = answer.path("signer");
        VerifiedCaller caller = new VerifiedCaller(signer.path("principalArn").asText(), text(signer, "account"),
                text(signer, "accessKeyId"), text(signer, "principalType"));
        JsonNode results = answer.path("results");
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
