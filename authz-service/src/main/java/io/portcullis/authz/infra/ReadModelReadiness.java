package io.portcullis.authz.infra;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the model has caught up with what the event topics held when it started (a new replica rebuilds
 * first), nor while the feeder is not reading them (starting again after a failure).
 */
@ApplicationScoped
@Readiness
public class ReadModelReadiness implements HealthCheck {

    private final ReadModel readModel;

    ReadModelReadiness(ReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public HealthCheckResponse call() {
        boolean feeding = readModel.feeder().isFeeding();
        boolean caughtUp = readModel.feeder().hasCaughtUp();
        return HealthCheckResponse.named("Read model").status(feeding && caughtUp)
                .withData("topics", feeding ? "reading" : "not reading the event topics")
                .withData("model", caughtUp ? "caught up" : "catching up with the event topics").build();
    }
}
