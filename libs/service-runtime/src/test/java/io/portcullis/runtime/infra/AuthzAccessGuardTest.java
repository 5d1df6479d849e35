package io.portcullis.runtime.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.AccountId;
import io.portcullis.runtime.api.AccessVerdict;
import io.portcullis.runtime.api.CallerRequest;
import io.portcullis.runtime.config.PortcullisConfig;
import io.portcullis.events.topics.Topic;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The enforcement point's client, against an HTTP server that answers as authz-service's batch route does: what the
 * guard makes of the answer, asked as the REST resources ask it (from worker threads, many at once).
 */
class AuthzAccessGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vertx vertx;
    private HttpServer authz;
    private final java.util.concurrent.atomic.AtomicInteger callsReceived = new java.util.concurrent.atomic.AtomicInteger();
    private AuthzAccessGuard guard;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        authz = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> callsReceived.incrementAndGet()).onSuccess(body -> request.response()
                        .putHeader("Content-Type", "application/json").end(allowEveryEntry(body.getBytes()))))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        guard = new AuthzAccessGuard(vertx, config("http://127.0.0.1:" + authz.actualPort()), new ObjectMapper(), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * Asked from Vert.x worker threads, as a blocking resource asks, many at once: every caller gets its own answer, read
     * whole (none lost to a body that arrived before the response was asked for it: an empty 200, once in about a
     * thousand calls under load), whether its request went alone or with others that waited for the same call.
     */
    @Test
    void everyAnswerAskedFromWorkerThreadsIsReadWhole() throws Exception {
        int calls = 4_000;
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        vertx.deployVerticle(new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                started.complete();
                for (int i = 0; i < calls; i++) {
                    String path = "/v1/accounts/123456789012/users/user-" + i;
                    vertx.executeBlocking(() -> {
                        AccessVerdict verdict;
                        try {
                            verdict = guard.authorize(request(path), "iam", List.of(access()), null).toCompletableFuture().get(10, TimeUnit.SECONDS);
                        } catch (Exception failed) {
                            return failed.getCause() == null ? failed.toString() : failed.getCause().getMessage();
                        }
                        if (verdict instanceof AccessVerdict.Allowed allowed && !allowed.caller().principalArn().equals(path)) {
                            return "another caller's answer";
                        }
                        return verdict.getClass().getSimpleName();
                    }, false).onComplete(outcome -> {
                        outcomes.merge(outcome.succeeded() ? outcome.result() : outcome.cause().toString(), 1, Integer::sum);
                        if (outcomes.values().stream().mapToInt(Integer::intValue).sum() == calls) {
                            done.complete(null);
                        }
                    });
                }
            }
        }, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER).setWorkerPoolSize(32));

        done.get(120, TimeUnit.SECONDS);

        assertThat(outcomes).containsExactly(Map.entry("Allowed", calls));
        assertThat(callsReceived.get()).as("HTTP calls for %d requests, at most 2 in flight", calls).isLessThan(calls);
    }

    /**
     * Answers as authz-service's signed-requests route answers every entry it allows, naming as the signer the path the
     * entry's request was for (so each caller can tell its own answer), padded past a small packet.
     */
    private static String allowEveryEntry(byte[] body) {
        try {
            StringBuilder answers = new StringBuilder();
            for (var entry : JSON.readTree(body).path("entries")) {
                answers.append(answers.isEmpty() ? "" : ",").append("{\"results\":[{\"decision\":\"allowed\"}],\"signer\":{\"principalArn\":\"")
                        .append(entry.path("signedRequest").path("path").asText()).append("\",\"principalType\":\"Root\"},\"padding\":\"")
                        .append("x".repeat(400)).append("\"}");
            }
            return "{\"answers\":[" + answers + "]}";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CallerRequest request(String path) {
        return new CallerRequest("POST", path, "", Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=PCRT123456789012/20261207/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000")),
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "127.0.0.1", "test", false);
    }

    private static RequestedAccess access() {
        return RequestedAccess.of("iam:CreateUser", "arn:aws:iam::123456789012:user/alice", new AccountId("123456789012"));
    }

    private static PortcullisConfig config(String authzUrl) {
        PortcullisConfig.Access access = new PortcullisConfig.Access() {
            public Optional<String> authzUrl() {
                return Optional.of(authzUrl);
            }

            public Optional<String> serviceCredential() {
                return Optional.of("PCSVEXAMPLEKEY000001:service-secret-for-this-test-only-000000");
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }

            public int maxConnections() {
                return 32;
            }

            public int maxCallsInFlight() {
                return 2;
            }
        };
        return new PortcullisConfig() {
            public Optional<Topic.OwningService> owns() {
                return Optional.empty();
            }

            public String instanceId() {
                return "test";
            }

            public Duration requestTimeout() {
                return Duration.ofSeconds(5);
            }

            public TopicSettings topic() {
                return () -> 1;
            }

            public Http http() {
                return () -> new MemorySize(java.math.BigInteger.valueOf(128 * 1024));
            }

            public Registry registry() {
                return () -> "http://127.0.0.1:1";
            }

            public Access access() {
                return access;
            }
        };
    }
}
