package io.portcullis.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * Every route under /v1 documents itself the way clients generate code from: a unique operation id in
     * IAM's spelling, the body of its success, the IAM error body on 400, 500 and 503 (and 413 where it takes a body),
     * and the shared headers by reference.
     */
    @Test
    void documentsEveryOperationWithItsIdSuccessBodyAndIamErrors() {
        JsonPath document = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        assertNotNull(document.get("components.schemas.IamError.properties.error"), "the IamError schema");
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        Set<String> operationIds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/v1/")) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            Object id = operation.get("operationId");
            if (id == null || !id.toString().matches("[A-Z][A-Za-z]+") || !operationIds.add(id.toString())) {
                problems.add(where + ": operationId " + id + " missing, not in IAM's spelling or used twice");
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            List<String> success = responses.keySet().stream().filter(status -> status.startsWith("2")).toList();
            if (success.size() != 1) {
                problems.add(where + ": one success response expected, found " + success);
            } else if (!success.get(0).equals("204") && responses.get(success.get(0)).get("content") == null) {
                problems.add(where + ": success " + success.get(0) + " has no body schema");
            }
            List<String> errors = new ArrayList<>(List.of("400", "500", "503"));
            if (operation.get("requestBody") != null) {
                errors.add("413");
            }
            for (String status : errors) {
                if (!String.valueOf(responses.get(status)).contains("#/components/schemas/IamError")) {
                    problems.add(where + ": no IamError response for " + status);
                }
            }
            if (!String.valueOf(operation.get("parameters")).contains("#/components/parameters/")) {
                problems.add(where + ": does not reference the standard headers");
            }
        }));
        assertEquals(List.of(), problems);
    }

    /**
     * Every {@code /v1} route refuses a request that carries no signature with AWS's {@code MissingAuthenticationToken}
     * (403), before it reads anything: the body is not even parsed (a malformed one gets the same answer).
     */
    @Test
    void refusesEveryRouteWithoutASignature() {
        assertEquals(List.of(), routesNotAnswering("MissingAuthenticationToken", SignedRestAssured.UNSIGNED, "true"));
    }

    /**
     * Every {@code /v1} route refuses a request signed with the wrong secret with {@code SignatureDoesNotMatch} (403), and
     * judges the signature before the input: a malformed body signed so is refused for its signature.
     */
    @Test
    void refusesEveryRouteAWrongSignatureBeforeItsInput() {
        String forged = TestSigning.Key.rootOf("123456789012").accessKeyId() + ":" + "not-the-secret-of-this-key-at-all-00000000";
        assertEquals(List.of(), routesNotAnswering("SignatureDoesNotMatch", SignedRestAssured.SIGN_AS, forged));
    }

    /**
     * Sends a malformed body to every {@code /v1} operation the OpenAPI document lists, with the test kit's signing
     * header {@code signing} set to {@code value}: the operations that did not answer 403 {@code code}.
     */
    private static List<String> routesNotAnswering(String code, String signing, String value) {
        JsonPath document = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> {
            if (!path.startsWith("/v1/") || !List.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            String concrete = path.replaceAll("\\{accountId}", "123456789012").replaceAll("\\{[^}]+}", "x");
            io.restassured.response.Response answer = given().header(signing, value)
                    .contentType("application/json").body("{not json").request(method.toUpperCase(), concrete);
            String answered = answer.statusCode() == 403 ? answer.jsonPath().getString("error.code") : null;
            if (!code.equals(answered)) {
                problems.add(method.toUpperCase() + " " + path + " answered " + answer.statusCode() + " " + answer.body().asString());
            }
        }));
        return problems;
    }

    @Test
    void servesSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
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
