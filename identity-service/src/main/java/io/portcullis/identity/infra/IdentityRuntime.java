package io.portcullis.identity.infra;

import io.portcullis.identity.config.IdentityConfig;
import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.IdentityState;
import io.portcullis.runtime.command.CommandRuntime;
import io.portcullis.runtime.command.CommandRuntimeSettings;
import io.portcullis.runtime.command.KafkaCommandRuntime;
import io.portcullis.runtime.config.PortcullisConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts identity-service's command runtime on Kafka when the application starts (so this instance joins
 * the writers of its partitions and builds its projection before the first request) and closes it at shutdown.
 */
@ApplicationScoped
public class IdentityRuntime {

    @Produces
    @ApplicationScoped
    @Startup
    CommandRuntime<IdentityCommand, IdentityState, IdentityEvent> commandRuntime(
            IdentityConfig identity, PortcullisConfig portcullis,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return KafkaCommandRuntime.start(new IdentityCommandModel(identity.maxUsersPerAccount()),
                CommandRuntimeSettings.from(portcullis, bootstrapServers));
    }

    void close(@Disposes CommandRuntime<IdentityCommand, IdentityState, IdentityEvent> runtime) {
        runtime.close();
    }
}
