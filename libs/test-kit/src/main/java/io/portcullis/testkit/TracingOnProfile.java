package io.portcullis.testkit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A Quarkus test profile with tracing on (it is off by default) and spans handed to the exporters within
 * 50 ms. The test class produces the exporter it reads, e.g. an {@code InMemorySpanExporter} bean:
 *
 * <pre>{@code
 * @Produces @Singleton @Unremovable
 * InMemorySpanExporter spans() { return InMemorySpanExporter.create(); }
 * }</pre>
 */
public class TracingOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
