package io.portcullis.identity.api;

import static io.portcullis.identity.api.ApiFixtures.addMember;
import static io.portcullis.identity.api.ApiFixtures.createGroup;
import static io.portcullis.identity.api.ApiFixtures.createUser;
import static io.portcullis.identity.api.ApiFixtures.newAccount;
import static io.portcullis.identity.api.ApiFixtures.users;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.portcullis.events.identity.UserCreated;
import io.portcullis.testkit.RealPartsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import io.portcullis.testkit.TestSigning;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealPartsTestResource.class)
class UserApiIT {

    @TestHTTPResource("/")
    URL base;

    @Test
    void twoConcurrentCreatesOfTheSameNameGiveOneCreatedAndOneConflict() throws Exception {
        // Given
        String account = newAccount();
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(base.toString().replaceAll("/$", "") + users(account));
        byte[] body = "{\"userName\":\"twin\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest create = TestSigning.signed(HttpRequest.newBuilder(uri), "POST", uri, body)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        // When
        var first = http.sendAsync(create, HttpResponse.BodyHandlers.ofString());
        var second = http.sendAsync(create, HttpResponse.BodyHandlers.ofString());
        List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());

        // Then
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(IdentityEventTopic.readAll()).filteredOn(e -> e instanceof UserCreated created
                && created.getEnvelope().getAccountId().equals(account)).hasSize(1);
    }

    @Test
    void createsAUserAndAnswersItsShapeWithAConsistencyToken() {
        // Given
        String account = newAccount();

        // When
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body("{\"userName\":\"Alice\",\"path\":\"/eng/\",\"tags\":[{\"key\":\"team\",\"value\":\"blue\"}]}")
                .when().post(users(account))
                .then().extract();

        // Then
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Consistency-Token")).matches("identity:\\d+:\\d+(,identity:\\d+:\\d+)*");
        assertThat(created.header("X-Request-Id")).isNotBlank();
        assertThat(created.path("userName").toString()).isEqualTo("Alice");
        assertThat(created.path("userId").toString()).matches("AIDA[A-Z2-7]{17}");
        assertThat(created.path("arn").toString()).isEqualTo("arn:aws:iam::" + account + ":user/eng/Alice");
        assertThat(created.path("path").toString()).isEqualTo("/eng/");
        assertThat(Instant.parse(created.path("createDate"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(created.jsonPath().getList("tags.key")).containsExactly("team");
        assertThat(created.jsonPath().getList("tags.value")).containsExactly("blue");
    }

    @Test
    void getsAUserRightAfterCreatingIt() {
        // Given
        String account = newAccount();
        String userId = createUser(account, "bob", null).extract().path("userId");

        // When
        ExtractableResponse<Response> got = given().when().get(users(account) + "/BOB").then().extract();

        // Then
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.path("userName").toString()).isEqualTo("bob");
        assertThat(got.path("userId").toString()).isEqualTo(userId);
        assertThat(got.path("path").toString()).isEqualTo("/");
    }

    @Test
    void rejectsDuplicateUserNameIgnoringCase() {
        // Given
        String account = newAccount();
        createUser(account, "carol", null);

        // When / Then
        given().contentType(ContentType.JSON).body("{\"userName\":\"CAROL\"}").when().post(users(account))
                .then().statusCode(409)
                .body("error.code", equalTo("EntityAlreadyExists"))
                .body("error.message", containsString("CAROL"));
    }

    @Test
    void answersMalformedJsonWithInvalidInput() {
        // When / Then
        given().contentType(ContentType.JSON).body("{\"userName\": ").when().post(users(newAccount()))
                .then().statusCode(400)
                .body("error.code", equalTo("InvalidInput"))
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void answersAnUnknownFieldWithInvalidInput() {
        // When / Then
        given().contentType(ContentType.JSON).body("{\"userName\":\"dave\",\"nickname\":\"d\"}").when().post(users(newAccount()))
                .then().statusCode(400)
                .body("error.code", equalTo("InvalidInput"))
                .body("error.message", containsString("nickname"));
    }

    @Test
    void answersABadUserNameWithAValidationErrorAndNoConsistencyToken() {
        // When / Then
        given().contentType(ContentType.JSON).body("{\"userName\":\"no spaces\"}").when().post(users(newAccount()))
                .then().statusCode(400)
                .body("error.code", equalTo("ValidationError"))
                .body("error.message", containsString("'no spaces'"))
                .header("Consistency-Token", nullValue());
    }

    @Test
    void answersAnAccountIdThatIsNotTwelveDigitsWithAValidationError() {
        // When / Then
        given().when().get("/v1/accounts/12345/users")
                .then().statusCode(400)
                .body("error.code", equalTo("ValidationError"))
                .body("error.message", containsString("accountId"));
    }

    @Test
    void answersAnUnknownUserWithNoSuchEntity() {
        // When / Then
        given().when().get(users(newAccount()) + "/nobody")
                .then().statusCode(404)
                .body("error.code", equalTo("NoSuchEntity"))
                .body("error.message", containsString("nobody"));
    }

    @Test
    void listsUsersUnderAPathPrefixAPageAtATime() {
        // Given
        String account = newAccount();
        createUser(account, "erin", "/ops/");
        createUser(account, "frank", "/ops/");
        createUser(account, "grace", "/ops/");
        createUser(account, "heidi", "/dev/");
        String marker = given().queryParam("pathPrefix", "/ops/").queryParam("maxItems", 2).when().get(users(account))
                .then().statusCode(200)
                .body("users.userName", contains("erin", "frank"))
                .body("isTruncated", equalTo(true))
                .extract().path("marker");

        // When / Then
        given().queryParam("pathPrefix", "/ops/").queryParam("maxItems", 2).queryParam("marker", marker)
                .when().get(users(account))
                .then().statusCode(200)
                .body("users.userName", contains("grace"))
                .body("isTruncated", equalTo(false))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("marker")));
    }

    @Test
    void renamesAndMovesAUser() {
        // Given
        String account = newAccount();
        String userId = createUser(account, "ivan", null).extract().path("userId");

        // When
        ExtractableResponse<Response> updated = given().contentType(ContentType.JSON)
                .body("{\"newUserName\":\"Ivan2\",\"newPath\":\"/moved/\"}")
                .when().patch(users(account) + "/ivan").then().extract();

        // Then
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.header("Consistency-Token")).isNotBlank();
        assertThat(updated.path("userName").toString()).isEqualTo("Ivan2");
        assertThat(updated.path("userId").toString()).isEqualTo(userId);
        assertThat(updated.path("arn").toString()).isEqualTo("arn:aws:iam::" + account + ":user/moved/Ivan2");
        given().when().get(users(account) + "/ivan").then().statusCode(404);
    }

    @Test
    void tagsAUserAndListsTheTagsInTheOrderSet() {
        // Given
        String account = newAccount();
        createUser(account, "judy", null);

        // When
        given().contentType(ContentType.JSON)
                .body("{\"tags\":[{\"key\":\"team\",\"value\":\"blue\"},{\"key\":\"env\",\"value\":\"prod\"}]}")
                .when().post(users(account) + "/judy/tags")
                .then().statusCode(204).header("Consistency-Token", notNullValue());

        // Then
        given().when().get(users(account) + "/judy/tags")
                .then().statusCode(200)
                .body("tags.key", contains("team", "env"))
                .body("tags.value", contains("blue", "prod"))
                .body("isTruncated", equalTo(false));
    }

    @Test
    void untagsAUserByKey() {
        // Given
        String account = newAccount();
        createUser(account, "kim", null);
        given().contentType(ContentType.JSON)
                .body("{\"tags\":[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"b\",\"value\":\"2\"},{\"key\":\"c\",\"value\":\"3\"}]}")
                .when().post(users(account) + "/kim/tags").then().statusCode(204);

        // When
        given().queryParam("tagKeys", "a,c").when().delete(users(account) + "/kim/tags").then().statusCode(204);

        // Then
        given().when().get(users(account) + "/kim/tags").then().statusCode(200).body("tags.key", contains("b"));
    }

    @Test
    void refusesToDeleteAUserWhoBelongsToAGroup() {
        // Given
        String account = newAccount();
        createUser(account, "leo", null);
        createGroup(account, "admins");
        addMember(account, "admins", "leo");

        // When / Then
        given().when().delete(users(account) + "/leo")
                .then().statusCode(409)
                .body("error.code", equalTo("DeleteConflict"));
    }

    @Test
    void deletesAUserSoThatItIsGone() {
        // Given
        String account = newAccount();
        createUser(account, "mia", null);

        // When
        given().when().delete(users(account) + "/mia").then().statusCode(204);

        // Then
        given().when().get(users(account) + "/mia").then().statusCode(404).body("error.code", equalTo("NoSuchEntity"));
        given().when().get(users(account)).then().statusCode(200).body("users", hasSize(0));
    }

    @Test
    void readsAtLeastAsFreshAsTheTokenAWriteReturned() {
        // Given
        String account = newAccount();
        String token = createUser(account, "ned", null).extract().header("Consistency-Token");

        // When / Then
        given().header("Consistency-Token", token).when().get(users(account) + "/ned")
                .then().statusCode(200).body("userName", equalTo("ned"));
    }

    @Test
    void refusesAConsistencyTokenNoWriteReturned() {
        // When / Then
        given().header("Consistency-Token", "not-a-token").when().get(users(newAccount()) + "/ned")
                .then().statusCode(400)
                .body("error.code", equalTo("ValidationError"))
                .header("X-Request-Id", matchesPattern(".+"));
    }

    @Test
    void answersARetriedCreateWithTheFirstResultAndWritesOneEvent() {
        // Given
        String account = newAccount();
        String key = "create-olga-" + account;
        // The signer: the account's root, as the test kit signs by default
        String actor = "arn:aws:iam::" + account + ":root";
        ExtractableResponse<Response> first = createWithKey(account, key);

        // When
        ExtractableResponse<Response> retried = createWithKey(account, key);

        // Then
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retried.statusCode()).isEqualTo(first.statusCode());
        assertThat(retried.body().asString()).isEqualTo(first.body().asString());
        assertThat(retried.header("X-Request-Id")).isEqualTo(key);
        List<UserCreated> created = IdentityEventTopic.readAll().stream()
                .filter(UserCreated.class::isInstance).map(UserCreated.class::cast)
                .filter(event -> event.getEnvelope().getAccountId().equals(account))
                .filter(event -> event.getUserName().equals("olga"))
                .toList();
        assertThat(created).hasSize(1);
        assertThat(created.get(0).getUserId()).isEqualTo(first.path("userId").toString());
        assertThat(created.get(0).getEnvelope().getActor()).isEqualTo(actor);
        assertThat(created.get(0).getEnvelope().getAccessKeyId()).isEqualTo("PCRT" + account);
        assertThat(created.get(0).getEnvelope().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(created.get(0).getEnvelope().getUserAgent()).isNotBlank();
        assertThat(created.get(0).getEnvelope().getRequestId()).isEqualTo(key);
        assertThat(created.get(0).getEnvelope().getAggregateVersion()).isEqualTo(1L);
        assertThat(created.get(0).getEnvelope().getSourceService()).isEqualTo("identity-service");
    }

    private static ExtractableResponse<Response> createWithKey(String account, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"userName\":\"olga\"}").when().post(users(account)).then().extract();
    }
}
