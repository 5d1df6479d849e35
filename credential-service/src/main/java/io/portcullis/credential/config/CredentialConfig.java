package io.portcullis.credential.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What credential-service is told about its secrets ({@code portcullis.credential.*}). */
@ConfigMapping(prefix = "portcullis.credential")
public interface CredentialConfig {

    /**
     * The key-encryption keys that seal access key secrets: {@code id:base64key} entries, comma-separated,
     * oldest first; the last one seals ({@code libs/secret-custody}). From {@code PORTCULLIS_CREDENTIAL_KEKS}:
     * the launcher makes one on the first {@code up}, Kubernetes mounts a Secret.
     */
    String keks();

    /**
     * The longest an access key stays Active: older keys are deactivated by the service ({@code AccessKeyExpired}).
     * Absent (the default): keys do not expire, as on AWS. For example {@code P90D}.
     */
    Optional<Duration> accessKeyMaxAge();

    /** How often the service looks for keys whose grace period ended or that reached the maximum age. */
    @WithDefault("30S")
    Duration deadlineInterval();
}
