package io.portcullis.testkit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A Quarkus test profile with tracing on (it is off by default), spans handed to the exporters within 50 ms,
 * and the test kit indexed so that {@link InMemorySpans} is a bean: the test injects an
 * {@code InMemorySpanExporter} and reads the finished spans from it.
 */
public class TracingOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.bsp.schedule.delay", "50ms",
                "quarkus.index-dependency.portcullis-test-kit.group-id", "io.portcullis",
                "quarkus.index-dependency.portcullis-test-kit.artifact-id", "test-kit");
    }
}
