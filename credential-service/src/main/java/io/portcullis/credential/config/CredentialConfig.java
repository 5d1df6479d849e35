package io.portcullis.credential.config;

import io.smallrye.config.ConfigMapping;

/** What credential-service is told about its secrets ({@code portcullis.credential.*}). */
@ConfigMapping(prefix = "portcullis.credential")
public interface CredentialConfig {

    /**
     * The key-encryption keys that seal access key secrets: {@code id:base64key} entries, comma-separated,
     * oldest first; the last one seals ({@code libs/secret-custody}). From {@code PORTCULLIS_CREDENTIAL_KEKS}:
     * the launcher makes one on the first {@code up}, Kubernetes mounts a Secret.
     */
    String keks();
}
