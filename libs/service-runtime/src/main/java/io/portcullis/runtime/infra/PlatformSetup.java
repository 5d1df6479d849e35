package io.portcullis.runtime.infra;

import io.portcullis.events.topics.Topic;
import io.portcullis.events.topics.TopicProvisioning;
import io.portcullis.events.topics.TopicSpec;
import io.portcullis.runtime.config.PortcullisConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Makes sure, at start-up, that the service's own topics exist with their catalogue configuration
 * and that its event schema group carries the BACKWARD rule.
 *
 * <p>The service starts even when Kafka or the registry is not there yet: the setup is retried in
 * the background every two seconds, and the service reports not-ready until it has succeeded.
 */
@ApplicationScoped
@Readiness
public class PlatformSetup implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(PlatformSetup.class);

    private final PortcullisConfig config;
    private final String bootstrapServers;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portcullis-platform-setup");
        t.setDaemon(true);
        return t;
    });
    private volatile String pending = "not started";

    PlatformSetup(PortcullisConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.owns().isEmpty()) {
            pending = null;
            return;
        }
        retries.execute(this::attempt);
    }

    void onStop(@Observes ShutdownEvent stop) {
        retries.shutdownNow();
    }

    private void attempt() {
        Topic.OwningService service = config.owns().orElseThrow();
        try {
            pending = "topics " + Topic.ownedBy(service);
            createTopics(Topic.ownedBy(service).stream().map(t -> t.spec(config.topic().replicationFactor())).toList());
            pending = "BACKWARD rule on schema group " + service.eventSchemaGroup();
            new SchemaCompatibility(config.registry().url()).requireBackward(service.eventSchemaGroup());
            pending = null;
            LOG.infof("Topics of %s exist and schema group %s requires BACKWARD compatibility", service, service.eventSchemaGroup());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Platform setup waiting for %s: %s (retrying in 2 s)", pending, e.getMessage());
            retries.schedule(this::attempt, 2, TimeUnit.SECONDS);
        }
    }

    private void createTopics(List<TopicSpec> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000))) {
            TopicProvisioning.createMissing(admin, topics, Duration.ofSeconds(10));
        }
    }

    @Override
    public HealthCheckResponse call() {
        String waitingFor = pending;
        return waitingFor == null
                ? HealthCheckResponse.up("Portcullis platform setup")
                : HealthCheckResponse.named("Portcullis platform setup").down().withData("waitingFor", waitingFor).build();
    }
}
