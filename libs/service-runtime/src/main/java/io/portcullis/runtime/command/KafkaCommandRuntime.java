package io.portcullis.runtime.command;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.OpenTelemetry;
import io.portcullis.events.EventEnvelope;
import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.runtime.avro.EventAvro;
import io.portcullis.runtime.projection.EventProjection;
import io.portcullis.runtime.projection.ReadConsistency;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.avro.specific.SpecificRecord;
import org.jboss.logging.Logger;

/**
 * The command runtime on plain Kafka clients: a {@link CommandGateway} for callers, a
 * {@link PartitionWriter} for the partitions this instance owns, an {@link EventProjection} of the
 * service's event topic for reads, a projection of the facts it needs from other services, and a
 * {@link ReactionRunner} for its reactions to their events.
 *
 * <p>Why not SmallRye's transactional emitter and request-reply: measured on this machine
 * (toolchain.md, "The write path") they reached about half the throughput, allow one open transaction
 * per emitter, and need two non-default reply settings; a writer also has to rebuild state exactly
 * when a partition is assigned, which the plain consumer's rebalance listener gives directly.
 */
public final class KafkaCommandRuntime<C extends AccountCommand, S, F, E> implements CommandRuntime<C, S, F, E> {

    private static final Logger LOG = Logger.getLogger(KafkaCommandRuntime.class);

    private final CommandModel<C, S, F, E> model;
    private final List<AutoCloseable> parts = new ArrayList<>();
    private final CommandGateway<C, E> gateway;
    private final PartitionWriter<C, S, F, E> writer;
    private final EventProjection<S, E> projection;
    /** Null when the service needs no facts. */
    private final EventProjection<F, SpecificRecord> factsProjection;
    /** Null when the service reacts to no other service's events. */
    private final ReactionRunner<C> reactions;

    private KafkaCommandRuntime(CommandModel<C, S, F, E> model, CommandRuntimeSettings settings, MeterRegistry meters,
                                OpenTelemetry openTelemetry) {
        if (model.service() != settings.service()) {
            throw new IllegalStateException("The command model is " + model.service() + "'s but this process owns the topics of "
                    + settings.service() + " (portcullis.owns)");
        }
        this.model = model;
        WireFormat<C, E> wire = new WireFormat<>(model.commandType(), model.events().eventType(), settings.service());
        EventAvro projectionAvro = add(new EventAvro(settings.registryUrl()));
        this.projection = add(new EventProjection<>(settings.bootstrapServers(), List.of(settings.service()), settings.requestTimeout(),
                model.decider().initialState(),
                record -> {
                    SpecificRecord read = projectionAvro.deserialize(record.topic(), record.headers(), record.value());
                    EventEnvelope envelope = EventAvro.envelopeOf(read);
                    return new EventProjection.Applied<>(envelope.getAccountId(), envelope.getAggregateVersion(),
                            model.events().fromAvro(read));
                },
                model.decider()::evolve, settings.service().serviceName(), meters, projectionTags(settings, "own")));
        this.factsProjection = model.facts().isNone() ? null : add(factsProjection(model, settings, meters));
        DecisionFacts<F> facts = new DecisionFacts<>(model.facts(), factsProjection, settings.requestTimeout().dividedBy(2));
        PendingReplies<E> callers = new PendingReplies<>();
        CommandTracing tracing = new CommandTracing(openTelemetry, settings.commandsTopic());
        this.writer = add(new PartitionWriter<>(model, settings, wire, add(new EventAvro(settings.registryUrl())), facts, callers,
                meters, tracing));
        this.gateway = add(new CommandGateway<>(settings, wire, callers, tracing));
        this.reactions = model.reactions().isEmpty() ? null : add(new ReactionRunner<>(model.reactions(), settings, wire, tracing));
        if (!model.deadlines().isNone()) {
            add(new DeadlineRunner<>(model.deadlines(), writer::ownedPartitions, projection, gateway, settings, Clock.systemUTC()));
        }
        PendingReplies<E> waiting = callers;
        Gauge.builder("portcullis.gateway.pending.callers", waiting, PendingReplies::size)
                .description("Callers of this instance waiting for their command's answer")
                .tag("service", settings.service().serviceName()).register(meters);
        for (String part : readiness().keySet()) {
            Gauge.builder("portcullis.readiness", this, runtime -> runtime.readiness().getOrDefault(part, "").isEmpty() ? 1 : 0)
                    .description("1 when this part of the runtime is ready, 0 when not")
                    .tag("service", settings.service().serviceName()).tag("part", part).register(meters);
        }
    }

    /** Starts the runtime's threads, its meters in {@code meters}, without tracing; the caller closes it. */
    public static <C extends AccountCommand, S, F, E> KafkaCommandRuntime<C, S, F, E> start(CommandModel<C, S, F, E> model,
                                                                                          CommandRuntimeSettings settings,
                                                                                          MeterRegistry meters) {
        return new KafkaCommandRuntime<>(model, settings, meters, OpenTelemetry.noop());
    }

    /** Starts the runtime's threads, its meters in {@code meters}, its spans through {@code openTelemetry}; the caller closes it. */
    public static <C extends AccountCommand, S, F, E> KafkaCommandRuntime<C, S, F, E> start(CommandModel<C, S, F, E> model,
                                                                                          CommandRuntimeSettings settings,
                                                                                          MeterRegistry meters,
                                                                                          OpenTelemetry openTelemetry) {
        return new KafkaCommandRuntime<>(model, settings, meters, openTelemetry);
    }

    @Override
    public OwningService service() {
        return model.service();
    }

    @Override
    public CompletionStage<CommandResult<E>> send(C command, CommandMetadata metadata) {
        return gateway.send(command.accountId(), command, metadata);
    }

    @Override
    public S read(AccountId account, ReadConsistency consistency) {
        return projection.read(account, consistency);
    }

    @Override
    public F facts(AccountId account, ReadConsistency consistency) {
        return factsProjection == null ? model.facts().initial() : factsProjection.read(account, consistency);
    }

    @Override
    public Map<String, String> readiness() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("replies", gateway.isListening() ? "" : "not listening for replies yet");
        parts.put("writer", writer.hasJoined() ? "" : "not a member of the writers' group yet");
        parts.put("projection", projection.problem());
        if (factsProjection != null) {
            parts.put("facts", factsProjection.problem());
        }
        if (reactions != null) {
            parts.put("reactions", reactions.isReacting() ? "" : "not reading other services' events");
        }
        return parts;
    }

    @Override
    public void close() {
        // Callers first, then the writer, then what it reads; the reverse of how they were made.
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                // Closing the others matters more than this one's failure.
                LOG.warnf("Closing %s failed: %s", parts.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static Tags projectionTags(CommandRuntimeSettings settings, String projection) {
        return Tags.of("service", settings.service().serviceName(), "projection", projection);
    }

    private <T extends AutoCloseable> T add(T part) {
        parts.add(part);
        return part;
    }

    private EventProjection<F, SpecificRecord> factsProjection(CommandModel<?, ?, F, ?> model, CommandRuntimeSettings settings,
                                                               MeterRegistry meters) {
        EventAvro avro = add(new EventAvro(settings.registryUrl()));
        return new EventProjection<>(settings.bootstrapServers(), model.facts().sources(), settings.requestTimeout(),
                model.facts().initial(),
                record -> {
                    SpecificRecord read = avro.deserialize(record.topic(), record.headers(), record.value());
                    EventEnvelope envelope = EventAvro.envelopeOf(read);
                    return new EventProjection.Applied<>(envelope.getAccountId(), envelope.getAggregateVersion(), read);
                },
                model.facts().fold(), settings.service().serviceName() + "-facts", meters, projectionTags(settings, "facts"));
    }
}
