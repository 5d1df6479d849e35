package io.portcullis.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: points the application under test at the JVM's real broker and registry.
 *
 * <p>Use {@code @WithTestResource(RealPartsTestResource.class)} on every {@code @QuarkusTest}
 * class of a module: classes with the same resources share one application boot, and every class
 * shares the one broker and registry of the JVM. The parts stop when the JVM exits, not in
 * {@link #stop()}, so a later test class (or a plain test using {@link RealPartsExtension}) reuses them.
 */
public class RealPartsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KafkaTestBroker broker = RealParts.broker();
        RegistryTestServer registry = RealParts.registry();
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "portcullis.registry.url", registry.apiUrl(),
                "portcullis.topic.replication-factor", "1");
    }

    @Override
    public void stop() {
        // The broker and registry belong to the JVM (see class comment).
    }
}
