package io.portcullis.events.topics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every Kafka topic Portcullis uses, in one place, with its configuration.
 *
 * <p>Each command service owns three topics, all keyed by account id so one account's commands,
 * events and replies stay in one partition and in order:
 * <ul>
 *   <li>{@code portcullis.<service>.commands}: commands waiting for their partition's single writer;
 *       transient, kept 7 days for diagnosis.</li>
 *   <li>{@code portcullis.<service>.events}: the source of truth, kept forever (never compacted:
 *       auditors replay every change).</li>
 *   <li>{@code portcullis.<service>.replies}: answers to waiting HTTP callers; kept 1 hour.</li>
 * </ul>
 * The partition count is fixed at creation: changing it would move accounts between partitions and
 * break per-account ordering, so it is not configurable.
 */
public enum Topic {
    IDENTITY_COMMANDS(OwningService.IDENTITY, Role.COMMANDS),
    IDENTITY_EVENTS(OwningService.IDENTITY, Role.EVENTS),
    IDENTITY_REPLIES(OwningService.IDENTITY, Role.REPLIES),
    POLICY_COMMANDS(OwningService.POLICY, Role.COMMANDS),
    POLICY_EVENTS(OwningService.POLICY, Role.EVENTS),
    POLICY_REPLIES(OwningService.POLICY, Role.REPLIES),
    ORG_COMMANDS(OwningService.ORG, Role.COMMANDS),
    ORG_EVENTS(OwningService.ORG, Role.EVENTS),
    ORG_REPLIES(OwningService.ORG, Role.REPLIES),
    CREDENTIAL_COMMANDS(OwningService.CREDENTIAL, Role.COMMANDS),
    CREDENTIAL_EVENTS(OwningService.CREDENTIAL, Role.EVENTS),
    CREDENTIAL_REPLIES(OwningService.CREDENTIAL, Role.REPLIES);

    /** Partitions per topic: the unit of write parallelism (one writer per partition). */
    public static final int PARTITIONS = 12;

    private final OwningService service;
    private final Role role;

    Topic(OwningService service, Role role) {
        this.service = service;
        this.role = role;
    }

    /** The topic name, e.g. {@code portcullis.identity.events}. */
    public String topicName() {
        return "portcullis." + service.name().toLowerCase(Locale.ROOT) + "." + role.name().toLowerCase(Locale.ROOT);
    }

    public OwningService service() {
        return service;
    }

    public Role role() {
        return role;
    }

    /** The topic as it must be created in an environment with the given replication factor. */
    public TopicSpec spec(int replicationFactor) {
        return new TopicSpec(topicName(), PARTITIONS, replicationFactor, role.config(replicationFactor));
    }

    /** The three topics a service owns. */
    public static List<Topic> ownedBy(OwningService service) {
        return Arrays.stream(values()).filter(t -> t.service == service).toList();
    }

    /** The topic of this role that the service owns, e.g. identity-service's events. */
    public static Topic of(OwningService service, Role role) {
        return Arrays.stream(values()).filter(t -> t.service == service && t.role == role).findFirst().orElseThrow();
    }

    /** Every event topic: what authz-service and auditors consume. */
    public static List<Topic> eventTopics() {
        return Arrays.stream(values()).filter(t -> t.role == Role.EVENTS).toList();
    }

    /** The service that writes a topic. */
    public enum OwningService {
        IDENTITY, POLICY, ORG, CREDENTIAL;

        /**
         * The Avro namespace of this service's events, which is also their group in Apicurio Registry
         * (artifacts are named by record: {@code io.portcullis.events.identity} / {@code UserCreated}).
         */
        public String eventSchemaGroup() {
            return "io.portcullis.events." + name().toLowerCase(Locale.ROOT);
        }

        /** As events name their source ({@code sourceService}) and the launcher names the process: {@code identity-service}. */
        public String serviceName() {
            return name().toLowerCase(Locale.ROOT) + "-service";
        }

        /** The service's event topic, where its facts are published. */
        public String eventsTopic() {
            return of(this, Role.EVENTS).topicName();
        }
    }

    /** What a topic carries, which decides how long it is kept. */
    public enum Role {
        COMMANDS(Long.toString(7L * 24 * 60 * 60 * 1000)),
        EVENTS("-1"),
        REPLIES(Long.toString(60L * 60 * 1000));

        private final String retentionMs;

        Role(String retentionMs) {
            this.retentionMs = retentionMs;
        }

        Map<String, String> config(int replicationFactor) {
            // With 3 replicas, an acknowledged write survives the loss of one broker; with 1 (dev, tests) nothing can.
            String minInSync = Integer.toString(Math.max(1, Math.min(2, replicationFactor - 1)));
            return Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", retentionMs,
                    "retention.bytes", "-1",
                    "min.insync.replicas", minInSync,
                    "unclean.leader.election.enable", "false");
        }
    }
}
