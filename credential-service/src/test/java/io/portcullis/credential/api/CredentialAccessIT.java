package io.portcullis.credential.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.portcullis.testkit.RealPartsTestResource;
import io.portcullis.testkit.SignedRestAssured;
import io.portcullis.testkit.TestSecrets;
import io.portcullis.testkit.TestSigning;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Every route is decided by the JVM's real authz-service: the account's root may do everything in it, another account's
 * root nothing, and of the suite's services only authz-service may report a key's use. Users are identity-service's, which does not run
 * here: what needs one is answered NoSuchEntity, but only to a caller allowed to ask.
 */
@QuarkusTest
@WithTestResource(RealPartsTestResource.class)
class CredentialAccessIT {

    private static final String KEY_ID = "AKIAAAAAAAAAAAAAAAAA";

    /** 12 random digits, so tests never see each other's state. */
    private static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }

    private static String rootOf(String account) {
        TestSigning.Key key = TestSigning.Key.rootOf(account);
        return key.accessKeyId() + ":" + key.secret();
    }

    @Test
    void theAccountsRootSetsReadsAndDeletesThePasswordPolicy() {
        String account = newAccount();
        String policy = "/v1/accounts/" + account + "/password-policy";
        given().when().get(policy).then().statusCode(404).body("error.code", equalTo("NoSuchEntity"));
        given().contentType(ContentType.JSON).body("{\"minimumPasswordLength\":12}").when().put(policy).then().statusCode(204);
        given().when().get(policy).then().statusCode(200).body("minimumPasswordLength", equalTo(12));
        given().when().delete(policy).then().statusCode(204);
    }

    @Test
    void theAccountsRootGetsTheCredentialReport() {
        String account = newAccount();
        String report = "/v1/accounts/" + account + "/credential-report";
        given().when().post(report).then().statusCode(200).body("state", equalTo("COMPLETE"));
        given().when().get(report).then().statusCode(200).body("reportFormat", equalTo("text/csv")).body("content", notNullValue());
    }

    @Test
    void anotherAccountsRootIsDeniedBeforeAnythingIsReadOrChecked() {
        String account = newAccount();
        String stranger = rootOf(newAccount());
        String base = "/v1/accounts/" + account;
        given().header(SignedRestAssured.SIGN_AS, stranger).when().get(base + "/password-policy")
                .then().statusCode(403).body("error.code", equalTo("AccessDenied"));
        given().header(SignedRestAssured.SIGN_AS, stranger).when().post(base + "/credential-report")
                .then().statusCode(403).body("error.code", equalTo("AccessDenied"));
        given().header(SignedRestAssured.SIGN_AS, stranger).when().get(base + "/users/nobody/access-keys")
                .then().statusCode(403).body("error.code", equalTo("AccessDenied"));
        given().header(SignedRestAssured.SIGN_AS, stranger).when().get(base + "/access-keys/" + KEY_ID + "/last-used")
                .then().statusCode(403).body("error.code", equalTo("AccessDenied"));
        // The edge reads the user's passwords before it builds the command: a stranger must not learn the user is missing.
        given().header(SignedRestAssured.SIGN_AS, stranger).contentType(ContentType.JSON)
                .body("{\"oldPassword\":\"Old-password-1\",\"newPassword\":\"New-password-1\"}").when().post(base + "/users/nobody/password")
                .then().statusCode(403).body("error.code", equalTo("AccessDenied"));
        given().header(SignedRestAssured.SIGN_AS, stranger).contentType(ContentType.JSON)
                .body("{\"password\":\"New-password-1\"}").when().put(base + "/users/nobody/login-profile")
                .then().statusCode(403).body("error.code", equalTo("AccessDenied"));
    }

    @Test
    void theAccountsRootLearnsAUserIsMissingOnceAllowed() {
        String base = "/v1/accounts/" + newAccount();
        given().contentType(ContentType.JSON).body("{\"oldPassword\":\"Old-password-1\",\"newPassword\":\"New-password-1\"}")
                .when().post(base + "/users/nobody/password").then().statusCode(404).body("error.code", equalTo("NoSuchEntity"));
        given().when().get(base + "/users/nobody/access-keys").then().statusCode(404).body("error.code", equalTo("NoSuchEntity"));
        given().when().get(base + "/access-keys/" + KEY_ID + "/last-used").then().statusCode(404).body("error.code", equalTo("NoSuchEntity"));
    }

    @Test
    void aKeysUseIsReportedByAuthzServiceAndNoOtherService() {
        String use = "/v1/accounts/" + newAccount() + "/access-keys/" + KEY_ID + "/last-used";
        String body = "{\"serviceName\":\"iam\",\"region\":\"us-east-1\"}";
        // Allowed, then refused for what it names: the account holds no such key
        given().header(SignedRestAssured.SIGN_AS, TestSecrets.serviceCredential("authz-service")).contentType(ContentType.JSON).body(body)
                .when().put(use).then().statusCode(404).body("error.code", equalTo("NoSuchEntity"));
        given().header(SignedRestAssured.SIGN_AS, TestSecrets.serviceCredential("identity-service")).contentType(ContentType.JSON).body(body)
                .when().put(use).then().statusCode(403).body("error.code", equalTo("AccessDenied"));
        given().header(SignedRestAssured.SIGN_AS, rootOf(newAccount())).contentType(ContentType.JSON).body(body)
                .when().put(use).then().statusCode(403).body("error.code", equalTo("AccessDenied"));
    }
}
