package io.portcullis.runtime.config;

import io.portcullis.events.topics.Topic;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What a Portcullis service is told about its place in the deployment. */
@ConfigMapping(prefix = "portcullis")
public interface PortcullisConfig {

    /** The topics this service writes (its commands, events and replies); absent for authz-service, which only reads. */
    Optional<Topic.OwningService> owns();

    /** Unique per running instance and stable for its life: Kafka transactional ids are derived from it. */
    @WithDefault("${quarkus.uuid}")
    String instanceId();

    /** How long a write waits for its partition writer's answer, and a read for its projection, before answering 503. */
    @WithDefault("5s")
    Duration requestTimeout();

    TopicSettings topic();

    Http http();

    Registry registry();

    Access access();

    interface TopicSettings {
        /** 3 in production (one broker may fail without losing an acknowledged write); 1 on a single broker. */
        @WithDefault("3")
        int replicationFactor();
    }

    interface Http {
        /**
         * The largest request body the API accepts, answered 413 {@code RequestEntityTooLarge} above it. Sized
         * for the largest valid AWS request of the service (identity: a user with 50 tags of 128 and 256
         * characters, about 80 KB in UTF-8); {@code quarkus.http.limits.max-body-size} stops larger bodies sent
         * without a length.
         */
        @WithDefault("128K")
        MemorySize maxRequestBody();
    }

    /** How callers are authenticated and authorized: by authz-service, with this service's own credential. */
    interface Access {
        /**
         * authz-service's base URL ({@code PORTCULLIS_AUTHZ_URL}), which verifies every caller's signature and decides
         * every request on the suite's policies. Absent, every {@code /v1} route answers 503: nothing is let in that
         * was not verified.
         */
        Optional<String> authzUrl();

        /**
         * This service's own key, {@code accessKeyId:secret} ({@code PORTCULLIS_SERVICE_CREDENTIAL}), derived from the
         * installation secret for this service's name; it signs what this service asks authz-service.
         */
        Optional<String> serviceCredential();

        /** How long a request waits for authz-service's answer before it is answered 503. */
        @WithDefault("2s")
        Duration timeout();

        /** Connections kept open to authz-service. */
        @WithDefault("32")
        int maxConnections();

        /**
         * Calls to authz-service in flight at once; requests that arrive while they are all out go together in the
         * next call (up to 100 a call), so under load one HTTP exchange judges many requests.
         */
        @WithDefault("4")
        int maxCallsInFlight();
    }

    interface Registry {
        /** Apicurio Registry's v3 API base, e.g. {@code http://127.0.0.1:8080/apis/registry/v3}. */
        String url();
    }
}
