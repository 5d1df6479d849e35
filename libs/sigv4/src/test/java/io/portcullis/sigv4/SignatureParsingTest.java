package io.portcullis.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.sigv4.VerificationResult.Rejected;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and incomplete signatures get AWS's codes and texts, in AWS's order of checks (see the README for
 * where each text comes from).
 */
class SignatureParsingTest {

    private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");
    private static final String GOOD_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
    private static final String GOOD_QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fiam%2Faws4_request&X-Amz-Date=20150830T123600Z"
            + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "0".repeat(64);

    static Stream<Arguments> headerForms() {
        return Stream.of(
                Arguments.of("no authentication at all", null, "20150830T123600Z",
                        new SigV4Error.MissingAuthenticationToken()),
                Arguments.of("another scheme", "Bearer eyJhbGciOi", "20150830T123600Z",
                        new SigV4Error.MissingAuthenticationToken()),
                Arguments.of("SigV2", "AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=", "20150830T123600Z",
                        new SigV4Error.MissingAuthenticationToken()),
                Arguments.of("nothing but the algorithm", "AWS4-HMAC-SHA256", null, new SigV4Error.IncompleteSignature(
                        "Authorization header requires 'Credential' parameter. Authorization header requires "
                                + "'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
                                + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")),
                Arguments.of("no signature", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,"
                        + " SignedHeaders=host", "20150830T123600Z", new SigV4Error.IncompleteSignature(
                        "Authorization header requires 'Signature' parameter.")),
                Arguments.of("a date not in basic format", GOOD_AUTHORIZATION, "2015-08-30T12:36:00Z",
                        new SigV4Error.IncompleteSignature("Date must be in ISO-8601 'basic format'. Got "
                                + "'2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601")),
                Arguments.of("an empty signed headers list", GOOD_AUTHORIZATION.replace("host;x-amz-date", ""),
                        "20150830T123600Z", new SigV4Error.SignatureDoesNotMatch(
                        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")),
                Arguments.of("another algorithm", GOOD_AUTHORIZATION.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256"),
                        "20150830T123600Z", new SigV4Error.IncompleteSignature(
                        "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256' (only AWS4-HMAC-SHA256 for now).")),
                Arguments.of("a four-part credential", GOOD_AUTHORIZATION.replace("/iam", ""), "20150830T123600Z",
                        new SigV4Error.IncompleteSignature("Credential must have exactly 5 slash-delimited elements, "
                                + "e.g. keyid/date/region/service/term")),
                Arguments.of("every scope part wrong", GOOD_AUTHORIZATION.replace("20150830/us-east-1/iam/aws4_request",
                        "20150829/eu-west-1/sts/aws5_request"), "20150830T123600Z",
                        new SigV4Error.SignatureDoesNotMatch("Credential should be scoped to a valid region, not "
                                + "'eu-west-1'. Credential should be scoped to correct service: 'iam'. Credential should "
                                + "be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. Date in "
                                + "Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                                + "'20150829' != '20150830', from '20150830T123600Z'.")),
                Arguments.of("region names are case-sensitive", GOOD_AUTHORIZATION.replace("us-east-1", "US-EAST-1"),
                        "20150830T123600Z", new SigV4Error.SignatureDoesNotMatch(
                        "Credential should be scoped to a valid region, not 'US-EAST-1'.")),
                Arguments.of("an unknown access key", GOOD_AUTHORIZATION.replace("AKIDEXAMPLE", "AKIDOTHER"),
                        "20150830T123600Z", new SigV4Error.InvalidClientTokenId()),
                Arguments.of("a known key and a wrong signature", GOOD_AUTHORIZATION, "20150830T123600Z",
                        SigV4Error.SignatureDoesNotMatch.calculatedDiffers()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerForms")
    void headerForm(String what, String authorization, String amzDate, SigV4Error expected) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Host", List.of("iam.amazonaws.com"));
        if (authorization != null) {
            headers.put("Authorization", List.of(authorization));
        }
        if (amzDate != null) {
            headers.put("X-Amz-Date", List.of(amzDate));
        }

        VerificationResult<String> result = verifier().verify(new SignedRequest("GET", "/", "", headers,
                Payload.empty()));

        assertThat(result).isEqualTo(new Rejected<String>(expected));
    }

    static Stream<Arguments> queryForms() {
        return Stream.of(
                Arguments.of("only the algorithm", "X-Amz-Algorithm=AWS4-HMAC-SHA256", new SigV4Error.IncompleteSignature(
                        "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must "
                                + "include 'X-Amz-Signature'. AWS query-string parameters must include "
                                + "'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. "
                                + "Re-examine the query-string parameters.")),
                Arguments.of("an empty signature", GOOD_QUERY.replace("0".repeat(64), ""),
                        new SigV4Error.IncompleteSignature("AWS query-string parameters must include "
                                + "'X-Amz-Signature'. Re-examine the query-string parameters.")),
                Arguments.of("expiry not a number", GOOD_QUERY + "&X-Amz-Expires=soon",
                        new SigV4Error.IncompleteSignature("X-Amz-Expires should be a number")),
                Arguments.of("negative expiry", GOOD_QUERY + "&X-Amz-Expires=-1",
                        new SigV4Error.IncompleteSignature("X-Amz-Expires must be non-negative")),
                Arguments.of("expiry over a week", GOOD_QUERY + "&X-Amz-Expires=604801",
                        new SigV4Error.IncompleteSignature("X-Amz-Expires must be less than a week (in seconds); that "
                                + "is, the given X-Amz-Expires must be less than 604800 seconds")),
                Arguments.of("a week exactly, wrong signature", GOOD_QUERY + "&X-Amz-Expires=604800",
                        SigV4Error.SignatureDoesNotMatch.calculatedDiffers()),
                Arguments.of("host not signed", GOOD_QUERY.replace("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=date"),
                        new SigV4Error.SignatureDoesNotMatch(
                                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryForms")
    void queryForm(String what, String rawQuery, SigV4Error expected) {
        VerificationResult<String> result = verifier().verify(new SignedRequest("GET", "/", rawQuery,
                Map.of("Host", List.of("iam.amazonaws.com")), Payload.empty()));

        assertThat(result).isEqualTo(new Rejected<String>(expected));
    }

    @org.junit.jupiter.api.Test
    void bothAnAuthorizationHeaderAndQueryAuthenticationIsRefused() {
        VerificationResult<String> result = verifier().verify(new SignedRequest("GET", "/", GOOD_QUERY,
                Map.of("Host", List.of("iam.amazonaws.com"), "Authorization", List.of(GOOD_AUTHORIZATION)),
                Payload.empty()));

        assertThat(result).isEqualTo(new Rejected<String>(new SigV4Error.SignatureDoesNotMatch(
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.")));
    }

    @org.junit.jupiter.api.Test
    void aClaimedPayloadHashThatIsNoHashIsRefused() {
        VerificationResult<String> result = verifier().verify(new SignedRequest("PUT", "/", "",
                Map.of("Host", List.of("iam.amazonaws.com"), "Authorization", List.of(GOOD_AUTHORIZATION),
                        "X-Amz-Date", List.of("20150830T123600Z"),
                        "x-amz-content-sha256", List.of("STREAMING-AWS4-HMAC-SHA256-PAYLOAD")),
                Payload.empty()));

        assertThat(result).isEqualTo(new Rejected<String>(new SigV4Error.IncompleteSignature(
                "x-amz-content-sha256 must be UNSIGNED-PAYLOAD or the SHA-256 of the body.")));
    }

    private static SigV4Verifier<String> verifier() {
        return new SigV4Verifier<>("us-east-1", "iam",
                new TestKeys().with("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "example"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
