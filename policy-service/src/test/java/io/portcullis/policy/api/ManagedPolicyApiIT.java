package io.portcullis.policy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.portcullis.events.EventEnvelope;
import io.portcullis.events.topics.Topic;
import io.portcullis.runtime.avro.EventSchemasDatumProvider;
import io.portcullis.testkit.CommittedRecords;
import io.portcullis.testkit.RealParts;
import io.portcullis.testkit.RealPartsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Customer managed policies and their versions through the API, against the real broker and registry:
 * documents kept exactly as submitted, IAM's limits and conflicts, AWS managed policies read-only, policies
 * addressed by name or by ARN, and every event recorded with the caller's actor and request id.
 */
@QuarkusTest
@WithTestResource(RealPartsTestResource.class)
class ManagedPolicyApiIT {

    /** Spacing and key order a client chose: kept and returned byte for byte. */
    private static final String DOCUMENT = "{\n  \"Statement\": [ {\"Resource\": \"*\", \"Action\": \"s3:Get*\", \"Effect\": \"Allow\"} ],\n"
            + "  \"Version\": \"2012-10-17\"\n}";
    private static final String READ_ONLY_ENCODED = "arn:aws:iam::aws:policy%2FReadOnlyAccess";

    private static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }

    private static String policies(String account) {
        return "/v1/accounts/" + account + "/policies";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Response create(String account, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(policies(account));
    }

    @Test
    void createsAPolicyKeepingItsDocumentExactlyAndAddressesItByNameOrArn() {
        String account = newAccount();
        Response created = create(account, "{\"policyName\":\"S3Read\",\"path\":\"/team/\",\"description\":\"reads\",\"policyDocument\":"
                + quoted(DOCUMENT) + ",\"tags\":[{\"key\":\"owner\",\"value\":\"data\"}]}");
        created.then().statusCode(201)
                .header("Consistency-Token", startsWith("policy:"))
                .body("arn", equalTo("arn:aws:iam::" + account + ":policy/team/S3Read"))
                .body("policyId", matchesPattern("ANPA[A-Z2-7]{17}"))
                .body("defaultVersionId", equalTo("v1"));

        String version = given().when().get(policies(account) + "/s3read/versions/v1").then().statusCode(200)
                .body("isDefaultVersion", equalTo(true)).extract().path("document");
        assertThat(version).isEqualTo(DOCUMENT);

        String byArn = "arn:aws:iam::" + account + ":policy%2Fteam%2FS3Read";
        given().urlEncodingEnabled(false).when().get(policies(account) + "/" + byArn).then().statusCode(200)
                .body("policyName", equalTo("S3Read")).body("tags[0].key", equalTo("owner"));
    }

    @Test
    void aDocumentGivenAsAJsonObjectIsAcceptedToo() {
        String account = newAccount();
        create(account, "{\"policyName\":\"AsObject\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"sqs:*\",\"Resource\":\"*\"}}}").then().statusCode(201);
        given().when().get(policies(account) + "/AsObject/versions/v1").then().statusCode(200)
                .body("document", equalTo("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}}"));
    }

    @Test
    void versionsUpToFiveThenLimitExceededAndTheDefaultCanMove() {
        String account = newAccount();
        create(account, "{\"policyName\":\"P\",\"policyDocument\":" + quoted(DOCUMENT) + "}").then().statusCode(201);
        for (int n = 2; n <= 5; n++) {
            given().contentType(ContentType.JSON).body("{\"policyDocument\":" + quoted(DOCUMENT.replace("s3:Get*", "s3:Get" + n)) + "}")
                    .when().post(policies(account) + "/P/versions")
                    .then().statusCode(201).body("versionId", equalTo("v" + n)).body("isDefaultVersion", equalTo(false));
        }
        given().contentType(ContentType.JSON).body("{\"policyDocument\":" + quoted(DOCUMENT) + ",\"setAsDefault\":true}")
                .when().post(policies(account) + "/P/versions")
                .then().statusCode(409).body("error.code", equalTo("LimitExceeded"))
                .body("error.message", startsWith("A managed policy can have up to 5 versions."));

        given().contentType(ContentType.JSON).body("{\"versionId\":\"v4\"}").when().put(policies(account) + "/P/default-version")
                .then().statusCode(204);
        given().when().get(policies(account) + "/P").then().statusCode(200).body("defaultVersionId", equalTo("v4"));
        given().when().get(policies(account) + "/P/versions").then().statusCode(200)
                .body("versions.versionId", equalTo(List.of("v5", "v4", "v3", "v2", "v1")));
        given().when().delete(policies(account) + "/P/versions/v4").then().statusCode(409).body("error.code", equalTo("DeleteConflict"));
        given().when().delete(policies(account) + "/P").then().statusCode(409).body("error.code", equalTo("DeleteConflict"))
                .body("error.message", startsWith("This policy has more than one version."));
    }

    @Test
    void awsManagedPoliciesAreListedAndReadableButCannotBeChanged() {
        String account = newAccount();
        given().queryParam("scope", "AWS").when().get(policies(account)).then().statusCode(200)
                .body("policies.policyName", hasItem("ReadOnlyAccess"));
        given().urlEncodingEnabled(false).when().get(policies(account) + "/" + READ_ONLY_ENCODED + "/versions/v1").then().statusCode(200)
                .body("document", containsString("iam:Get*"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"policyDocument\":" + quoted(DOCUMENT) + "}")
                .when().post(policies(account) + "/" + READ_ONLY_ENCODED + "/versions")
                .then().statusCode(403).body("error.code", equalTo("AccessDenied"));
        given().urlEncodingEnabled(false).when().delete(policies(account) + "/" + READ_ONLY_ENCODED)
                .then().statusCode(403).body("error.code", equalTo("AccessDenied"));
    }

    @Test
    void badInputIsRefusedWithIamsCodesAndChangesNothing() {
        String account = newAccount();
        create(account, "{\"policyName\":\"Bad\",\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":"
                + "{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"s3:*\\\"}}\"}")
                .then().statusCode(400).body("error.code", equalTo("MalformedPolicyDocument"))
                .body("error.message", containsString("Resource"));
        create(account, "{\"policyName\":\"Bad\"}").then().statusCode(400).body("error.code", equalTo("ValidationError"));
        given().queryParam("scope", "Everything").when().get(policies(account)).then().statusCode(400)
                .body("error.code", equalTo("ValidationError"));
        given().queryParam("scope", "Local").when().get(policies(account)).then().statusCode(200).body("policies.size()", equalTo(0));
    }

    @Test
    void everyEventCarriesTheCallersActorAndRequestId() {
        String account = newAccount();
        Response created = create(account, "{\"policyName\":\"Audited\",\"policyDocument\":" + quoted(DOCUMENT) + "}");
        created.then().statusCode(201);
        String requestId = created.header("X-Request-Id");
        List<SpecificRecord> events = CommittedRecords.<SpecificRecord>of(Topic.POLICY_EVENTS.topicName(), Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealParts.broker().bootstrapServers(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.apicurio.registry.serde.avro.AvroKafkaDeserializer",
                        "apicurio.registry.url", RealParts.registry().apiUrl(),
                        "apicurio.registry.use-specific-avro-reader", "true",
                        // The event classes as the service reads them, whatever class loader the test runs in.
                        "apicurio.registry.avro-datum-provider", EventSchemasDatumProvider.class))
                .stream().filter(record -> record.key().equals(account)).map(ConsumerRecord::value).toList();
        assertThat(events).singleElement().satisfies(event -> {
            EventEnvelope envelope = (EventEnvelope) event.get(event.getSchema().getField("envelope").pos());
            assertThat(envelope.getRequestId()).isEqualTo(requestId);
            // The signer: the account's root, as the test kit signs by default.
            assertThat(envelope.getActor()).isEqualTo("arn:aws:iam::" + account + ":root");
            assertThat(envelope.getAccessKeyId()).isEqualTo("PCRT" + account);
            assertThat(envelope.getEventType()).isEqualTo("PolicyCreated");
        });
    }
}
