package io.portcullis.identity.api;

import static io.portcullis.identity.api.ApiFixtures.createUser;
import static io.portcullis.identity.api.ApiFixtures.newAccount;
import static io.portcullis.identity.api.ApiFixtures.users;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.portcullis.events.identity.UserCreated;
import io.portcullis.testkit.RealPartsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import io.portcullis.testkit.TestSigning;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a careless or hostile client gets: a clear IAM error, and nothing changed. */
@QuarkusTest
@WithTestResource(RealPartsTestResource.class)
class BadInputIT {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIsRefusedAndCreatesNothing() {
        // Given
        String account = newAccount();
        given().contentType(ContentType.JSON).header("Idempotency-Key", "key-1").body("{\"userName\":\"first\"}")
                .when().post(users(account)).then().statusCode(201);

        // When
        var reused = given().contentType(ContentType.JSON).header("Idempotency-Key", "key-1").body("{\"userName\":\"other\"}")
                .when().post(users(account)).then();

        // Then
        reused.statusCode(400).body("error.code", equalTo("IdempotentParameterMismatch"))
                .body("error.message", containsString("'key-1'"));
        given().when().get(users(account) + "/other").then().statusCode(404);
        assertThat(IdentityEventTopic.readAll()).filteredOn(e -> e instanceof UserCreated created
                && created.getEnvelope().getAccountId().equals(account)).hasSize(1);
    }

    @Test
    void anIdempotencyKeyReusedOnAnotherOperationIsRefusedAndChangesNothing() {
        // Given
        String account = newAccount();
        given().contentType(ContentType.JSON).header("Idempotency-Key", "key-2").body("{\"userName\":\"keeper\"}")
                .when().post(users(account)).then().statusCode(201);

        // When
        var reused = given().header("Idempotency-Key", "key-2").when().delete(users(account) + "/keeper").then();

        // Then
        reused.statusCode(400).body("error.code", equalTo("IdempotentParameterMismatch"));
        given().when().get(users(account) + "/keeper").then().statusCode(200);
    }

    @Test
    void theSameRequestRetriedWithItsKeyIsAnsweredAsTheFirstTime() {
        // Given
        String account = newAccount();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "key-3").body("{\"userName\":\"again\"}")
                .when().post(users(account)).then().statusCode(201).extract().path("userId");

        // When
        String retried = given().contentType(ContentType.JSON).header("Idempotency-Key", "key-3").body("{\"userName\":\"again\"}")
                .when().post(users(account)).then().statusCode(201).extract().path("userId");

        // Then
        assertThat(retried).isEqualTo(first);
    }

    @Test
    void aConsistencyTokenPastWhatWasWrittenIsRefusedAtOnce() {
        // Given
        String account = newAccount();
        createUser(account, "alice", null);

        // When
        var read = given().header("Consistency-Token", "identity:0:999999999").when().get(users(account)).then();

        // Then
        read.statusCode(400).body("error.code", equalTo("ValidationError"))
                .body("error.message", containsString("is not one a write returned"));
    }

    @Test
    void aBodyOverTheServicesLimitIsRequestEntityTooLarge() throws Exception {
        // Given a body of 200 KB (the limit is 128 KB)
        String huge = "{\"userName\":\"" + "a".repeat(200_000) + "\"}";

        // When
        HttpResponse<String> created = post(users(newAccount()), huge);

        // Then
        assertThat(created.statusCode()).isEqualTo(413);
        assertThat(created.body()).contains("\"code\":\"RequestEntityTooLarge\"");
    }

    @Test
    void aNumberOrABooleanWhereANameBelongsIsRefusedNotConverted() {
        // Given
        String account = newAccount();

        // When
        var number = given().contentType(ContentType.JSON).body("{\"userName\": 42}").when().post(users(account)).then();
        var bool = given().contentType(ContentType.JSON).body("{\"userName\": true}").when().post(users(account)).then();

        // Then
        number.statusCode(400).body("error.code", equalTo("InvalidInput")).body("error.message", containsString("userName"));
        bool.statusCode(400).body("error.code", equalTo("InvalidInput"));
        given().when().get(users(account) + "/42").then().statusCode(404);
    }

    @Test
    void aBodyNestedBeyondWhatTheReaderAcceptsIsInvalidInput() throws Exception {
        // When (the JDK client: RestAssured's request log pretty-prints a body this deep until the test JVM runs out of memory)
        HttpResponse<String> nested = post(users(newAccount()), "{\"tags\":" + "[".repeat(5_000) + "}");

        // Then
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(nested.body()).contains("\"code\":\"InvalidInput\"");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        URI uri = URI.create(base.toString().replaceAll("/$", "") + path);
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(TestSigning.signed(HttpRequest.newBuilder(uri), "POST", uri, bytes)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void manyBadValuesAreCountedButOnlyTheFirstTenQuoted() {
        // Given 30 tags with keys IAM does not allow
        String tags = IntStream.range(0, 30).mapToObj(i -> "{\"key\":\"bad#" + i + "\",\"value\":\"v\"}")
                .collect(Collectors.joining(",", "[", "]"));

        // When
        var created = given().contentType(ContentType.JSON).body("{\"userName\":\"u\",\"tags\":" + tags + "}")
                .when().post(users(newAccount())).then();

        // Then
        created.statusCode(400).body("error.code", equalTo("ValidationError"))
                .body("error.message", startsWith("30 validation errors detected"))
                .body("error.message", endsWith("and 20 more"));
    }
}
