package io.portcullis.runtime.command;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.events.topics.Topic;
import io.portcullis.runtime.config.PortcullisConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Where a command runtime finds Kafka and the registry, which topics it uses, and how long it waits. */
public record CommandRuntimeSettings(
        String bootstrapServers,
        String registryUrl,
        String instanceId,
        OwningService service,
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

    String commandsTopic() {
        return Topic.of(service, Topic.Role.COMMANDS).topicName();
    }

    String eventsTopic() {
        return Topic.of(service, Topic.Role.EVENTS).topicName();
    }

    String repliesTopic() {
        return Topic.of(service, Topic.Role.REPLIES).topicName();
    }

    /** The consumer group whose members are the single writers of the command partitions. */
    String writerGroup() {
        return "portcullis-" + service.name().toLowerCase(Locale.ROOT) + "-writers";
    }

    /** The consumer group whose members turn other services' events into this service's reaction commands. */
    String reactionGroup() {
        return "portcullis-" + service.name().toLowerCase(Locale.ROOT) + "-reactions";
    }

    /**
     * Stable for an instance, unique across instances: a restarted instance reuses it, which aborts
     * the transaction its previous life left open at once instead of after the transaction timeout.
     */
    String transactionalId() {
        return writerGroup() + "-" + instanceId;
    }
}
