package io.portcullis.identity.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.concurrent.ThreadLocalRandom;

/** Shared steps of the API integration tests: a fresh account per test, and the writes tests start from. */
final class ApiFixtures {

    private ApiFixtures() {
    }

    /** 12 random digits, so tests never see each other's users and groups. */
    static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }

    static String users(String account) {
        return "/v1/accounts/" + account + "/users";
    }

    static String groups(String account) {
        return "/v1/accounts/" + account + "/groups";
    }

    static ValidatableResponse createUser(String account, String userName, String path) {
        String body = path == null
                ? "{\"userName\":\"" + userName + "\"}"
                : "{\"userName\":\"" + userName + "\",\"path\":\"" + path + "\"}";
        return given().contentType(ContentType.JSON).body(body).when().post(users(account)).then().statusCode(201);
    }

    static ValidatableResponse createGroup(String account, String groupName) {
        return given().contentType(ContentType.JSON).body("{\"groupName\":\"" + groupName + "\"}")
                .when().post(groups(account)).then().statusCode(201);
    }

    static void addMember(String account, String groupName, String userName) {
        given().when().put(groups(account) + "/" + groupName + "/members/" + userName).then().statusCode(204);
    }
}
