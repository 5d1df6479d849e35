package io.portcullis.runtime.api;

import io.portcullis.iam.error.IamErrorCode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Captures what a {@code /v1} request's signature covers before anything reads the body: the path and query as sent,
 * every header, the body's SHA-256, and the caller's address, user agent and transport ({@link CallerRequest}). A
 * request that carries no signature at all is refused here, at once, with AWS's {@code MissingAuthenticationToken}
 * (403): nothing of it is read or decided. Everything else is verified by the authorizer when the route asks it.
 *
 * <p>Runs on the route's worker thread (the routes are blocking), where reading the body is allowed; the body is put
 * back for the route to read.
 */
public class CallerCredentials {

    private static final String MISSING = "Request is missing Authentication Token";

    private final RequestCaller caller;

    CallerCredentials(RequestCaller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response capture(ContainerRequestContext request, HttpServerRequest connection) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/v1/")) {
            return null;
        }
        if (!CallerRequest.carriesCredentials(request.getHeaderString("Authorization"), uri.getRawQuery())) {
            caller.settled(null);
            return IamError.response(IamErrorCode.MISSING_AUTHENTICATION_TOKEN, MISSING);
        }
        byte[] body;
        try {
            body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        // HTTP/2 (a JDK client upgrades to h2c by default) carries the host as :authority, not as a Host header; SigV4
        // signs it as host either way.
        if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Host")) && connection.authority() != null) {
            io.vertx.core.net.HostAndPort authority = connection.authority();
            headers.put("Host", List.of(authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "")));
        }
        caller.captured(new CallerRequest(request.getMethod(), path, uri.getRawQuery(), headers, sha256Hex(body),
                connection.remoteAddress() == null ? null : connection.remoteAddress().hostAddress(), request.getHeaderString("User-Agent"),
                connection.isSSL()));
        return null;
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
