package io.portcullis.runtime.infra;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.portcullis.iam.access.CommandAccess;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.CommandStamps;
import io.portcullis.runtime.api.RequestAuthorization;
import io.portcullis.runtime.api.RequestCaller;
import io.portcullis.runtime.command.CommandModel;
import io.portcullis.runtime.command.CommandRuntime;
import io.portcullis.runtime.command.CommandRuntimeSettings;
import io.portcullis.runtime.command.KafkaCommandRuntime;
import io.portcullis.runtime.config.PortcullisConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts a service's command runtime from the shared configuration and hands out the HTTP edge on it. A
 * service's whole wiring is one producer:
 *
 * <pre>{@code
 * @Produces @ApplicationScoped @Startup
 * CommandEdge<IdentityCommand, IdentityState, NoFacts, IdentityEvent> edge(ServiceKit kit, IdentityConfig config) {
 *     return kit.start(CommandModel.of(OwningService.IDENTITY, IdentityCommand.class, IdentityEvent.class,
 *             new IdentityDecider(config.maxUsersPerAccount())), IdentityAccess::of);
 * }
 * }</pre>
 *
 * The kit reports the runtimes' readiness ({@link CommandRuntimeReadiness}) and closes them at shutdown.
 */
@ApplicationScoped
public class ServiceKit {

    private final PortcullisConfig config;
    private final String bootstrapServers;
    private final HttpHeaders headers;
    private final Executor executor;
    private final CommandStamps stamps;
    private final MeterRegistry meters;
    private final OpenTelemetry openTelemetry;
    private final RequestAuthorization authorization;
    private final RequestCaller caller;
    private final List<CommandRuntime<?, ?, ?, ?>> runtimes = new CopyOnWriteArrayList<>();

    ServiceKit(PortcullisConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
               HttpHeaders headers, Executor executor, Clock clock, MeterRegistry meters, OpenTelemetry openTelemetry,
               Instance<CommandStamps.Sealer> sealer, RequestAuthorization authorization, RequestCaller caller) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.headers = headers;
        this.executor = executor;
        // Only a service that keeps secrets (credential-service) provides a sealer.
        this.stamps = CommandStamps.live(clock, sealer.isResolvable() ? sealer.get() : null);
        this.meters = meters;
        this.openTelemetry = openTelemetry;
        this.authorization = authorization;
        this.caller = caller;
    }

    /**
     * Starts the model's runtime (its writer joins, its projections start folding) and returns the edge on it, which lets
     * a command through once the authorizer allows what {@code access} says it asks.
     */
    public <C extends AccountCommand, S, F, E> CommandEdge<C, S, F, E> start(CommandModel<C, S, F, E> model, CommandAccess<C, S, F> access) {
        CommandRuntime<C, S, F, E> runtime = KafkaCommandRuntime.start(model, CommandRuntimeSettings.from(config, bootstrapServers), meters,
                openTelemetry);
        runtimes.add(runtime);
        return new CommandEdge<>(runtime, headers, executor, stamps, access, authorization, caller);
    }

    /** True once every runtime started here takes commands. */
    boolean isReady() {
        return runtimes.stream().allMatch(CommandRuntime::isReady);
    }

    /** Every part of every runtime started here, with what is wrong with it (empty when nothing is). */
    Map<String, String> readiness() {
        Map<String, String> parts = new LinkedHashMap<>();
        runtimes.forEach(runtime -> parts.putAll(runtime.readiness()));
        return parts;
    }

    void onStop(@Observes ShutdownEvent stop) {
        runtimes.forEach(CommandRuntime::close);
        runtimes.clear();
    }
}
