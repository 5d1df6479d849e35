package io.portcullis.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The few HTTP calls the system tests make, as a client of the services would make them. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> post(String url, String json) {
        return join(postAsync(url, json));
    }

    static CompletableFuture<HttpResponse<String>> postAsync(String url, String json) {
        return CLIENT.sendAsync(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> put(String url, String json) {
        return join(CLIENT.sendAsync(request(url).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A PUT with an {@code Idempotency-Key}, as a client retrying it sends it. */
    static HttpResponse<String> put(String url, String json, String idempotencyKey) {
        return join(CLIENT.sendAsync(request(url).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    static HttpResponse<String> patch(String url, String json) {
        return join(CLIENT.sendAsync(request(url).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    static HttpResponse<String> delete(String url) {
        return join(deleteAsync(url));
    }

    static CompletableFuture<HttpResponse<String>> deleteAsync(String url) {
        return CLIENT.sendAsync(request(url).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with a {@code Consistency-Token} (or none when null). */
    static HttpResponse<String> get(String url, String consistencyToken) {
        HttpRequest.Builder request = request(url).GET();
        if (consistencyToken != null) {
            request.header("Consistency-Token", consistencyToken);
        }
        return join(CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof IOException io ? new UncheckedIOException(io) : e;
        }
    }
}
