package io.portcullis.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portcullis.testkit.KafkaTestBroker;
import io.portcullis.testkit.RealParts;
import io.portcullis.testkit.RegistryTestServer;
import io.portcullis.testkit.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import io.portcullis.testkit.TestSigning;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service started before Kafka, or before the registry: it waits for them, is not ready
 * meanwhile, and becomes ready and takes writes once they appear, without a restart.
 */
class StartInAnyOrderIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aServiceStartedBeforeKafkaBecomesReadyWhenKafkaAppears() throws Exception {
        // Given Kafka is away
        KafkaTestBroker kafka = RealParts.broker();
        kafka.kill();
        boolean back = false;
        try (ServiceProcess identity = ServiceProcess.launch("before-kafka", Map.of())) {
            // When the service starts, and Kafka only some seconds later
            // (a readiness call takes up to the Kafka check's 4 s timeout while Kafka or the registry is away)
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).until(() -> !identity.isReady());
            kafka.restart();
            back = true;

            // Then it becomes ready by itself and takes a write
            identity.awaitReady();
            assertThat(createUser(identity, "first-after-kafka").statusCode()).isEqualTo(201);
        } finally {
            if (!back) {
                kafka.restart();
            }
        }
    }

    @Test
    void aServiceStartedBeforeTheRegistryBecomesReadyWhenTheRegistryAppears() throws Exception {
        // Given the registry is away
        RegistryTestServer registry = RealParts.registry();
        registry.kill();
        boolean back = false;
        try (ServiceProcess identity = ServiceProcess.launch("before-registry", Map.of())) {
            // When the service starts, and the registry only some seconds later
            // (a readiness call takes up to the Kafka check's 4 s timeout while Kafka or the registry is away)
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).until(() -> !identity.isReady());
            registry.restart();
            back = true;

            // Then it becomes ready by itself and takes a write
            identity.awaitReady();
            assertThat(createUser(identity, "first-after-registry").statusCode()).isEqualTo(201);
        } finally {
            if (!back) {
                registry.restart();
            }
        }
    }

    private HttpResponse<String> createUser(ServiceProcess identity, String name) throws Exception {
        String account = String.format("%012d", Math.abs(name.hashCode()) % 1_000_000_000_000L);
        URI uri = URI.create(identity.baseUrl() + "/v1/accounts/" + account + "/users");
        byte[] body = ("{\"userName\":\"" + name + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return http.send(TestSigning.signed(HttpRequest.newBuilder(uri), "POST", uri, body)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
