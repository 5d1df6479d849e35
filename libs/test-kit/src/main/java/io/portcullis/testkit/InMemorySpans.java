package io.portcullis.testkit;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The exporter a test under {@link TracingOnProfile} reads its spans from ({@code @Inject InMemorySpanExporter}):
 * Quarkus hands every finished span to it instead of a collector. A bean only where that profile indexes the
 * test kit.
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
