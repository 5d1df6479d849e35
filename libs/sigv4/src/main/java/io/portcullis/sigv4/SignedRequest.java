package io.portcullis.sigv4;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as it arrived, before anything decoded it: the verifier must see the bytes the client
 * signed, so the path and query stay percent-encoded as on the wire.
 *
 * @param method   the HTTP method, e.g. {@code GET}
 * @param rawPath  the path as sent, percent-encoded, without the query ({@code /} when empty)
 * @param rawQuery the query string as sent, without the {@code ?}; empty when there is none
 * @param headers  every header with all its values; names are matched case-insensitively
 * @param payload  the body, or its SHA-256
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            Payload payload) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        if (method.isBlank()) {
            throw new IllegalArgumentException("a request has a method");
        }
        rawPath = Objects.requireNonNull(rawPath, "rawPath").isEmpty() ? "/" : rawPath;
        Objects.requireNonNull(rawQuery, "rawQuery");
        headers = caseInsensitiveCopy(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(payload, "payload");
    }

    /** A request whose path and query come from {@code uri}'s raw (still encoded) parts. */
    public static SignedRequest of(String method, URI uri, Map<String, List<String>> headers, Payload payload) {
        String query = uri.getRawQuery();
        return new SignedRequest(method, Objects.requireNonNullElse(uri.getRawPath(), "/"),
                query == null ? "" : query, headers, payload);
    }

    /**
     * A request whose query parameters a framework has already decoded. They are encoded again the way AWS
     * canonicalizes them, which is exact for every signer that follows AWS's encoding rules.
     */
    public static SignedRequest withDecodedQuery(String method, String rawPath, Map<String, List<String>> parameters,
                                                 Map<String, List<String>> headers, Payload payload) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, values) -> values.forEach(
                value -> pairs.add(UriEncoding.encode(name) + "=" + UriEncoding.encode(value))));
        return new SignedRequest(method, rawPath, String.join("&", pairs), headers, payload);
    }

    /** Every value of a header, in the order received; empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    public Optional<String> firstHeader(String name) {
        return headerValues(name).stream().findFirst();
    }

    public boolean hasHeader(String name) {
        return headers.containsKey(name);
    }

    /** The same request with other headers: what a proxy that rewrites headers would forward. */
    public SignedRequest withHeaders(Map<String, List<String>> otherHeaders) {
        return new SignedRequest(method, rawPath, rawQuery, otherHeaders, payload);
    }

    // The Authorization header and a session token are credentials of the caller; the rest helps debugging.
    @Override
    public String toString() {
        Map<String, Object> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> shown.put(name,
                name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("x-amz-security-token")
                        ? "[redacted]" : values));
        return "SignedRequest[method=" + method + ", rawPath=" + rawPath + ", rawQuery="
                + QueryString.parse(rawQuery).redacted() + ", headers=" + shown + ", payload=" + payload + "]";
    }

    private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            Objects.requireNonNull(name, "header name");
            copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.copyOf(values));
        });
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(copy);
    }
}
