package io.portcullis.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.sigv4.VerificationResult.Rejected;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** No result, error, exception message or toString carries the secret access key, whatever the request. */
class SecretNeverLeaksTest {

    private static final String KEY_ID = "AKIALEAKCHECK0000001";
    private static final String SECRET = "Zq8vT2/mWx5Lr+Kp9cHs3NdJf7YbUe1AoGi4XtRw";
    private static final String TOKEN = "FwoGZXIvYXdzSESSIONTOKEN";
    private static final Instant SIGNED_AT = Instant.parse("2026-05-01T12:00:00Z");
    private static final byte[] BODY = "Action=GetUser&Version=2010-05-08".getBytes(StandardCharsets.UTF_8);

    @Test
    void noResultOfAnyKindShowsTheSecret() {
        List<Object> shown = new ArrayList<>();
        for (SignedRequest request : requestsCoveringEveryOutcome()) {
            for (Duration offset : List.of(Duration.ZERO, Duration.ofMinutes(20), Duration.ofMinutes(-20))) {
                VerificationResult<String> result = verifier(SIGNED_AT.plus(offset)).verify(request);
                shown.add(result);
                if (result instanceof Rejected) {
                    SigV4Error error = ((Rejected<String>) result).error();
                    shown.add(error);
                    shown.add(error.message());
                }
            }
        }

        Set<String> codes = shown.stream().filter(SigV4Error.class::isInstance).map(e -> ((SigV4Error) e).code())
                .collect(Collectors.toSet());
        assertThat(codes).as("every error code was produced").containsExactlyInAnyOrder("MissingAuthenticationToken",
                "IncompleteSignature", "InvalidClientTokenId", "SignatureDoesNotMatch", "RequestExpired");
        assertThat(shown).anyMatch(o -> o instanceof VerificationResult && ((VerificationResult<?>) o).isVerified());
        assertThat(shown).allSatisfy(o -> assertThat(String.valueOf(o)).doesNotContain(SECRET, TOKEN));
    }

    @Test
    void clientsThatSwapKeyIdAndSecretDoNotGetTheSecretEchoed() {
        // Secrets often hold a '/', which makes a swapped credential fail the five-element check.
        SdkSigning swapped = new SdkSigning(AwsCredentialsIdentity.create(SECRET, KEY_ID), "us-east-1", "iam");
        SdkSigning swappedWithoutSlash = new SdkSigning(AwsCredentialsIdentity.create(SECRET.replace("/", ""), KEY_ID),
                "us-east-1", "iam");

        VerificationResult<String> withSlash = verifier(SIGNED_AT).verify(swapped.inHeader(request(), BODY, SIGNED_AT));
        VerificationResult<String> withoutSlash = verifier(SIGNED_AT).verify(
                swappedWithoutSlash.inHeader(request(), BODY, SIGNED_AT));

        assertThat(withSlash).isEqualTo(new Rejected<String>(new SigV4Error.IncompleteSignature(
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term")));
        assertThat(withoutSlash).isEqualTo(new Rejected<String>(new SigV4Error.InvalidClientTokenId()));
        assertThat(List.of(withSlash.toString(), withoutSlash.toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(SECRET, SECRET.replace("/", ""), "Zq8vT2"));
    }

    @Test
    void theVerifierWipesTheSecretItWasHandedWhateverTheOutcome() {
        List<SecretAccessKey> handedOut = new ArrayList<>();
        SecretLookup<String> recording = accessKeyId -> {
            SecretAccessKey secret = SecretAccessKey.copyOf(SECRET.toCharArray());
            handedOut.add(secret);
            return accessKeyId.equals(KEY_ID) ? Optional.of(new SigningIdentity<>(secret, "p")) : Optional.empty();
        };
        SigV4Verifier<String> verifier = new SigV4Verifier<>("us-east-1", "iam", recording,
                Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        SignedRequest signed = signer().inHeader(request(), BODY, SIGNED_AT);

        assertThat(verifier.verify(signed).isVerified()).isTrue();
        assertThat(verifier.verify(signed.withHeaders(withHeader(signed, "Content-Type", "text/plain"))).isVerified())
                .isFalse();

        assertThat(handedOut).hasSize(2).allSatisfy(secret -> assertThat(secret.isDestroyed()).isTrue());
    }

    @Test
    void exceptionsAboutSecretsNameNoSecret() {
        SecretAccessKey reused = SecretAccessKey.copyOf(SECRET.toCharArray());
        SigV4Verifier<String> verifier = new SigV4Verifier<>("us-east-1", "iam",
                id -> Optional.of(new SigningIdentity<>(reused, "p")), Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        SignedRequest signed = signer().inHeader(request(), BODY, SIGNED_AT);
        verifier.verify(signed);

        // A lookup that hands out the same key twice is a bug of the caller; the failure must still be quiet.
        assertThatThrownBy(() -> verifier.verify(signed)).isInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(SECRET));
        assertThatThrownBy(() -> SecretAccessKey.copyOf(new char[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(reused.toString()).isEqualTo("SecretAccessKey[redacted]");
        assertThat(new SigningIdentity<>(SecretAccessKey.copyOf(SECRET.toCharArray()), "p").toString())
                .doesNotContain(SECRET);
        assertThat(verifier.toString()).doesNotContain(SECRET);
    }

    private static List<SignedRequest> requestsCoveringEveryOutcome() {
        SdkSigning signer = signer();
        SdkSigning withToken = new SdkSigning(AwsSessionCredentialsIdentity.create(KEY_ID, SECRET, TOKEN), "us-east-1",
                "iam");
        SignedRequest inHeader = signer.inHeader(request(), BODY, SIGNED_AT);
        SignedRequest presigned = withToken.presigned(request(), BODY, SIGNED_AT, Duration.ofMinutes(1));
        List<SignedRequest> requests = new ArrayList<>(List.of(
                inHeader,
                withToken.inHeader(request(), BODY, SIGNED_AT),
                presigned,
                new SignedRequest("GET", "/", "", Map.of(), Payload.empty()),
                inHeader.withHeaders(withHeader(inHeader, "Authorization", "AWS4-HMAC-SHA256 Credential=" + SECRET)),
                inHeader.withHeaders(withHeader(inHeader, "Content-Type", "text/plain")),
                new SdkSigning(AwsCredentialsIdentity.create("AKIAUNKNOWN000000000", SECRET), "us-east-1", "iam")
                        .inHeader(request(), BODY, SIGNED_AT),
                new SdkSigning(AwsCredentialsIdentity.create(KEY_ID, SECRET), "eu-west-3", "sts")
                        .inHeader(request(), BODY, SIGNED_AT)));
        String secretAsExpiry = presigned.rawQuery().replace("X-Amz-Expires=60", "X-Amz-Expires=" + SECRET);
        assertThat(secretAsExpiry).contains(SECRET);
        requests.add(new SignedRequest(presigned.method(), presigned.rawPath(), secretAsExpiry, presigned.headers(),
                presigned.payload()));
        return requests;
    }

    private static SigV4Verifier<String> verifier(Instant now) {
        return new SigV4Verifier<>("us-east-1", "iam", new TestKeys().with(KEY_ID, SECRET, "arn:aws:iam::1:user/x"),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SdkSigning signer() {
        return new SdkSigning(AwsCredentialsIdentity.create(KEY_ID, SECRET), "us-east-1", "iam");
    }

    private static software.amazon.awssdk.http.SdkHttpRequest request() {
        return SdkSigning.request(SdkHttpMethod.POST, "https://iam.amazonaws.com/",
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8")));
    }

    private static Map<String, List<String>> withHeader(SignedRequest request, String name, String value) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        headers.put(name, List.of(value));
        return headers;
    }
}
