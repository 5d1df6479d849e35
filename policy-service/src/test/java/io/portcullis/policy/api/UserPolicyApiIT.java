package io.portcullis.policy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.portcullis.testkit.RealPartsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * policy-service alone against the real broker and registry: what it answers when identity-service has
 * said nothing of a user. Attaching to users identity-service did create is tested across both services
 * in {@code system-tests}.
 */
@QuarkusTest
@WithTestResource(RealPartsTestResource.class)
class UserPolicyApiIT {

    private static String attachedPolicies(String account, String userName) {
        return "/v1/accounts/" + account + "/users/" + userName + "/attached-policies";
    }

    private static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }

    @Test
    void attachingToAUserIdentityServiceNeverCreatedIsNoSuchEntity() {
        given().contentType(ContentType.JSON).body("{\"policyArn\":\"arn:aws:iam::aws:policy/ReadOnlyAccess\"}")
                .when().post(attachedPolicies(newAccount(), "ghost"))
                .then().statusCode(404)
                .body("error.code", equalTo("NoSuchEntity"))
                .body("error.message", equalTo("The user with name ghost cannot be found."));
    }

    @Test
    void listingTheAttachedPoliciesOfAnUnknownUserIsNoSuchEntity() {
        given().when().get(attachedPolicies(newAccount(), "ghost"))
                .then().statusCode(404)
                .body("error.code", equalTo("NoSuchEntity"));
    }

    @Test
    void aPolicyArnThatIsNotAnArnIsAValidationErrorBeforeAnythingIsSent() {
        given().contentType(ContentType.JSON).body("{\"policyArn\":\"not-an-arn-but-long-enough\"}")
                .when().post(attachedPolicies(newAccount(), "ghost"))
                .then().statusCode(400)
                .body("error.code", equalTo("ValidationError"))
                .body("error.message", containsString("Member must be an ARN"));
    }
}
