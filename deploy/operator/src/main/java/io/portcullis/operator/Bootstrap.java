package io.portcullis.operator;

import io.portcullis.custody.DerivedKey;
import io.portcullis.sigv4.SigV4Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installation's first administrator, made the way any administrator is made, by calls signed as the root of the
 * installation account (a key derived from the installation secret, which only the operator and authz-service hold):
 * CreateUser, AttachUserPolicy {@code AdministratorAccess}, CreateAccessKey. Each call is asked at least as fresh as
 * the writes before it ({@code Consistency-Token}), so none waits on a guess. The key is then an ordinary user's key:
 * it can be rotated, deactivated and deleted like any other.
 */
public final class Bootstrap {

    static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final Pattern KEY = Pattern.compile("\"accessKeyId\":\"([A-Z0-9]{16,128})\"");
    private static final Pattern SECRET = Pattern.compile("\"secretAccessKey\":\"([A-Za-z0-9+/]{40})\"");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Where the services listen ({@code http://127.0.0.1:8081} …). */
    public record Endpoints(String identity, String policy, String credential) {
    }

    /** The administrator's key: its id, and its secret, which its caller writes where only the user can read it, then wipes. */
    public record IssuedKey(String userArn, String accessKeyId, char[] secret) {
        @Override
        public String toString() {
            return "IssuedKey[" + userArn + ", " + accessKeyId + "]";
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Endpoints endpoints;
    private final List<String> tokens = new ArrayList<>();

    public Bootstrap(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The tokens of the writes made so far: a call with the new key asked at least as fresh as these finds it. */
    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    /** Makes {@code userName} in {@code account} an administrator with a new access key, signing as the account's root. */
    public IssuedKey administrator(String account, String userName, DerivedKey root) throws IOException, InterruptedException {
        String users = endpoints.identity() + "/v1/accounts/" + account + "/users";
        HttpResponse<String> created = call(root, "POST", users, "{\"userName\":\"" + userName + "\"}");
        if (created.statusCode() != 201 && !(created.statusCode() == 409 && created.body().contains("EntityAlreadyExists"))) {
            throw refused("CreateUser", created);
        }
        String attached = endpoints.policy() + "/v1/accounts/" + account + "/users/" + userName + "/attached-policies";
        HttpResponse<String> attach = call(root, "POST", attached, "{\"policyArn\":\"" + ADMINISTRATOR_ACCESS + "\"}");
        if (attach.statusCode() != 204) {
            throw refused("AttachUserPolicy", attach);
        }
        HttpResponse<String> key = call(root, "POST", endpoints.credential() + "/v1/accounts/" + account + "/users/" + userName
                + "/access-keys", "");
        if (key.statusCode() != 201) {
            throw refused("CreateAccessKey", key);
        }
        Matcher id = KEY.matcher(key.body());
        Matcher secret = SECRET.matcher(key.body());
        if (!id.find() || !secret.find()) {
            throw new IOException("CreateAccessKey answered 201 without a key");
        }
        return new IssuedKey("arn:aws:iam::" + account + ":user/" + userName, id.group(1), secret.group(1).toCharArray());
    }

    /**
     * The call, signed as {@code key}, at least as fresh as every earlier write; retried while the suite is still
     * starting (503) or has not yet seen the user just made (404), for at most a minute.
     */
    private HttpResponse<String> call(DerivedKey key, String method, String url, String json) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> response = send(key, method, URI.create(url), json);
            boolean retry = response.statusCode() == 503 || response.statusCode() == 404;
            if (!retry || System.nanoTime() > deadline) {
                response.headers().firstValue("Consistency-Token").ifPresent(tokens::add);
                return response;
            }
            Thread.sleep(500);
        }
    }

    private HttpResponse<String> send(DerivedKey key, String method, URI uri, String json) throws IOException, InterruptedException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        SigV4Signer signer = SigV4Signer.of(key.accessKeyId(), key.secret(), "us-east-1", "iam");
        Map<String, String> signature;
        try {
            signature = signer.sign(method, uri, Map.of(), body, Instant.now());
        } finally {
            signer.destroy();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("User-Agent", "portcullis-operator/bootstrap")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        signature.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        if (!tokens.isEmpty()) {
            request.header("Consistency-Token", String.join(",", tokens));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static IOException refused(String action, HttpResponse<String> response) {
        return new IOException(action + " answered HTTP " + response.statusCode() + ": " + response.body());
    }
}
