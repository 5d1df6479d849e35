package io.portcullis.authz.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What authz-service is told ({@code portcullis.authz.*}). */
@ConfigMapping(prefix = "portcullis.authz")
public interface AuthzConfig {

    /**
     * The read model's RocksDB folder. Rebuildable: deleting it and starting again folds the topics from the
     * beginning into the same model. The launcher puts it under {@code .portcullis/data/authz}; on Kubernetes it is
     * an {@code emptyDir}.
     */
    @WithDefault("target/authz-model")
    String dataDir();

    /** Compiled policies kept in memory. */
    @WithDefault("10000")
    int policyCache();

    /** How long a request waits for the freshness it asked for before it is answered 503. */
    @WithDefault("5S")
    Duration consistencyTimeout();

    /**
     * credential-service's base URL, to report access key use to ({@code PORTCULLIS_AUTHZ_CREDENTIAL_URL}); absent: use is
     * not reported.
     */
    Optional<String> credentialUrl();

    /**
     * The installation's own secret ({@code PORTCULLIS_AUTHZ_INSTALLATION_SECRET}, base64 of 32 bytes or more), from which
     * the keys that are never stored are derived: each account's root key and each suite service's key. Only
     * authz-service (which verifies them) and the operator's tools hold it. Absent: only users' access keys verify.
     */
    Optional<String> installationSecret();

    /**
     * The key-encryption keys users' access key secrets are sealed with: the same {@code PORTCULLIS_CREDENTIAL_KEKS}
     * credential-service seals with (application.properties maps it here). Absent: users' keys do not verify.
     */
    Optional<String> credentialKeks();

    /** A key's use is reported at most once per this interval from each replica: AWS records the first use per 15 minutes. */
    @WithDefault("15M")
    Duration keyUseInterval();
}
