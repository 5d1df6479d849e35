package io.portcullis.authz.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.portcullis.authz.config.AuthzConfig;
import io.portcullis.custody.DerivedKey;
import io.portcullis.custody.InstallationSecret;
import io.portcullis.sigv4.SigV4Signer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Tells credential-service that an access key signed a request, coarsely: at most once per key per interval from
 * this replica, asynchronously, never on the request's path. A report that fails is tried again at the key's next
 * use. credential-service records the first use of each 15-minute span, so reports from several replicas cost it
 * nothing more. Each report is signed with authz-service's own service key (derived from the installation secret):
 * credential-service lets only this service record a use.
 */
@ApplicationScoped
public class KeyUseReports {

    private static final Logger LOG = Logger.getLogger(KeyUseReports.class);

    private final AuthzConfig config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** When each key's use was last reported; forgotten after the interval, so the map holds only recently used keys. */
    private final Map<String, Instant> lastReported;

    private final ObjectMapper json;
    /** authz-service's own key; null without an installation secret, when reports cannot be proven and are not sent. */
    private final SigV4Signer signer;

    KeyUseReports(AuthzConfig config, Clock clock, ObjectMapper json) {
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.signer = config.installationSecret().filter(s -> !s.isBlank()).map(secret -> {
            DerivedKey key = InstallationSecret.parse(secret).service("authz-service");
            try {
                char[] chars = key.secret();
                try {
                    return SigV4Signer.of(key.accessKeyId(), chars, "us-east-1", "iam");
                } finally {
                    java.util.Arrays.fill(chars, '\0');
                }
            } finally {
                key.destroy();
            }
        }).orElse(null);
        this.lastReported = Caffeine.newBuilder().expireAfterWrite(config.keyUseInterval()).<String, Instant>build().asMap();
    }

    /** credential-service's {@code PUT …/last-used} body. */
    private record Use(String serviceName, String region, Instant usedDate) {
    }

    private String body(Use use) {
        try {
            return json.writeValueAsString(use);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void used(String account, String accessKeyId, String service, String region) {
        if (config.credentialUrl().isEmpty() || signer == null) {
            return;
        }
        Instant now = clock.instant();
        Instant last = lastReported.get(accessKeyId);
        if (last != null && now.isBefore(last.plus(config.keyUseInterval()))) {
            return;
        }
        if (last == null ? lastReported.putIfAbsent(accessKeyId, now) != null : !lastReported.replace(accessKeyId, last, now)) {
            return;
        }
        URI uri = URI.create(config.credentialUrl().get() + "/v1/accounts/" + account + "/access-keys/" + accessKeyId + "/last-used");
        byte[] body = body(new Use(service, region, now)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder report = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.sign("PUT", uri, java.util.Map.of("Content-Type", java.util.List.of("application/json")), body, now)
                .forEach((name, value) -> {
                    if (!name.equals("Host")) {
                        report.header(name, value);
                    }
                });
        http.sendAsync(report.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() != 204) {
                lastReported.remove(accessKeyId, now);
                LOG.warnf("Reporting the use of %s failed (%s); reported again at its next use", accessKeyId,
                        failure != null ? failure.toString() : "HTTP " + response.statusCode());
            }
        });
    }
}
