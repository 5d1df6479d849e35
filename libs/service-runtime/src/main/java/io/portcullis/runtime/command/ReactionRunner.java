package io.portcullis.runtime.command;

import io.opentelemetry.api.trace.Span;
import io.portcullis.events.EventEnvelope;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.runtime.avro.EventAvro;
import java.time.Duration;
import io.portcullis.iam.access.SuitePrincipals;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Turns other services' events into this service's reaction commands ({@link Reaction}). The instances
 * of a service share the work through the consumer group {@code portcullis-<service>-reactions}; a poll's
 * commands are on the command topic (acknowledged by the broker) before its offsets are committed, so an
 * event is never lost, and a redelivered one carries the same idempotency key (its event id), so its
 * command takes effect once. A new group starts from the beginning of the topics: a service deployed
 * after events it must react to still sees them.
 */
final class ReactionRunner<C extends AccountCommand> implements AutoCloseable {

    static final String KEY_PREFIX = "reaction:";

    private final List<Reaction<C>> reactions;
    private final CommandRuntimeSettings settings;
    private final WireFormat<C, ?> wire;
    private final CommandTracing tracing;
    private final SessionLoop loop;
    /** Who reacts: this service, as its own service principal. */
    private final String actor;

    ReactionRunner(List<Reaction<C>> reactions, CommandRuntimeSettings settings, WireFormat<C, ?> wire, CommandTracing tracing) {
        this.tracing = tracing;
        this.reactions = List.copyOf(reactions);
        this.settings = settings;
        this.actor = SuitePrincipals.of(settings.service().serviceName());
        this.wire = wire;
        this.loop = new SessionLoop(settings.reactionGroup(), EventEnvelope.class.getClassLoader(), this::session, () -> { });
    }

    private void session(SessionLoop loop) {
        try (EventAvro avro = new EventAvro(settings.registryUrl());
             KafkaProducer<String, byte[]> producer = newProducer();
             KafkaConsumer<String, byte[]> events = newConsumer()) {
            loop.polling(events);
            events.subscribe(reactions.stream().map(r -> r.source().eventsTopic()).distinct().toList());
            while (loop.isRunning()) {
                ConsumerRecords<String, byte[]> batch = events.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : batch) {
                    react(record, avro, producer);
                }
                if (!batch.isEmpty()) {
                    producer.flush();
                    events.commitSync();
                }
            }
        }
    }

    private void react(ConsumerRecord<String, byte[]> record, EventAvro avro, KafkaProducer<String, byte[]> producer) {
        SpecificRecord event = avro.deserialize(record.topic(), record.headers(), record.value());
        EventEnvelope envelope = EventAvro.envelopeOf(event);
        for (Reaction<C> reaction : reactions) {
            if (!reaction.source().eventsTopic().equals(record.topic())) {
                continue;
            }
            Optional<C> command = reaction.command().apply(event);
            if (command.isPresent()) {
                // This service acts, as its own service principal; the foreign change's request id ties both services' events
                // to one cause for an auditor.
                CommandMetadata metadata = new CommandMetadata(actor, envelope.getRequestId(),
                        KEY_PREFIX + envelope.getEventId(), envelope.getCorrelationId() == null
                        ? envelope.getEventId() : envelope.getCorrelationId());
                ProducerRecord<String, byte[]> commandRecord = new ProducerRecord<>(settings.commandsTopic(),
                        command.get().accountId().value(), wire.writeCommand(command.get(), metadata));
                Span span = tracing.react(record.topic(), command.get().getClass().getSimpleName(), record.headers(),
                        commandRecord.headers());
                producer.send(commandRecord, (written, failure) -> CommandTracing.end(span, failure == null ? "sent" : "failed",
                        failure != null));
            }
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.reactionGroup(),
                ConsumerConfig.CLIENT_ID_CONFIG, settings.reactionGroup() + "-" + settings.instanceId(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // A watched topic created after this service started is found within seconds, not the default 5 minutes.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> newProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, settings.reactionGroup() + "-" + settings.instanceId(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** True while reactions are read (not while waiting to start again after a failure). */
    boolean isReacting() {
        return loop.inSession();
    }

    @Override
    public void close() {
        loop.close();
    }
}
