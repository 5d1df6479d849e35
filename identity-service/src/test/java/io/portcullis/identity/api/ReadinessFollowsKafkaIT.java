package io.portcullis.identity.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.portcullis.testkit.KafkaTestBroker;
import io.portcullis.testkit.PrometheusText;
import io.portcullis.testkit.RealParts;
import io.portcullis.testkit.RealPartsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Operators rely on readiness to route traffic away from a service that cannot reach Kafka, and alert on it. */
@QuarkusTest
@WithTestResource(RealPartsTestResource.class)
class ReadinessFollowsKafkaIT {

    @Test
    void readinessTurnsDownWhenTheBrokerStopsAndUpWhenItReturns() {
        // Given
        KafkaTestBroker broker = RealParts.broker();
        await().atMost(Duration.ofSeconds(30)).until(() -> readinessStatus() == 200);

        // When
        broker.kill();

        // Then: the probe and the meter an alert watches both say so (the meter within its 10 s check period)
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> readinessStatus() == 503);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> readyMeter() == 0);
        } finally {
            broker.restart();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> readinessStatus() == 200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> readyMeter() == 1);
    }

    private static double readyMeter() {
        return PrometheusText.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .sum("portcullis_ready", Map.of("service", "identity-service"));
    }

    private static int readinessStatus() {
        return given().when().get("/q/health/ready").then().extract().statusCode();
    }
}
