package io.portcullis.runtime.infra;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.portcullis.events.topics.Topic;
import io.portcullis.runtime.config.PortcullisConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How every service's meters are published, so one dashboard and one set of alerts serve them all. */
@ApplicationScoped
public class ServiceMeterFilters {

    private static final Set<String> TIMED = Set.of("http.server.requests", "portcullis.writer.transaction.phase");
    private static final double[] BOUNDS_MS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000};

    /**
     * Every meter carries {@code service} ({@code identity-service}, …, as the runtime's own meters and the
     * events' {@code sourceService} name it), the label the dashboard and the alerts select on, whatever the
     * scraper adds.
     */
    @Produces
    @Singleton
    MeterFilter serviceTag(PortcullisConfig config, @ConfigProperty(name = "quarkus.application.name") String application) {
        String service = config.owns().map(Topic.OwningService::serviceName).orElse(application);
        return MeterFilter.commonTags(Tags.of("service", service));
    }

    /**
     * Fixed latency buckets for the HTTP routes and the writer's transaction phases, published as Prometheus
     * histograms. Percentiles are taken from them in Prometheus, over every replica at once (buckets add up
     * across replicas; percentiles computed inside each process do not). Sixteen buckets, not Micrometer's
     * seventy-odd, keep the series per route few.
     */
    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        double[] nanos = Arrays.stream(BOUNDS_MS).map(ms -> ms * Duration.ofMillis(1).toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return TIMED.contains(id.getName())
                        ? DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config)
                        : config;
            }
        };
    }
}
