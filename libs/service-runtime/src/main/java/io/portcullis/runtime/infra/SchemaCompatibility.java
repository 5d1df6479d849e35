package io.portcullis.runtime.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Puts a BACKWARD compatibility rule on a schema group in Apicurio Registry, so that every event
 * artifact the serde registers in that group refuses a new version that today's consumers could not
 * read (a new field without a default, a removed field, a changed type).
 *
 * <p>The rule is set on the group rather than on each artifact because the serde creates artifacts
 * on first use; a group rule already covers an artifact at the moment it is created.
 */
public final class SchemaCompatibility {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String registryUrl;

    public SchemaCompatibility(String registryUrl) {
        this.registryUrl = registryUrl.endsWith("/") ? registryUrl.substring(0, registryUrl.length() - 1) : registryUrl;
    }

    /** Idempotent: a group or rule that already exists is left as it is. */
    public void requireBackward(String groupId) throws IOException, InterruptedException {
        expect(post("/groups", "{\"groupId\":\"" + groupId + "\"}"), "create group " + groupId);
        expect(post("/groups/" + groupId + "/rules", "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"BACKWARD\"}"),
                "set the BACKWARD rule on group " + groupId);
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(registryUrl + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, String what) throws IOException {
        int status = response.statusCode();
        if (status / 100 != 2 && status != 409) {
            throw new IOException("Apicurio Registry refused to " + what + ": HTTP " + status + " " + response.body());
        }
    }
}
