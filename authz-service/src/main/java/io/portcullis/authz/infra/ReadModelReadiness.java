package io.portcullis.authz.infra;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the feeder is not reading the event topics (starting, or starting again after a failure). */
@ApplicationScoped
@Readiness
public class ReadModelReadiness implements HealthCheck {

    private final ReadModel readModel;

    ReadModelReadiness(ReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Read model").status(readModel.feeder().isFeeding())
                .withData("topics", readModel.feeder().isFeeding() ? "reading" : "not reading the event topics").build();
    }
}
