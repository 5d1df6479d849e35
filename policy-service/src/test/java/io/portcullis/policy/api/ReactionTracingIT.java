package io.portcullis.policy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.portcullis.events.EventEnvelope;
import io.portcullis.events.identity.UserDeleted;
import io.portcullis.events.topics.Topic;
import io.portcullis.events.topics.TopicProvisioning;
import io.portcullis.testkit.RealPartsTestResource;
import io.portcullis.testkit.TracingOnProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A consumer of another service's event continues the event's trace: identity-service's UserDeleted, carrying
 * the trace of the call that deleted the user, makes policy-service react (ForgetUser) and decide within
 * that same trace.
 */
@QuarkusTest
@WithTestResource(RealPartsTestResource.class)
@TestProfile(TracingOnProfile.class)
class ReactionTracingIT {

    /** Every finished span of the service (TracingOnProfile). */
    @Inject
    InMemorySpanExporter spans;

    @Test
    void aReactionToAnotherServicesEventJoinsTheEventsTrace() throws Exception {
        // Given: identity-service's event of a deletion, made within a trace
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String deletionSpanId = HexFormat.of().formatHex(randomBytes(8));
        String account = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
        UserDeleted deleted = UserDeleted.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder().setEventId(UUID.randomUUID().toString()).setEventType("UserDeleted")
                        .setAccountId(account).setAggregateId(account).setAggregateVersion(1).setTime(Instant.now())
                        .setActor("arn:aws:iam::" + account + ":root").setRequestId(UUID.randomUUID().toString())
                        .setSourceService("identity-service").build())
                .setUserId("AIDA" + HexFormat.of().formatHex(randomBytes(8)).toUpperCase()).setUserName("leaver").build();

        // When it is published
        publish(account, deleted, "00-" + traceId + "-" + deletionSpanId + "-01");

        // Then: the reaction continues the event's trace, and the decision continues the reaction's
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(trace(traceId)).extracting(SpanData::getName)
                .contains("portcullis.identity.events react ForgetUser", "portcullis.policy.commands decide ForgetUser"));
        SpanData react = named(traceId, "portcullis.identity.events react ForgetUser");
        SpanData decide = named(traceId, "portcullis.policy.commands decide ForgetUser");
        assertThat(react.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(react.getParentSpanId()).isEqualTo(deletionSpanId);
        assertThat(decide.getParentSpanId()).isEqualTo(react.getSpanId());
    }

    private static void publish(String account, SpecificRecord event, String traceparent) throws Exception {
        var config = ConfigProvider.getConfig();
        String bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
        String topic = Topic.OwningService.IDENTITY.eventsTopic();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicProvisioning.createMissing(admin, List.of(Topic.of(Topic.OwningService.IDENTITY, Topic.Role.EVENTS).spec(1)),
                    Duration.ofSeconds(10));
        }
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "io.apicurio.registry.serde.avro.AvroKafkaSerializer",
                "apicurio.registry.url", config.getValue("portcullis.registry.url", String.class),
                "apicurio.registry.auto-register", "true",
                "apicurio.registry.artifact-resolver-strategy", "io.apicurio.registry.serde.avro.strategy.RecordIdStrategy"))) {
            ProducerRecord<String, Object> record = new ProducerRecord<>(topic, account, event);
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private List<SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private SpanData named(String traceId, String name) {
        List<SpanData> named = trace(traceId).stream().filter(span -> span.getName().equals(name)).toList();
        assertThat(named).as("spans named %s", name).hasSize(1);
        return named.get(0);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
