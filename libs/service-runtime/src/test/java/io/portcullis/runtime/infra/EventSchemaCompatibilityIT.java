package io.portcullis.runtime.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.portcullis.events.EventEnvelope;
import io.portcullis.events.Tag;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.events.topics.Topic;
import io.portcullis.testkit.RealPartsExtension;
import io.portcullis.testkit.RegistryTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealPartsExtension.class)
class EventSchemaCompatibilityIT {

    private static final String GROUP = Topic.OwningService.IDENTITY.eventSchemaGroup();
    private final HttpClient http = HttpClient.newHttpClient();
    private String registryUrl;

    @BeforeEach
    void serdeRegistersUserCreatedUnderABackwardRule(RegistryTestServer registry) throws Exception {
        registryUrl = registry.apiUrl();
        new SchemaCompatibility(registryUrl).requireBackward(GROUP);
        serializeAndBack(userCreated());
    }

    @Test
    void serdeRegistersEachEventTypeByRecordNameInItsServiceGroup() throws Exception {
        // When
        var artifact = get("/groups/" + GROUP + "/artifacts/UserCreated");

        // Then
        assertThat(artifact.statusCode()).isEqualTo(200);
        assertThat(artifact.body()).contains("\"artifactType\":\"AVRO\"");
    }

    @Test
    void serdeRoundTripsTheEventWithItsEnvelope() {
        // Given
        UserCreated event = userCreated();

        // When
        Object back = serializeAndBack(event);

        // Then
        assertThat(back).isEqualTo(event);
    }

    @Test
    void registryRefusesAVersionThatAddsARequiredField() throws Exception {
        // Given: today's UserCreated plus a field without a default, which old events cannot fill
        String incompatible = UserCreated.getClassSchema().toString(List.of(EventEnvelope.getClassSchema(), Tag.getClassSchema()), false)
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"email\",\"type\":\"string\"},");

        // When
        var response = postVersion(incompatible);

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Incompatible");
    }

    @Test
    void registryAcceptsAVersionThatAddsAnOptionalFieldWithADefault() throws Exception {
        // Given
        String compatible = UserCreated.getClassSchema().toString(List.of(EventEnvelope.getClassSchema(), Tag.getClassSchema()), false)
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null},");

        // When
        var response = postVersion(compatible);

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private Object serializeAndBack(UserCreated event) {
        Map<String, Object> config = Map.of(
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", "true",
                "apicurio.registry.artifact-resolver-strategy", "io.apicurio.registry.serde.avro.strategy.RecordIdStrategy",
                "apicurio.registry.use-specific-avro-reader", "true");
        try (var serializer = new AvroKafkaSerializer<UserCreated>(); var deserializer = new AvroKafkaDeserializer<Object>()) {
            serializer.configure(config, false);
            deserializer.configure(config, false);
            String topic = Topic.IDENTITY_EVENTS.topicName();
            return deserializer.deserialize(topic, serializer.serialize(topic, event));
        }
    }

    /** Posts a new version of UserCreated that refers to the envelope and tag artifacts as the serde's first version does. */
    private HttpResponse<String> postVersion(String schema) throws Exception {
        String references = get("/groups/" + GROUP + "/artifacts/UserCreated/versions/branch=latest/references").body();
        String body = "{\"content\":{\"contentType\":\"application/json\",\"content\":" + jsonString(schema)
                + ",\"references\":" + references + "}}";
        return http.send(HttpRequest.newBuilder(URI.create(registryUrl + "/groups/" + GROUP + "/artifacts/UserCreated/versions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(registryUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static UserCreated userCreated() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return UserCreated.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setEventType("UserCreated")
                        .setAccountId("111122223333")
                        .setAggregateId("111122223333")
                        .setAggregateVersion(1)
                        .setTime(now)
                        .setActor("arn:aws:iam::111122223333:user/admin")
                        .setRequestId(UUID.randomUUID().toString())
                        .setSourceService("identity-service")
                        .build())
                .setUserId("AIDAEXAMPLE0000000001")
                .setUserName("alice")
                .setPath("/")
                .setArn("arn:aws:iam::111122223333:user/alice")
                .setCreateDate(now)
                .setTags(List.of(new Tag("team", "blue")))
                .build();
    }
}
