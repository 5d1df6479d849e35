package io.portcullis.runtime.infra;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * {@code portcullis_ready}: 1 when the instance's readiness ({@code /q/health/ready}, every check: Kafka, the
 * platform setup, the command runtime) is UP, 0 when DOWN, so an alert sees what the orchestrator's probe
 * sees. The checks run every 10 s on a thread of their own: the Kafka check may block for its 4 s timeout,
 * which a scrape must not wait for.
 */
@ApplicationScoped
public class ReadinessMeter {

    private static final Logger LOG = Logger.getLogger(ReadinessMeter.class);

    private final SmallRyeHealthReporter health;
    private final AtomicInteger ready = new AtomicInteger();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "portcullis-readiness-meter");
        thread.setDaemon(true);
        return thread;
    });

    ReadinessMeter(SmallRyeHealthReporter health, MeterRegistry meters) {
        this.health = health;
        Gauge.builder("portcullis.ready", ready, AtomicInteger::get)
                .description("1 when the instance's readiness (every check of /q/health/ready) is UP, 0 when DOWN")
                .register(meters);
    }

    void onStart(@Observes StartupEvent start) {
        checks.scheduleWithFixedDelay(this::check, 0, 10, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        checks.shutdownNow();
    }

    private void check() {
        try {
            ready.set(health.getReadiness().isDown() ? 0 : 1);
        } catch (RuntimeException failed) {
            ready.set(0);
            LOG.debugf(failed, "Readiness could not be checked");
        }
    }
}
