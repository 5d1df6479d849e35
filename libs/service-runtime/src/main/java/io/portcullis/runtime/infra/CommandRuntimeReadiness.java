package io.portcullis.runtime.infra;

import io.portcullis.runtime.command.CommandRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the service's command runtime takes commands (see {@link CommandRuntime#isReady()}). */
@ApplicationScoped
@Readiness
public class CommandRuntimeReadiness implements HealthCheck {

    private final ServiceKit kit;

    CommandRuntimeReadiness(ServiceKit kit) {
        this.kit = kit;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Command runtime").status(kit.isReady());
        kit.readiness().forEach((part, problem) -> response.withData(part, problem.isEmpty() ? "ready" : problem));
        return response.build();
    }
}
