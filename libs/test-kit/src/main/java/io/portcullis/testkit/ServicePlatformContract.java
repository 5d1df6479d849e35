package io.portcullis.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every Portcullis service serves before it has any feature: readiness that reflects Kafka,
 * OpenAPI, Prometheus metrics, and IAM-style errors. Each service runs these against itself:
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(RealPartsTestResource.class)
 * class IdentityServicePlatformIT extends ServicePlatformContract { }
 * }</pre>
 */
public abstract class ServicePlatformContract {

    @Test
    void readinessIsUpAndIncludesTheKafkaConnection() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).body("openapi", containsString("3."));
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void answersAnUnknownRouteWithAnIamError() {
        given().when().get("/v1/no-such-route")
                .then().statusCode(404)
                .contentType("application/json")
                .body("error.code", equalTo("NotFound"))
                .body("error.message", containsString("No such resource"));
    }
}
