package io.portcullis.runtime.command;

import io.portcullis.events.topics.Topic;
import io.portcullis.runtime.projection.EventProjection;
import io.portcullis.runtime.projection.ReadConsistency;
import java.util.concurrent.CompletionStage;

/**
 * The command runtime on plain Kafka clients: a {@link CommandGateway} for callers, a
 * {@link PartitionWriter} for the partitions this instance owns, and an {@link EventProjection} of
 * the service's event topic for reads.
 *
 * <p>Why not SmallRye's transactional emitter and request-reply: measured on this machine
 * (toolchain.md, "The write path") they reached about half the throughput, allow one open transaction
 * per emitter, and need two non-default reply settings; a writer also has to rebuild state exactly
 * when a partition is assigned, which the plain consumer's rebalance listener gives directly.
 */
public final class KafkaCommandRuntime<C, S, E> implements CommandRuntime<C, S, E> {

    private final CommandModel<C, S, E> model;
    private final EventAvro<E> writerAvro;
    private final EventAvro<E> readerAvro;
    private final CommandGateway<C, E> gateway;
    private final PartitionWriter<C, S, E> writer;
    private final EventProjection<S, E> projection;

    private KafkaCommandRuntime(CommandModel<C, S, E> model, CommandRuntimeSettings settings) {
        this.model = model;
        WireFormat<C, E> wire = new WireFormat<>(model.commandType(), eventFamily(model));
        this.writerAvro = new EventAvro<>(model.events(), settings.registryUrl());
        this.readerAvro = new EventAvro<>(model.events(), settings.registryUrl());
        this.projection = new EventProjection<>(settings.bootstrapServers(), settings.eventsTopic(), Topic.PARTITIONS,
                settings.requestTimeout(), model.decider().initialState(),
                record -> {
                    EventAvro.Read<E> read = readerAvro.deserialize(record.topic(), record.headers(), record.value());
                    return new EventProjection.Applied<>(read.envelope().getAccountId(), read.envelope().getAggregateVersion(), read.event());
                },
                model.decider()::evolve, model.events().getClass().getClassLoader());
        PendingReplies<E> callers = new PendingReplies<>();
        this.writer = new PartitionWriter<>(model, settings, wire, writerAvro, callers);
        this.gateway = new CommandGateway<>(settings, wire, callers);
    }

    /** Starts the runtime's threads; the caller closes it. */
    public static <C, S, E> KafkaCommandRuntime<C, S, E> start(CommandModel<C, S, E> model, CommandRuntimeSettings settings) {
        return new KafkaCommandRuntime<>(model, settings);
    }

    @Override
    public CompletionStage<CommandResult<E>> send(C command, CommandMetadata metadata) {
        return gateway.send(model.accountIdOf(command), command, metadata);
    }

    @Override
    public S read(String accountId, ReadConsistency consistency) {
        return projection.read(accountId, consistency);
    }

    @Override
    public boolean isReady() {
        return gateway.isListening() && writer.hasJoined();
    }

    @Override
    public void close() {
        gateway.close();
        writer.close();
        projection.close();
        writerAvro.close();
        readerAvro.close();
    }

    @SuppressWarnings("unchecked")
    private static <E> Class<E> eventFamily(CommandModel<?, ?, E> model) {
        return (Class<E>) model.events().eventType();
    }
}
