package io.portcullis.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

    /**
     * A body far over the service's limit, sent whole before its answer is read (as Python's, the JDK's and the AWS CLI's
     * clients send): the client reads the IAM 413, not a broken pipe, and the connection serves the next request.
     */
    @Test
    void answersABodyFarOverTheLimitReadablyToAClientThatSendsItAllFirst() throws Exception {
        int length = 24 * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/accounts/123456789012/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, length - sent));
            }
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String tooLarge = readResponse(in);
            out.write("GET /q/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String next = readResponse(in);

            assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
            assertTrue(tooLarge.contains("\"code\":\"RequestEntityTooLarge\""), tooLarge);
            assertTrue(tooLarge.contains("The request body is " + length + " bytes"), tooLarge);
            assertTrue(next.startsWith("HTTP/1.1 200"), next);
        }
    }

    /** One HTTP/1.1 response as text: its status line, headers and a body of {@code Content-Length} or chunks. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder response = new StringBuilder();
        int length = 0;
        boolean chunked = false;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            response.append(line).append("\r\n");
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        response.append("\r\n");
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                response.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                line(in);
            }
            line(in);
        } else {
            response.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return response.toString();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed mid-response after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
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
