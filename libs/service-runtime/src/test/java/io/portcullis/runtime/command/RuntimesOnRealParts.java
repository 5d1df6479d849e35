package io.portcullis.runtime.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.portcullis.events.topics.Topic;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.runtime.command.NameRegistry.Event;
import io.portcullis.runtime.command.NameRegistry.Names;
import io.portcullis.testkit.KafkaTestBroker;
import io.portcullis.testkit.RealPartsExtension;
import io.portcullis.testkit.RegistryTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runtime ITs on the real broker and registry: each test gets an account of its own and the runtimes it
 * starts (on the topics of {@link #service}, a service of the catalogue the test class borrows) are closed
 * after it.
 */
@ExtendWith(RealPartsExtension.class)
abstract class RuntimesOnRealParts {

    /** Each IT class borrows the topics of another catalogue service, so their groups and offsets never meet. */
    protected final Topic.OwningService service;
    protected KafkaTestBroker kafka;
    protected RegistryTestServer registry;
    protected String account;
    private final List<KafkaCommandRuntime<NameRegistry.Command, Names, NoFacts, Event>> runtimes = new ArrayList<>();

    RuntimesOnRealParts(Topic.OwningService service) {
        this.service = service;
    }

    @BeforeEach
    void realParts(KafkaTestBroker kafka, RegistryTestServer registry) {
        this.kafka = kafka;
        this.registry = registry;
        this.account = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    @AfterEach
    void stopRuntimes() {
        runtimes.forEach(KafkaCommandRuntime::close);
    }

    /** Starts a runtime of the name registry as instance {@code instance}, closed after the test (or by {@link #stop}). */
    KafkaCommandRuntime<NameRegistry.Command, Names, NoFacts, Event> start(String instance, MeterRegistry meters, Duration requestTimeout) {
        var runtime = KafkaCommandRuntime.start(NameRegistry.model(service), settings(instance, requestTimeout), meters);
        runtimes.add(runtime);
        return runtime;
    }

    CommandRuntimeSettings settings(String instance, Duration requestTimeout) {
        return new CommandRuntimeSettings(kafka.bootstrapServers(), registry.apiUrl(), instance, service, requestTimeout);
    }

    /** Closes a runtime before the test ends (a crash or a restart). */
    void stop(KafkaCommandRuntime<NameRegistry.Command, Names, NoFacts, Event> runtime) {
        runtime.close();
        runtimes.remove(runtime);
    }
}
