package io.portcullis.sigv4;

import io.portcullis.sigv4.VerificationResult.AuthLocation;
import io.portcullis.sigv4.VerificationResult.Rejected;
import io.portcullis.sigv4.VerificationResult.Verified;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) on requests for one region and one service, in
 * the {@code Authorization} header or in a presigned query string.
 *
 * <p>Checks run in the order AWS's front end runs them, so a request with several faults gets the error AWS
 * would give: the signature's parts, the date and clock skew, the signed host header, the algorithm, the
 * credential's shape and scope, the access key, and last the signature itself. Thread-safe; one instance per
 * region and service.
 *
 * @param <P> what the {@link SecretLookup} attaches to an access key and {@link Verified} hands back
 */
public final class SigV4Verifier<P> {

    /** How far a request's date may be from the verifier's clock, either way (presigned URLs: future only). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    /** The longest {@code X-Amz-Expires} a presigned URL may carry. */
    public static final Duration MAX_PRESIGNED_EXPIRY = PresentedSignature.MAX_EXPIRES;

    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String CONTENT_SHA256 = "X-Amz-Content-Sha256";

    private final String region;
    private final String service;
    private final SecretLookup<P> secrets;
    private final Clock clock;
    private final CanonicalUri canonicalUri;

    /**
     * @param region  the only region a request may be signed for, e.g. {@code us-east-1} (IAM's, a global service)
     * @param service the only signing name a request may carry, e.g. {@code iam}; {@code s3} switches to S3's
     *                single path encoding
     * @param clock   the verifier's notion of now, against which dates and expiry are judged
     */
    public SigV4Verifier(String region, String service, SecretLookup<P> secrets, Clock clock) {
        this(requireName(region, "region"), service, secrets, clock, true);
    }

    private SigV4Verifier(String region, String service, SecretLookup<P> secrets, Clock clock, boolean checked) {
        this.region = region;
        this.service = requireName(service, "service");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.canonicalUri = CanonicalUri.forService(this.service);
    }

    /**
     * A verifier that accepts whatever region a request was signed for, as a global service does when clients are
     * pointed at it with their own region configured (the AWS CLI and SDKs sign with the client's region for a custom
     * endpoint); {@link Verified#region()} then names the region the request was signed for.
     */
    public static <P> SigV4Verifier<P> forAnyRegion(String service, SecretLookup<P> secrets, Clock clock) {
        return new SigV4Verifier<>(null, service, secrets, clock, true);
    }

    /** A verifier on the system clock. */
    public static <P> SigV4Verifier<P> create(String region, String service, SecretLookup<P> secrets) {
        return new SigV4Verifier<>(region, service, secrets, Clock.systemUTC());
    }

    /** The one region requests must be signed for; empty for a verifier of {@link #forAnyRegion any region}. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    public String service() {
        return service;
    }

    /** Never throws for anything a client can send; only a failing {@link SecretLookup} propagates. */
    public VerificationResult<P> verify(SignedRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return verified(request);
        } catch (Rejection rejection) {
            return new Rejected<>(rejection.error());
        }
    }

    private Verified<P> verified(SignedRequest request) throws Rejection {
        QueryString query = QueryString.parse(request.rawQuery());
        PresentedSignature presented = PresentedSignature.from(request, query);
        Instant signedAt = presented.signedAt();
        requireWithinTime(presented, signedAt);
        requireSignedHost(presented.signedHeaders());
        requireAlgorithm(presented.algorithm());
        Credential credential = Credential.parse(presented.credential());
        requireScope(credential.scope(), presented.amzDate());

        SigningIdentity<P> identity = secrets.find(credential.accessKeyId())
                .orElseThrow(() -> new Rejection(new SigV4Error.InvalidClientTokenId()));
        SecretAccessKey secret = identity.secretAccessKey();
        try {
            String hashedPayload = hashedPayload(request, query, presented.location());
            CanonicalRequest canonical = CanonicalRequest.of(request, query, presented.signedHeaders(), hashedPayload,
                    canonicalUri);
            StringToSign stringToSign = new StringToSign(presented.amzDate(), credential.scope(), canonical.sha256Hex());
            String expected;
            try (SigningKey signingKey = SigningKey.derive(secret, credential.scope())) {
                expected = signingKey.sign(stringToSign);
            }
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    presented.signature().getBytes(StandardCharsets.US_ASCII))) {
                throw new Rejection(SigV4Error.SignatureDoesNotMatch.calculatedDiffers());
            }
            return new Verified<>(credential.accessKeyId(), credential.scope().region(), service, signedAt, identity.principal(),
                    presented.location(), presented.securityToken(), !hashedPayload.equals(UNSIGNED_PAYLOAD));
        } finally {
            secret.destroy();
        }
    }

    private void requireWithinTime(PresentedSignature presented, Instant signedAt) throws Rejection {
        Instant now = clock.instant();
        if (signedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new Rejection(new SigV4Error.SignatureDoesNotMatch("Signature not yet current: "
                    + presented.amzDate() + " is still later than " + PresentedSignature.basicIso8601(now.plus(MAX_CLOCK_SKEW))
                    + " (" + PresentedSignature.basicIso8601(now) + " + 15 min.)"));
        }
        Optional<Duration> expires = presented.expires();
        if (expires.isPresent()) {
            if (now.isAfter(signedAt.plus(expires.get()))) {
                throw new Rejection(new SigV4Error.RequestExpired());
            }
        } else if (signedAt.isBefore(now.minus(MAX_CLOCK_SKEW))) {
            throw new Rejection(new SigV4Error.SignatureDoesNotMatch("Signature expired: " + presented.amzDate()
                    + " is now earlier than " + PresentedSignature.basicIso8601(now.minus(MAX_CLOCK_SKEW)) + " ("
                    + PresentedSignature.basicIso8601(now) + " - 15 min.)"));
        }
    }

    private static void requireSignedHost(String signedHeaders) throws Rejection {
        boolean hostSigned = CanonicalRequest.signedHeaderNames(signedHeaders).stream()
                .anyMatch(name -> name.equalsIgnoreCase("host") || name.equalsIgnoreCase(":authority"));
        if (!hostSigned) {
            throw new Rejection(new SigV4Error.SignatureDoesNotMatch(
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."));
        }
    }

    private static void requireAlgorithm(String algorithm) throws Rejection {
        if (!algorithm.equals(StringToSign.ALGORITHM)) {
            throw new Rejection(new SigV4Error.IncompleteSignature("Unsupported AWS 'algorithm': '" + algorithm
                    + "' (only AWS4-HMAC-SHA256 for now)."));
        }
    }

    // AWS reports every mismatch of the scope at once, in this order.
    private void requireScope(CredentialScope scope, String amzDate) throws Rejection {
        List<String> problems = new ArrayList<>();
        if (region != null ? !scope.region().equals(region) : scope.region().isBlank()) {
            problems.add("Credential should be scoped to a valid region, not '" + scope.region() + "'.");
        }
        if (!scope.service().equals(service)) {
            problems.add("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!scope.terminator().equals(CredentialScope.TERMINATOR)) {
            problems.add("Credential should be scoped with a valid terminator: 'aws4_request', not '"
                    + scope.terminator() + "'.");
        }
        String requestDay = amzDate.substring(0, 8);
        if (!scope.date().equals(requestDay)) {
            problems.add("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + scope.date() + "' != '" + requestDay + "', from '" + amzDate + "'.");
        }
        if (!problems.isEmpty()) {
            throw new Rejection(new SigV4Error.SignatureDoesNotMatch(String.join(" ", problems)));
        }
    }

    /**
     * The last line of the canonical request. A client that sends {@code x-amz-content-sha256} signs that value;
     * when it claims a hash, the body must have it, or the signature would cover a body other than this one. An
     * S3 presigned URL signs {@code UNSIGNED-PAYLOAD}; everything else signs the hash of the body.
     */
    private String hashedPayload(SignedRequest request, QueryString query, AuthLocation location) throws Rejection {
        Optional<String> claimed = request.firstHeader(CONTENT_SHA256);
        if (claimed.isEmpty() && location == AuthLocation.QUERY_STRING) {
            claimed = query.first(CONTENT_SHA256);
        }
        if (claimed.isEmpty()) {
            return location == AuthLocation.QUERY_STRING && service.equals("s3")
                    ? UNSIGNED_PAYLOAD : request.payload().sha256Hex();
        }
        String hash = claimed.get();
        if (hash.equals(UNSIGNED_PAYLOAD)) {
            return hash;
        }
        if (hash.length() != 64 || !hash.chars().allMatch(HexFormat::isHexDigit)) {
            // Chunked uploads (STREAMING-…) sign each chunk separately; this library does not verify chunks.
            throw new Rejection(new SigV4Error.IncompleteSignature(
                    "x-amz-content-sha256 must be UNSIGNED-PAYLOAD or the SHA-256 of the body."));
        }
        if (!hash.equalsIgnoreCase(request.payload().sha256Hex())) {
            throw new Rejection(SigV4Error.SignatureDoesNotMatch.calculatedDiffers());
        }
        return hash;
    }

    private static String requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.contains("/")) {
            throw new IllegalArgumentException("a " + what + " is a non-blank name without '/'");
        }
        return value;
    }

    @Override
    public String toString() {
        return "SigV4Verifier[region=" + (region == null ? "any" : region) + ", service=" + service + "]";
    }
}
