package io.portcullis.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.sigv4.VerificationResult.AuthLocation;
import io.portcullis.sigv4.VerificationResult.Rejected;
import io.portcullis.sigv4.VerificationResult.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Requests signed by the AWS SDK for Java v2's {@code AwsV4HttpSigner} verify, and each kind of tampering is
 * refused with the error AWS gives for it.
 */
class SdkSignedRequestsTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-03-14T09:26:53Z");
    private static final String KEY_ID = "AKIAPORTCULLIS0TEST1";
    private static final String SECRET = "k7Jd/3mQx+VwZr9TpL2sNb8YcEo1HuAiGf4XtKq6";
    private static final AwsCredentialsIdentity CREDENTIALS = AwsCredentialsIdentity.create(KEY_ID, SECRET);
    private static final SdkSigning IAM_SIGNER = new SdkSigning(CREDENTIALS, "us-east-1", "iam");
    private static final TestKeys KEYS = new TestKeys().with(KEY_ID, SECRET, "arn:aws:iam::123456789012:user/alice");

    // Encoded path segments, a plus, an encoded plus, a tilde, UTF-8 and a value-less parameter: the characters
    // where hand-written signers and verifiers usually disagree.
    private static final String URI = "https://iam.amazonaws.com/users/a%20b/caf%C3%A9/"
            + "?Action=ListUsers&Version=2010-05-08&PathPrefix=%2Fdivision_abc%2F&Marker=a+b%2Bc&Tilde=~x&Empty";
    private static final byte[] BODY = "Action=CreateUser&UserName=Bob&Version=2010-05-08".getBytes(StandardCharsets.UTF_8);

    private static SdkHttpRequest sdkRequest() {
        return SdkSigning.request(SdkHttpMethod.POST, URI,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"),
                        "X-Portcullis-Trace", List.of("  several   spaced   words  ")));
    }

    private static SigV4Verifier<String> verifierAt(Instant now) {
        return verifier("us-east-1", "iam", now);
    }

    private static SigV4Verifier<String> verifier(String region, String service, Instant now) {
        return new SigV4Verifier<>(region, service, KEYS, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void headerSignedRequestVerifies() {
        SignedRequest signed = IAM_SIGNER.inHeader(sdkRequest(), BODY, SIGNED_AT);

        Verified<String> verified = Results.verified(verifierAt(SIGNED_AT).verify(signed));
        assertThat(verified.accessKeyId()).isEqualTo(KEY_ID);
        assertThat(verified.region()).isEqualTo("us-east-1");
        assertThat(verified.service()).isEqualTo("iam");
        assertThat(verified.signedAt()).isEqualTo(SIGNED_AT);
        assertThat(verified.principal()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(verified.authLocation()).isEqualTo(AuthLocation.HEADER);
        assertThat(verified.securityToken()).isEmpty();
        assertThat(verified.payloadSigned()).isTrue();
    }

    @Test
    void headerSignedRequestWithAPrecomputedBodyHashVerifies() {
        SignedRequest signed = IAM_SIGNER.inHeader(sdkRequest(), BODY, SIGNED_AT);
        SignedRequest streamed = new SignedRequest(signed.method(), signed.rawPath(), signed.rawQuery(),
                signed.headers(), Payload.sha256(Hashing.sha256Hex(BODY)));

        assertThat(verifierAt(SIGNED_AT).verify(streamed).isVerified()).isTrue();
    }

    @Test
    void temporaryCredentialsCarryTheirSessionTokenToTheCaller() {
        SdkSigning sessionSigner = new SdkSigning(AwsSessionCredentialsIdentity.create(KEY_ID, SECRET, "FwoGZXIvYXdzEJr"),
                "us-east-1", "iam");

        VerificationResult<String> inHeader = verifierAt(SIGNED_AT).verify(sessionSigner.inHeader(sdkRequest(), BODY,
                SIGNED_AT));
        VerificationResult<String> presigned = verifierAt(SIGNED_AT).verify(sessionSigner.presigned(sdkRequest(), BODY,
                SIGNED_AT, Duration.ofMinutes(5)));

        assertThat(Results.verified(inHeader).securityToken()).contains("FwoGZXIvYXdzEJr");
        assertThat(Results.verified(presigned).securityToken()).contains("FwoGZXIvYXdzEJr");
    }

    @Test
    void presignedUrlVerifiesUntilItsExpiry() {
        SignedRequest presigned = IAM_SIGNER.presigned(sdkRequest(), BODY, SIGNED_AT, Duration.ofHours(1));

        assertThat(Results.verified(verifierAt(SIGNED_AT).verify(presigned)).authLocation())
                .isEqualTo(AuthLocation.QUERY_STRING);
        assertThat(verifierAt(SIGNED_AT.plus(Duration.ofHours(1))).verify(presigned).isVerified()).isTrue();
    }

    @Test
    void presignedUrlForTheLongestAllowedExpiryVerifiesForSevenDays() {
        SignedRequest presigned = IAM_SIGNER.presigned(sdkRequest(), BODY, SIGNED_AT, SigV4Verifier.MAX_PRESIGNED_EXPIRY);

        assertThat(verifierAt(SIGNED_AT.plus(Duration.ofDays(7))).verify(presigned).isVerified()).isTrue();
        assertThat(verifierAt(SIGNED_AT.plus(Duration.ofDays(7)).plusSeconds(1)).verify(presigned))
                .isEqualTo(new Rejected<String>(new SigV4Error.RequestExpired()));
    }

    @Test
    void clockSkewOfExactlyFifteenMinutesIsAcceptedEitherWay() {
        SignedRequest signed = IAM_SIGNER.inHeader(sdkRequest(), BODY, SIGNED_AT);

        assertThat(verifierAt(SIGNED_AT.plus(SigV4Verifier.MAX_CLOCK_SKEW)).verify(signed).isVerified()).isTrue();
        assertThat(verifierAt(SIGNED_AT.minus(SigV4Verifier.MAX_CLOCK_SKEW)).verify(signed).isVerified()).isTrue();
    }

    record Tampering(String what, UnaryOperator<SignedRequest> change, Duration verifierClockOffset,
                     SigV4Error expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Tampering> headerTamperings() {
        SigV4Error mismatch = SigV4Error.SignatureDoesNotMatch.calculatedDiffers();
        return Stream.of(
                new Tampering("method", r -> new SignedRequest("PUT", r.rawPath(), r.rawQuery(), r.headers(),
                        r.payload()), Duration.ZERO, mismatch),
                new Tampering("path", r -> new SignedRequest(r.method(), r.rawPath().replace("/users/", "/groups/"),
                        r.rawQuery(), r.headers(), r.payload()), Duration.ZERO, mismatch),
                new Tampering("path encoding", r -> new SignedRequest(r.method(), r.rawPath().replace("%20", "+"),
                        r.rawQuery(), r.headers(), r.payload()), Duration.ZERO, mismatch),
                new Tampering("a query parameter's value", r -> new SignedRequest(r.method(), r.rawPath(),
                        r.rawQuery().replace("UserName=Bob", "").replace("Action=ListUsers", "Action=DeleteUser"),
                        r.headers(), r.payload()), Duration.ZERO, mismatch),
                new Tampering("an added query parameter", r -> new SignedRequest(r.method(), r.rawPath(),
                        r.rawQuery() + "&MaxItems=1000", r.headers(), r.payload()), Duration.ZERO, mismatch),
                new Tampering("a removed query parameter without a value", r -> withoutQueryParameter(r, "Empty"),
                        Duration.ZERO, mismatch),
                new Tampering("a removed query parameter", r -> withoutQueryParameter(r, "Marker"), Duration.ZERO,
                        mismatch),
                new Tampering("a signed header", r -> withHeader(r, "Content-Type", "application/json"), Duration.ZERO,
                        mismatch),
                new Tampering("the host header", r -> withHeader(r, "Host", "iam.evil.example"), Duration.ZERO,
                        mismatch),
                new Tampering("a signed header removed", r -> withoutHeader(r, "X-Portcullis-Trace"), Duration.ZERO,
                        mismatch),
                new Tampering("the body", r -> new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(),
                        Payload.of("Action=CreateUser&UserName=Eve&Version=2010-05-08".getBytes(StandardCharsets.UTF_8))),
                        Duration.ZERO, mismatch),
                new Tampering("the body with its x-amz-content-sha256 rewritten to match", r -> withHeader(
                        new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), Payload.of(new byte[] {1})),
                        "x-amz-content-sha256", Hashing.sha256Hex(new byte[] {1})), Duration.ZERO, mismatch),
                new Tampering("the x-amz-date header, same day", r -> withHeader(r, "X-Amz-Date", "20260314T092654Z"),
                        Duration.ZERO, mismatch),
                new Tampering("the x-amz-date header, another day", r -> withHeader(r, "X-Amz-Date", "20260315T092653Z"),
                        Duration.ofDays(1), new SigV4Error.SignatureDoesNotMatch("Date in Credential scope does not "
                        + "match YYYYMMDD from ISO-8601 version of date from HTTP: '20260314' != '20260315', from "
                        + "'20260315T092653Z'.")),
                new Tampering("the date, 15 minutes and 1 second old", UnaryOperator.identity(),
                        Duration.ofMinutes(15).plusSeconds(1), new SigV4Error.SignatureDoesNotMatch("Signature expired: "
                        + "20260314T092653Z is now earlier than 20260314T092654Z (20260314T094154Z - 15 min.)")),
                new Tampering("the date, 15 minutes and 1 second ahead", UnaryOperator.identity(),
                        Duration.ofMinutes(-15).minusSeconds(1), new SigV4Error.SignatureDoesNotMatch("Signature not yet "
                        + "current: 20260314T092653Z is still later than 20260314T092652Z (20260314T091152Z + 15 min.)")),
                new Tampering("the signature", r -> withHeader(r, "Authorization",
                        r.firstHeader("Authorization").orElseThrow().replaceAll("Signature=[0-9a-f]{4}", "Signature=0000")),
                        Duration.ZERO, mismatch),
                new Tampering("the signed headers list", r -> withHeader(r, "Authorization",
                        r.firstHeader("Authorization").orElseThrow().replace(";x-portcullis-trace", "")),
                        Duration.ZERO, mismatch),
                new Tampering("host taken out of the signed headers", r -> withHeader(r, "Authorization",
                        r.firstHeader("Authorization").orElseThrow().replace("host;", "")),
                        Duration.ZERO, new SigV4Error.SignatureDoesNotMatch(
                        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")));
    }

    @ParameterizedTest(name = "tampering with {0}")
    @MethodSource("headerTamperings")
    void tamperedHeaderSignedRequestIsRejected(Tampering tampering) {
        SignedRequest signed = IAM_SIGNER.inHeader(sdkRequest(), BODY, SIGNED_AT);
        assertThat(verifierAt(SIGNED_AT).verify(signed).isVerified()).as("untouched").isTrue();

        VerificationResult<String> result = verifierAt(SIGNED_AT.plus(tampering.verifierClockOffset()))
                .verify(tampering.change().apply(signed));

        assertThat(result).isEqualTo(new Rejected<String>(tampering.expected()));
        assertThat(((Rejected<String>) result).httpStatus()).isEqualTo(403);
    }

    static Stream<Tampering> presignedTamperings() {
        SigV4Error mismatch = SigV4Error.SignatureDoesNotMatch.calculatedDiffers();
        return Stream.of(
                new Tampering("method", r -> new SignedRequest("DELETE", r.rawPath(), r.rawQuery(), r.headers(),
                        r.payload()), Duration.ZERO, mismatch),
                new Tampering("path", r -> new SignedRequest(r.method(), r.rawPath() + "x", r.rawQuery(), r.headers(),
                        r.payload()), Duration.ZERO, mismatch),
                new Tampering("a query parameter", r -> new SignedRequest(r.method(), r.rawPath(),
                        r.rawQuery().replace("Version=2010-05-08", "Version=2011-06-15"), r.headers(), r.payload()),
                        Duration.ZERO, mismatch),
                new Tampering("X-Amz-Expires", r -> new SignedRequest(r.method(), r.rawPath(),
                        r.rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=3000"), r.headers(), r.payload()),
                        Duration.ZERO, mismatch),
                new Tampering("a signed header", r -> withHeader(r, "Content-Type", "text/plain"), Duration.ZERO,
                        mismatch),
                new Tampering("the body", r -> new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(),
                        Payload.empty()), Duration.ZERO, mismatch),
                new Tampering("time: used 1 second past its expiry", UnaryOperator.identity(), Duration.ofSeconds(301),
                        new SigV4Error.RequestExpired()),
                new Tampering("time: used more than 15 minutes before it was signed", UnaryOperator.identity(),
                        Duration.ofMinutes(-16), new SigV4Error.SignatureDoesNotMatch("Signature not yet current: "
                        + "20260314T092653Z is still later than 20260314T092553Z (20260314T091053Z + 15 min.)")));
    }

    @ParameterizedTest(name = "presigned, tampering with {0}")
    @MethodSource("presignedTamperings")
    void tamperedPresignedUrlIsRejected(Tampering tampering) {
        SignedRequest presigned = IAM_SIGNER.presigned(sdkRequest(), BODY, SIGNED_AT, Duration.ofMinutes(5));
        assertThat(verifierAt(SIGNED_AT).verify(presigned).isVerified()).as("untouched").isTrue();

        VerificationResult<String> result = verifierAt(SIGNED_AT.plus(tampering.verifierClockOffset()))
                .verify(tampering.change().apply(presigned));

        assertThat(result).isEqualTo(new Rejected<String>(tampering.expected()));
    }

    @Test
    void requestSignedForAnotherRegionIsRejected() {
        SignedRequest signedForFrankfurt = new SdkSigning(CREDENTIALS, "eu-central-1", "iam")
                .inHeader(sdkRequest(), BODY, SIGNED_AT);

        assertThat(verifierAt(SIGNED_AT).verify(signedForFrankfurt)).isEqualTo(new Rejected<String>(
                new SigV4Error.SignatureDoesNotMatch("Credential should be scoped to a valid region, not 'eu-central-1'.")));
    }

    @Test
    void requestSignedForAnotherServiceIsRejected() {
        SignedRequest signedForSts = new SdkSigning(CREDENTIALS, "us-east-1", "sts").presigned(sdkRequest(), BODY,
                SIGNED_AT, Duration.ofMinutes(5));

        assertThat(verifierAt(SIGNED_AT).verify(signedForSts)).isEqualTo(new Rejected<String>(
                new SigV4Error.SignatureDoesNotMatch("Credential should be scoped to correct service: 'iam'.")));
    }

    @Test
    void requestSignedForAnotherRegionAndServiceNamesBothAsAwsDoes() {
        SignedRequest signed = new SdkSigning(CREDENTIALS, "eu-west-1", "sts").inHeader(sdkRequest(), BODY, SIGNED_AT);

        assertThat(verifierAt(SIGNED_AT).verify(signed)).isEqualTo(new Rejected<String>(
                new SigV4Error.SignatureDoesNotMatch("Credential should be scoped to a valid region, not 'eu-west-1'. "
                        + "Credential should be scoped to correct service: 'iam'.")));
    }

    @Test
    void unknownAccessKeyIdIsInvalidClientTokenId() {
        SdkSigning stranger = new SdkSigning(AwsCredentialsIdentity.create("AKIAUNKNOWNKEY000000", SECRET), "us-east-1",
                "iam");

        VerificationResult<String> inHeader = verifierAt(SIGNED_AT).verify(stranger.inHeader(sdkRequest(), BODY,
                SIGNED_AT));
        VerificationResult<String> presigned = verifierAt(SIGNED_AT).verify(stranger.presigned(sdkRequest(), BODY,
                SIGNED_AT, Duration.ofMinutes(5)));

        Rejected<String> expected = new Rejected<>(new SigV4Error.InvalidClientTokenId());
        assertThat(inHeader).isEqualTo(expected);
        assertThat(presigned).isEqualTo(expected);
        assertThat(expected.httpStatus()).isEqualTo(403);
        assertThat(expected.message()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void knownAccessKeyIdWithAnotherSecretDoesNotMatch() {
        SdkSigning wrongSecret = new SdkSigning(AwsCredentialsIdentity.create(KEY_ID, SECRET.replace('k', 'K')),
                "us-east-1", "iam");

        assertThat(verifierAt(SIGNED_AT).verify(wrongSecret.inHeader(sdkRequest(), BODY, SIGNED_AT)))
                .isEqualTo(new Rejected<String>(SigV4Error.SignatureDoesNotMatch.calculatedDiffers()));
    }

    @Test
    void s3PresignedUrlFromTheSdkVerifiesWithS3PathRules() {
        SdkHttpRequest getObject = SdkSigning.request(SdkHttpMethod.GET,
                "https://bucket.s3.eu-west-1.amazonaws.com/photos/2026/caf%C3%A9%20au%20lait.jpg", Map.of());
        SignedRequest received = SdkSigning.asReceived(presignForS3(getObject).request(), new byte[0]);

        assertThat(Results.verified(verifier("eu-west-1", "s3", SIGNED_AT).verify(received)).payloadSigned()).isFalse();
    }

    // S3 signs paths once and presigned payloads as UNSIGNED-PAYLOAD, as the SDK's S3 client configures the signer.
    private static software.amazon.awssdk.http.auth.spi.signer.SignedRequest presignForS3(SdkHttpRequest request) {
        return AwsV4HttpSigner.create().sign(b -> b.identity(CREDENTIALS).request(request)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(10))
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC)));
    }

    private static SignedRequest withoutQueryParameter(SignedRequest request, String name) {
        String query = Stream.of(request.rawQuery().split("&"))
                .filter(pair -> !pair.equals(name) && !pair.startsWith(name + "="))
                .collect(Collectors.joining("&"));
        assertThat(query).as("the parameter was there").isNotEqualTo(request.rawQuery());
        return new SignedRequest(request.method(), request.rawPath(), query, request.headers(), request.payload());
    }

    private static SignedRequest withHeader(SignedRequest request, String name, String value) {
        Map<String, List<String>> headers = new HashMap<>(withoutHeader(request, name).headers());
        headers.put(name, List.of(value));
        return request.withHeaders(headers);
    }

    private static SignedRequest withoutHeader(SignedRequest request, String name) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        return request.withHeaders(headers);
    }
}
