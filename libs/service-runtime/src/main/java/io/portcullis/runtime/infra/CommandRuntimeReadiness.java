package io.portcullis.runtime.infra;

import io.portcullis.runtime.command.CommandRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the service's command runtime takes commands (see {@link CommandRuntime#isReady()}). */
@ApplicationScoped
@Readiness
public class CommandRuntimeReadiness implements HealthCheck {

    private final Instance<CommandRuntime<?, ?, ?>> runtimes;

    CommandRuntimeReadiness(@Any Instance<CommandRuntime<?, ?, ?>> runtimes) {
        this.runtimes = runtimes;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = runtimes.stream().allMatch(CommandRuntime::isReady);
        return HealthCheckResponse.named("Command runtime").status(ready).build();
    }
}
