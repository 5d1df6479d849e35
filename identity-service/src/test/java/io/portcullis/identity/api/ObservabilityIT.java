package io.portcullis.identity.api;

import static io.portcullis.identity.api.ApiFixtures.createUser;
import static io.portcullis.identity.api.ApiFixtures.newAccount;
import static io.portcullis.identity.api.ApiFixtures.users;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.testkit.PrometheusText;
import io.portcullis.testkit.RealPartsTestResource;
import io.portcullis.testkit.TracingOnProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of identity-service: its meters count each command by outcome, its read model reports
 * its lag, one trace runs from the HTTP call through the decision into the events, and the shipped dashboard
 * and alerts ask only for meters it publishes.
 */
@QuarkusTest
@WithTestResource(RealPartsTestResource.class)
@TestProfile(TracingOnProfile.class)
class ObservabilityIT {

    /** Every finished span of the service (TracingOnProfile). */
    @Inject
    InMemorySpanExporter spans;

    @Test
    void countsEachCommandByTypeOutcomeAndCodeAndTheReadModelCatchesUp() {
        // Given
        String account = newAccount();
        PrometheusText before = metrics();

        // When
        createUser(account, "counted", null);
        given().contentType(ContentType.JSON).body("{\"userName\":\"counted\"}").when().post(users(account)).then().statusCode(409);

        // Then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusText after = metrics();
            assertThat(increase(before, after, "portcullis_commands_total",
                    Map.of("service", "identity-service", "command", "CreateUser", "outcome", "accepted"))).isEqualTo(1);
            assertThat(increase(before, after, "portcullis_commands_total",
                    Map.of("service", "identity-service", "command", "CreateUser", "outcome", "rejected", "code", "EntityAlreadyExists")))
                    .isEqualTo(1);
            assertThat(after.sum("portcullis_projection_lag_records", Map.of("service", "identity-service", "projection", "own"))).isZero();
            // The event, and the marker its transaction committed with.
            assertThat(increase(before, after, "portcullis_projection_offset", Map.of("service", "identity-service", "projection", "own")))
                    .isEqualTo(2);
        });
        PrometheusText after = metrics();
        assertThat(after.sum("portcullis_writer_partitions", Map.of("service", "identity-service", "state", "writing"))).isEqualTo(12);
        Map<String, String> readiness = Map.of("service", "identity-service");
        assertThat(after.count("portcullis_readiness", readiness)).isPositive();
        assertThat(after.sum("portcullis_readiness", readiness)).isEqualTo(after.count("portcullis_readiness", readiness));
        assertThat(after.sum("http_server_requests_seconds_count",
                Map.of("service", "identity-service", "method", "POST", "uri", "/v1/accounts/{accountId}/users", "status", "409")))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void labelsRequestsByRouteNeverByTheirAccountOrNames() {
        // Given
        String account = newAccount();

        // When
        given().when().get(users(account) + "/nobody").then().statusCode(404);
        given().when().get("/v1/accounts/" + account + "/no-such-thing").then().statusCode(404);

        // Then
        Set<String> uris = metrics().labelValues("http_server_requests_seconds_count", "uri");
        assertThat(uris).contains("/v1/accounts/{accountId}/users/{userName}", "NOT_FOUND");
        assertThat(uris).noneMatch(uri -> uri.contains(account) || uri.contains("nobody"));
    }

    @Test
    void oneTraceRunsFromTheHttpCallThroughTheDecisionIntoTheEvent() {
        // Given: a caller that is itself traced
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpanId = HexFormat.of().formatHex(randomBytes(8));
        String account = newAccount();

        // When
        given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType(ContentType.JSON).body("{\"userName\":\"traced\"}").when().post(users(account)).then().statusCode(201);

        // Then: the server, the gateway's send and the writer's decision are one trace, each the child of the one before
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(trace(traceId)).extracting(SpanData::getKind)
                .contains(SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER));
        List<SpanData> trace = trace(traceId);
        SpanData server = only(trace, SpanKind.SERVER);
        SpanData send = only(trace, SpanKind.PRODUCER);
        SpanData decide = only(trace, SpanKind.CONSUMER);
        assertThat(server.getParentSpanId()).isEqualTo(callerSpanId);
        assertThat(ancestors(trace, send)).contains(server.getSpanId());
        assertThat(send.getName()).isEqualTo("portcullis.identity.commands send CreateUser");
        assertThat(decide.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(decide.getName()).isEqualTo("portcullis.identity.commands decide CreateUser");
        assertThat(decide.getAttributes().asMap().toString()).contains("portcullis.outcome=accepted");

        // and the event carries the decision's context, for whoever consumes it
        ConsumerRecord<String, ?> event = IdentityEventTopic.records().stream()
                .filter(r -> r.value() instanceof UserCreated created && created.getEnvelope().getAccountId().equals(account))
                .findFirst().orElseThrow();
        Header traceparent = event.headers().lastHeader("traceparent");
        assertThat(traceparent).isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
                .isEqualTo("00-" + traceId + "-" + decide.getSpanId() + "-01");
    }

    @Test
    void theDashboardAndTheAlertsAskOnlyForMetersTheServicePublishes() throws IOException {
        // Given: a service that has served a write (some meters appear with their first use)
        createUser(newAccount(), "observed", null);
        Path observability = Path.of(System.getProperty("testkit.root.dir", ".."), "deploy", "observability");

        // When
        Set<String> asked = metricNames(Files.readString(observability.resolve("grafana/portcullis-services.json"))
                + Files.readString(observability.resolve("alerts.yaml")));

        // Then
        assertThat(asked).contains("portcullis_commands_total", "portcullis_projection_lag_records", "http_server_requests_seconds_bucket");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics().names()).containsAll(asked));
    }

    private static Set<String> metricNames(String queries) {
        Matcher name = Pattern.compile("\\b((?:portcullis|http_server|jvm|process|system)_[a-z_]+)\\b").matcher(queries);
        Set<String> names = new TreeSet<>();
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static PrometheusText metrics() {
        return PrometheusText.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double increase(PrometheusText before, PrometheusText after, String name, Map<String, String> selector) {
        return after.sum(name, selector) - before.sum(name, selector);
    }

    private List<SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static SpanData only(List<SpanData> trace, SpanKind kind) {
        List<SpanData> ofKind = trace.stream().filter(span -> span.getKind() == kind).toList();
        assertThat(ofKind).as("spans of kind %s in %s", kind, trace).hasSize(1);
        return ofKind.get(0);
    }

    private static List<String> ancestors(List<SpanData> trace, SpanData span) {
        List<String> ancestors = new ArrayList<>();
        String parent = span.getParentSpanId();
        while (parent != null) {
            ancestors.add(parent);
            String id = parent;
            parent = trace.stream().filter(s -> s.getSpanId().equals(id)).map(SpanData::getParentSpanId).findFirst().orElse(null);
        }
        return ancestors;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
