package io.portcullis.sigv4;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.security.auth.Destroyable;

/**
 * Signs requests with AWS Signature Version 4 for one access key, region and service: what the suite's own clients
 * (the test kit, the operator commands, the benchmarks, a service proving itself to authz-service) use instead of an
 * AWS SDK. It builds the canonical request with the same code the verifier checks it with, so the two cannot drift;
 * {@code SignerAgreesWithTheSdkTest} holds it to the AWS SDK for Java v2's signer byte for byte.
 *
 * <p>Signed: {@code host}, {@code x-amz-date}, and every header given whose name is {@code content-type} or starts
 * with {@code x-amz-}, as the AWS SDKs sign; the body's SHA-256 as the payload (or the value of an
 * {@code x-amz-content-sha256} header given). The secret stays in this object's
 * own array until {@link #destroy()}.
 */
public final class SigV4Signer implements Destroyable {

    private final String accessKeyId;
    private final char[] secret;
    private final String region;
    private final String service;
    private final CanonicalUri canonicalUri;
    private boolean destroyed;

    private SigV4Signer(String accessKeyId, char[] secret, String region, String service) {
        this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
        this.secret = secret.clone();
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.canonicalUri = CanonicalUri.forService(service);
    }

    /** Copies {@code secret}: the caller may wipe its own array once this returns. */
    public static SigV4Signer of(String accessKeyId, char[] secret, String region, String service) {
        if (Objects.requireNonNull(secret, "secret").length == 0) {
            throw new IllegalArgumentException("a secret access key is never empty");
        }
        return new SigV4Signer(accessKeyId, secret, region, service);
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /**
     * The headers to add to the request so that it is signed at {@code at}: {@code X-Amz-Date} and
     * {@code Authorization} (and {@code Host} when {@code headers} has none, from {@code uri}'s authority). The path
     * and query are read from {@code uri}'s raw (encoded) parts, as they go on the wire.
     */
    public Map<String, String> sign(String method, URI uri, Map<String, List<String>> headers, byte[] body, Instant at) {
        String amzDate = PresentedSignature.basicIso8601(at);
        Map<String, List<String>> signedHeaders = new TreeMap<>();
        Map<String, String> added = new LinkedHashMap<>();
        boolean hasHost = false;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            hasHost |= name.equals("host");
            if (name.equals("host") || name.equals("content-type") || (name.startsWith("x-amz-") && !name.equals("x-amz-date"))) {
                signedHeaders.computeIfAbsent(name, n -> new ArrayList<>()).addAll(header.getValue());
            }
        }
        if (!hasHost) {
            signedHeaders.put("host", List.of(uri.getRawAuthority()));
            added.put("Host", uri.getRawAuthority());
        }
        signedHeaders.put("x-amz-date", List.of(amzDate));
        added.put("X-Amz-Date", amzDate);
        String names = String.join(";", signedHeaders.keySet());
        // A client that names the payload's hash (or UNSIGNED-PAYLOAD) signs that value, as the verifier reads it.
        List<String> claimed = signedHeaders.get("x-amz-content-sha256");
        String hashedPayload = claimed != null && !claimed.isEmpty() ? claimed.get(0) : Hashing.sha256Hex(body);
        String signature = signature(method, uri.getRawPath(), rawQuery(uri), signedHeaders, names, hashedPayload, amzDate);
        added.put("Authorization", StringToSign.ALGORITHM + " Credential=" + accessKeyId + "/" + scope(amzDate).text()
                + ", SignedHeaders=" + names + ", Signature=" + signature);
        return added;
    }

    /**
     * {@code uri} with a presigned query string: valid from {@code at} for {@code expiresIn} (at most 7 days), signing
     * only {@code host} and the hash of an empty body, as a link someone opens carries none.
     */
    public URI presign(String method, URI uri, Duration expiresIn, Instant at) {
        if (expiresIn.isNegative() || expiresIn.compareTo(SigV4Verifier.MAX_PRESIGNED_EXPIRY) > 0) {
            throw new IllegalArgumentException("a presigned URL expires within 7 days");
        }
        String amzDate = PresentedSignature.basicIso8601(at);
        List<String> parameters = new ArrayList<>();
        String existing = rawQuery(uri);
        if (!existing.isEmpty()) {
            parameters.add(existing);
        }
        parameters.add("X-Amz-Algorithm=" + StringToSign.ALGORITHM);
        parameters.add("X-Amz-Credential=" + UriEncoding.encode(accessKeyId + "/" + scope(amzDate).text()));
        parameters.add("X-Amz-Date=" + amzDate);
        parameters.add("X-Amz-Expires=" + expiresIn.toSeconds());
        parameters.add("X-Amz-SignedHeaders=host");
        String query = String.join("&", parameters);
        String signature = signature(method, uri.getRawPath(), query, Map.of("host", List.of(uri.getRawAuthority())), "host",
                Hashing.sha256Hex(new byte[0]), amzDate);
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + Objects.requireNonNullElse(uri.getRawPath(), "/") + "?" + query
                + "&" + QueryString.SIGNATURE + "=" + signature);
    }

    private String signature(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String names,
                             String hashedPayload, String amzDate) {
        StringBuilder canonicalHeaders = new StringBuilder(256);
        headers.forEach((name, values) -> canonicalHeaders.append(name).append(':')
                .append(String.join(",", values.stream().map(CanonicalRequest::trimAndCollapse).toList())).append('\n'));
        CanonicalRequest canonical = new CanonicalRequest(method, canonicalUri.of(rawPath == null || rawPath.isEmpty() ? "/" : rawPath),
                QueryString.parse(rawQuery).canonical(), canonicalHeaders.toString(), names, hashedPayload);
        SecretAccessKey key = secretAccessKey();
        try (SigningKey signingKey = SigningKey.derive(key, scope(amzDate))) {
            return signingKey.sign(new StringToSign(amzDate, scope(amzDate), canonical.sha256Hex()));
        } finally {
            key.destroy();
        }
    }

    private synchronized SecretAccessKey secretAccessKey() {
        if (destroyed) {
            throw new IllegalStateException("this signer has been destroyed");
        }
        return SecretAccessKey.copyOf(secret);
    }

    private CredentialScope scope(String amzDate) {
        return new CredentialScope(amzDate.substring(0, 8), region, service, CredentialScope.TERMINATOR);
    }

    private static String rawQuery(URI uri) {
        return uri.getRawQuery() == null ? "" : uri.getRawQuery();
    }

    @Override
    public synchronized void destroy() {
        Arrays.fill(secret, '\0');
        destroyed = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "SigV4Signer[" + accessKeyId + ", " + region + ", " + service + "]";
    }
}
