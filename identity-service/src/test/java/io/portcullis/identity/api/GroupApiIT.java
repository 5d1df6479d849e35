package io.portcullis.identity.api;

import static io.portcullis.identity.api.ApiFixtures.addMember;
import static io.portcullis.identity.api.ApiFixtures.createGroup;
import static io.portcullis.identity.api.ApiFixtures.createUser;
import static io.portcullis.identity.api.ApiFixtures.groups;
import static io.portcullis.identity.api.ApiFixtures.newAccount;
import static io.portcullis.identity.api.ApiFixtures.users;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.portcullis.testkit.RealPartsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealPartsTestResource.class)
class GroupApiIT {

    @Test
    void createsAGroupAndAnswersItsShape() {
        // Given
        String account = newAccount();

        // When
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body("{\"groupName\":\"Admins\",\"path\":\"/ops/\"}").when().post(groups(account)).then().extract();

        // Then
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Consistency-Token")).isNotBlank();
        assertThat(created.path("groupName").toString()).isEqualTo("Admins");
        assertThat(created.path("groupId").toString()).matches("AGPA[A-Z2-7]{17}");
        assertThat(created.path("arn").toString()).isEqualTo("arn:aws:iam::" + account + ":group/ops/Admins");
        assertThat(created.path("path").toString()).isEqualTo("/ops/");
        assertThat(created.path("createDate").toString()).isNotBlank();
    }

    @Test
    void getsAndListsGroupsRightAfterCreatingThem() {
        // Given
        String account = newAccount();
        createGroup(account, "beta");
        createGroup(account, "alpha");

        // When / Then
        given().when().get(groups(account)).then().statusCode(200)
                .body("groups.groupName", contains("alpha", "beta"))
                .body("isTruncated", equalTo(false));
    }

    @Test
    void rejectsADuplicateGroupNameIgnoringCase() {
        // Given
        String account = newAccount();
        createGroup(account, "devs");

        // When / Then
        given().contentType(ContentType.JSON).body("{\"groupName\":\"DEVS\"}").when().post(groups(account))
                .then().statusCode(409).body("error.code", equalTo("EntityAlreadyExists"));
    }

    @Test
    void addingAMemberTwiceSucceedsBothTimes() {
        // Given
        String account = newAccount();
        createUser(account, "alice", null);
        createGroup(account, "admins");
        addMember(account, "admins", "alice");

        // When
        int again = given().when().put(groups(account) + "/admins/members/alice").then().extract().statusCode();

        // Then
        assertThat(again).isEqualTo(204);
        given().when().get(groups(account) + "/admins/members").then().statusCode(200).body("users", hasSize(1));
    }

    @Test
    void listsAGroupWithItsMembers() {
        // Given
        String account = newAccount();
        createUser(account, "bob", null);
        createUser(account, "alice", null);
        createGroup(account, "admins");
        addMember(account, "admins", "bob");
        addMember(account, "admins", "alice");

        // When / Then
        given().when().get(groups(account) + "/admins/members").then().statusCode(200)
                .body("group.groupName", equalTo("admins"))
                .body("users.userName", contains("alice", "bob"))
                .body("isTruncated", equalTo(false));
    }

    @Test
    void listsTheGroupsAUserBelongsTo() {
        // Given
        String account = newAccount();
        createUser(account, "carol", null);
        createGroup(account, "ops");
        createGroup(account, "devs");
        createGroup(account, "unrelated");
        addMember(account, "ops", "carol");
        addMember(account, "devs", "carol");

        // When / Then
        given().when().get(users(account) + "/carol/groups").then().statusCode(200)
                .body("groups.groupName", contains("devs", "ops"))
                .body("isTruncated", equalTo(false));
    }

    @Test
    void removesAMember() {
        // Given
        String account = newAccount();
        createUser(account, "dave", null);
        createGroup(account, "ops");
        addMember(account, "ops", "dave");

        // When
        given().when().delete(groups(account) + "/ops/members/dave").then().statusCode(204);

        // Then
        given().when().get(users(account) + "/dave/groups").then().statusCode(200).body("groups", hasSize(0));
    }

    @Test
    void removingANonMemberIsNoSuchEntity() {
        // Given
        String account = newAccount();
        createUser(account, "erin", null);
        createGroup(account, "ops");

        // When / Then
        given().when().delete(groups(account) + "/ops/members/erin")
                .then().statusCode(404).body("error.code", equalTo("NoSuchEntity"));
    }

    @Test
    void refusesToDeleteAGroupWithMembers() {
        // Given
        String account = newAccount();
        createUser(account, "frank", null);
        createGroup(account, "ops");
        addMember(account, "ops", "frank");

        // When / Then
        given().when().delete(groups(account) + "/ops").then().statusCode(409).body("error.code", equalTo("DeleteConflict"));
    }

    @Test
    void deletesAnEmptyGroupSoThatItIsGone() {
        // Given
        String account = newAccount();
        createGroup(account, "temp");

        // When
        given().when().delete(groups(account) + "/temp").then().statusCode(204);

        // Then
        given().when().get(groups(account) + "/temp").then().statusCode(404).body("error.code", equalTo("NoSuchEntity"));
    }

    @Test
    void renamesAGroupAndKeepsItsMembers() {
        // Given
        String account = newAccount();
        createUser(account, "grace", null);
        String groupId = createGroup(account, "old").extract().path("groupId");
        addMember(account, "old", "grace");

        // When
        ExtractableResponse<Response> updated = given().contentType(ContentType.JSON).body("{\"newGroupName\":\"new\"}")
                .when().patch(groups(account) + "/old").then().extract();

        // Then
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.path("groupName").toString()).isEqualTo("new");
        assertThat(updated.path("groupId").toString()).isEqualTo(groupId);
        given().when().get(groups(account) + "/new/members").then().statusCode(200).body("users.userName", contains("grace"));
    }
}
