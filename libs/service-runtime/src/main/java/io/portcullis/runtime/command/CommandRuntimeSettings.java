package io.portcullis.runtime.command;

import io.portcullis.events.topics.Topic;
import io.portcullis.runtime.config.PortcullisConfig;
import java.time.Duration;
import java.util.Objects;

/** Where a command runtime finds Kafka and the registry, which topics it uses, and how long it waits. */
public record CommandRuntimeSettings(
        String bootstrapServers,
        String registryUrl,
        String instanceId,
        Topic.OwningService service,
        Duration requestTimeout) {

    public CommandRuntimeSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Settings for the service whose topics the configuration says it owns. */
    public static CommandRuntimeSettings from(PortcullisConfig config, String bootstrapServers) {
        return new CommandRuntimeSettings(bootstrapServers, config.registry().url(), config.instanceId(),
                config.owns().orElseThrow(() -> new IllegalStateException(
                        "portcullis.owns is not set: only a service that owns topics runs commands")),
                config.requestTimeout());
    }

    String topic(Topic.Role role) {
        return Topic.ownedBy(service).stream().filter(t -> t.role() == role).findFirst().orElseThrow().topicName();
    }

    String commandsTopic() {
        return topic(Topic.Role.COMMANDS);
    }

    String eventsTopic() {
        return topic(Topic.Role.EVENTS);
    }

    String repliesTopic() {
        return topic(Topic.Role.REPLIES);
    }

    /** The consumer group whose members are the single writers of the command partitions. */
    String writerGroup() {
        return "portcullis-" + service.name().toLowerCase(java.util.Locale.ROOT) + "-writers";
    }

    /**
     * Stable for an instance, unique across instances: a restarted instance reuses it, which aborts
     * the transaction its previous life left open at once instead of after the transaction timeout.
     */
    String transactionalId() {
        return writerGroup() + "-" + instanceId;
    }
}
