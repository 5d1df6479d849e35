package io.portcullis.runtime.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request as its signature covers it, captured before anything reads the body: method, path and query as sent
 * (still percent-encoded), every header, the body's SHA-256, and what the connection says of the caller (its address,
 * user agent, whether it came over TLS), which become {@code aws:SourceIp}, {@code aws:UserAgent} and
 * {@code aws:SecureTransport} and are recorded with every change the request makes.
 */
public record CallerRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String payloadSha256,
                            String sourceIp, String userAgent, boolean secureTransport) {

    public CallerRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = Map.copyOf(headers);
        Objects.requireNonNull(payloadSha256, "payloadSha256");
    }

    /**
     * True when the request carries a signature in either of SigV4's forms ({@code Authorization} header or presigned
     * query); one that carries neither is refused at once with {@code MissingAuthenticationToken}.
     */
    public static boolean carriesCredentials(String authorizationHeader, String rawQuery) {
        if (authorizationHeader != null && !authorizationHeader.isBlank()) {
            return true;
        }
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            String name = pair.indexOf('=') < 0 ? pair : pair.substring(0, pair.indexOf('='));
            if (name.equals("X-Amz-Algorithm") || name.equals("X-Amz-Credential") || name.equals("X-Amz-Signature")) {
                return true;
            }
        }
        return false;
    }

    // Headers carry the signature and maybe a session token: never printed.
    @Override
    public String toString() {
        return "CallerRequest[" + method + " " + rawPath + ", from " + sourceIp + "]";
    }
}
