package io.portcullis.identity.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.portcullis.testkit.KafkaTestBroker;
import io.portcullis.testkit.RealParts;
import io.portcullis.testkit.RealPartsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Operators rely on readiness to route traffic away from a service that cannot reach Kafka. */
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

        // Then
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> readinessStatus() == 503);
        } finally {
            broker.restart();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> readinessStatus() == 200);
    }

    private static int readinessStatus() {
        return given().when().get("/q/health/ready").then().extract().statusCode();
    }
}
