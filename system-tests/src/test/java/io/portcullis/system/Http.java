package io.portcullis.system;

import io.portcullis.testkit.TestSigning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The few HTTP calls the system tests make, as a client of the services would make them: signed with AWS Signature
 * Version 4, as the root of the account the path names unless a call gives another key ({@link #as}).
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Calls signed with one key, each carrying {@code headers} (a {@code Consistency-Token}, say). */
    record Caller(TestSigning.Key key, Map<String, String> headers) {
        /** These calls, asked to be decided at least as fresh as every one of {@code tokens} (writes' tokens). */
        Caller after(java.util.Collection<String> tokens) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put("Consistency-Token", String.join(",", tokens));
            return new Caller(key, Map.copyOf(more));
        }

        HttpResponse<String> post(String url, String json) {
            return join(send(key, "POST", url, json, headers));
        }

        HttpResponse<String> put(String url, String json) {
            return join(send(key, "PUT", url, json, headers));
        }

        HttpResponse<String> patch(String url, String json) {
            return join(send(key, "PATCH", url, json, headers));
        }

        HttpResponse<String> delete(String url) {
            return join(send(key, "DELETE", url, null, headers));
        }

        HttpResponse<String> get(String url) {
            return join(send(key, "GET", url, null, headers));
        }
    }

    private Http() {
    }

    /** Calls signed with {@code key}. */
    static Caller as(TestSigning.Key key) {
        return new Caller(key, Map.of());
    }

    static HttpResponse<String> post(String url, String json) {
        return join(postAsync(url, json));
    }

    static CompletableFuture<HttpResponse<String>> postAsync(String url, String json) {
        return send(null, "POST", url, json, Map.of());
    }

    static HttpResponse<String> put(String url, String json) {
        return join(send(null, "PUT", url, json, Map.of()));
    }

    /** A PUT with an {@code Idempotency-Key}, as a client retrying it sends it. */
    static HttpResponse<String> put(String url, String json, String idempotencyKey) {
        return join(send(null, "PUT", url, json, Map.of("Idempotency-Key", idempotencyKey)));
    }

    static HttpResponse<String> patch(String url, String json) {
        return join(send(null, "PATCH", url, json, Map.of()));
    }

    static HttpResponse<String> delete(String url) {
        return join(deleteAsync(url));
    }

    static CompletableFuture<HttpResponse<String>> deleteAsync(String url) {
        return send(null, "DELETE", url, null, Map.of());
    }

    /** A GET with a {@code Consistency-Token} (or none when null). */
    static HttpResponse<String> get(String url, String consistencyToken) {
        return join(send(null, "GET", url, null, consistencyToken == null ? Map.of() : Map.of("Consistency-Token", consistencyToken)));
    }

    /**
     * {@code method} on {@code url} with {@code json} (or no body when null) and {@code headers}, signed with {@code key}
     * (the root of the path's account when null). The headers are sent but not signed, as AWS's signers leave them.
     */
    static CompletableFuture<HttpResponse<String>> send(TestSigning.Key key, String method, String url, String json,
                                                       Map<String, String> headers) {
        URI uri = URI.create(url);
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        Map<String, String> signature = key == null ? TestSigning.headers(method, uri, body)
                : TestSigning.headers(method, uri, body, key, "us-east-1");
        return sendAsIs(method, uri, json, with(signature, headers));
    }

    /** {@code method} on {@code uri} with exactly {@code headers} ({@code Host} excepted: the client sets it). */
    static CompletableFuture<HttpResponse<String>> sendAsIs(String method, URI uri, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        if (json != null && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(json.getBytes(StandardCharsets.UTF_8)));
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> with(Map<String, String> signature, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(signature);
        all.putAll(headers);
        return all;
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof IOException io ? new UncheckedIOException(io) : e;
        }
    }
}
