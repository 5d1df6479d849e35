package io.portcullis.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.sigv4.VerificationResult.Verified;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The suite's own signer writes the signature the AWS SDK for Java v2 writes for the same request, key and time, and
 * what it signs verifies; a verifier for any region accepts a request in the region it was signed for.
 */
class SignerAgreesWithTheSdkTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:11:12Z");
    private static final String KEY_ID = "AKIAPORTCULLIS0TEST1";
    private static final String SECRET = "k7Jd/3mQx+VwZr9TpL2sNb8YcEo1HuAiGf4XtKq6";
    private static final String URI_TEXT = "http://127.0.0.1:8081/v1/accounts/123456789012/users/a%20b/tags?marker=a+b%2Bc&maxItems=5&Empty";
    private static final byte[] BODY = "{\"tags\":[{\"key\":\"team\",\"value\":\"caf\u00e9\"}]}".getBytes(StandardCharsets.UTF_8);
    private static final TestKeys KEYS = new TestKeys().with(KEY_ID, SECRET, "arn:aws:iam::123456789012:user/alice");

    private final SigV4Signer signer = SigV4Signer.of(KEY_ID, SECRET.toCharArray(), "eu-west-1", "iam");

    @Test
    void signsWhatTheVerifierAcceptsNamingEveryHeaderItSigned() {
        // Given
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"), "X-Amz-Target", List.of("  a   b "),
                "User-Agent", List.of("not signed"));

        // When
        Map<String, String> added = signer.sign("POST", URI.create(URI_TEXT), headers, BODY, AT);

        // Then
        assertThat(added.get("X-Amz-Date")).isEqualTo("20261206T101112Z");
        assertThat(added.get("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=" + KEY_ID
                + "/20261206/eu-west-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=");
        Map<String, List<String>> received = new HashMap<>(headers);
        added.forEach((name, value) -> received.put(name, List.of(value)));
        assertThat(verifier().verify(SignedRequest.of("POST", URI.create(URI_TEXT), received, Payload.of(BODY)))).isInstanceOf(Verified.class);
    }

    @Test
    void signsTheSameBytesAsTheSdkWhenBothSignTheSameHeaders() {
        // Given a request whose headers name the payload hash, so that the SDK and our signer sign the same header set
        String hash = Payload.of(BODY).sha256Hex();
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"), "x-amz-content-sha256", List.of(hash));
        SignedRequest bySdk = new SdkSigning(AwsCredentialsIdentity.create(KEY_ID, SECRET), "eu-west-1", "iam")
                .inHeader(SdkSigning.request(SdkHttpMethod.POST, URI_TEXT, headers), BODY, AT);

        // When
        Map<String, String> added = signer.sign("POST", URI.create(URI_TEXT), headers, BODY, AT);

        // Then the two Authorization headers are identical
        assertThat(added.get("Authorization")).isEqualTo(bySdk.firstHeader("Authorization").orElseThrow());
    }

    @Test
    void presignsAUrlThatVerifiesUntilItExpires() {
        // When
        URI presigned = signer.presign("GET", URI.create(URI_TEXT), Duration.ofMinutes(5), AT);

        // Then
        SignedRequest received = SignedRequest.of("GET", presigned, Map.of("Host", List.of("127.0.0.1:8081")), Payload.empty());
        assertThat(verifierAt(AT.plusSeconds(300)).verify(received)).isInstanceOf(Verified.class);
        assertThat(verifierAt(AT.plusSeconds(301)).verify(received)).isInstanceOf(VerificationResult.Rejected.class);
    }

    @Test
    void aVerifierForAnyRegionNamesTheRegionSigned() {
        // Given
        Map<String, String> added = signer.sign("GET", URI.create(URI_TEXT), Map.of(), new byte[0], AT);
        Map<String, List<String>> headers = new HashMap<>();
        added.forEach((name, value) -> headers.put(name, List.of(value)));

        // When
        VerificationResult<String> result = verifier().verify(SignedRequest.of("GET", URI.create(URI_TEXT), headers, Payload.empty()));

        // Then
        assertThat(Results.verified(result).region()).isEqualTo("eu-west-1");
        assertThat(verifier().region()).isEmpty();
    }

    @Test
    void aVerifierForAnyRegionStillChecksTheService() {
        SigV4Signer other = SigV4Signer.of(KEY_ID, SECRET.toCharArray(), "eu-west-1", "organizations");
        Map<String, List<String>> headers = new HashMap<>();
        other.sign("GET", URI.create(URI_TEXT), Map.of(), new byte[0], AT).forEach((name, value) -> headers.put(name, List.of(value)));

        VerificationResult<String> result = verifier().verify(SignedRequest.of("GET", URI.create(URI_TEXT), headers, Payload.empty()));

        assertThat(((VerificationResult.Rejected<String>) result).message()).isEqualTo("Credential should be scoped to correct service: 'iam'.");
    }

    @Test
    void aDestroyedSignerSignsNothing() {
        SigV4Signer disposable = SigV4Signer.of(KEY_ID, SECRET.toCharArray(), "us-east-1", "iam");
        disposable.destroy();

        assertThat(disposable.isDestroyed()).isTrue();
        assertThat(disposable.toString()).doesNotContain(SECRET);
        assertThatThrownBy(() -> disposable.sign("GET", URI.create(URI_TEXT), Map.of(), new byte[0], AT))
                .isInstanceOf(IllegalStateException.class);
    }

    private static SigV4Verifier<String> verifier() {
        return verifierAt(AT);
    }

    private static SigV4Verifier<String> verifierAt(Instant now) {
        return SigV4Verifier.forAnyRegion("iam", KEYS, Clock.fixed(now, ZoneOffset.UTC));
    }
}
