package io.portcullis.runtime.command;

import io.portcullis.events.EventEnvelope;
import io.portcullis.runtime.avro.EventAvro;
import io.portcullis.runtime.command.WireFormat.Reply;
import io.portcullis.runtime.projection.ConsistencyToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Rebuilds the accounts of newly owned partitions by folding the event topic's partitions from the
 * beginning up to their settled ends, with one reader. Idempotency keys ride on the events as a header, so
 * the replies to recent keyed commands are rebuilt too. Runs on the writer's rebuild thread (it reads with
 * its own consumer and deserializer), beside the poll loop.
 */
final class PartitionRebuild<S, E> {

    static final String IDEMPOTENCY_HEADER = "portcullis-idempotency-key";
    static final String FINGERPRINT_HEADER = "portcullis-request-fingerprint";
    private static final Logger LOG = Logger.getLogger(PartitionRebuild.class);

    private final CommandModel<?, S, ?, E> model;
    private final CommandRuntimeSettings settings;
    private final EventAvro avro;
    private final Admin admin;
    private final WriterMeters meters;

    PartitionRebuild(CommandModel<?, S, ?, E> model, CommandRuntimeSettings settings, EventAvro avro, Admin admin,
                     WriterMeters meters) {
        this.model = model;
        this.settings = settings;
        this.avro = avro;
        this.admin = admin;
        this.meters = meters;
    }

    /** The accounts of each partition, as the committed events say. */
    Map<Integer, Map<String, AccountSlot<S, E>>> rebuild(List<Integer> assigned)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<Integer, Map<String, AccountSlot<S, E>>> rebuilt = new HashMap<>();
        if (assigned.isEmpty()) {
            return rebuilt;
        }
        long started = System.nanoTime();
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (int partition : assigned) {
            TopicPartition events = new TopicPartition(settings.eventsTopic(), partition);
            ends.put(events, settledEnd(events));
            rebuilt.put(partition, new HashMap<>());
        }
        long count = 0;
        try (KafkaConsumer<String, byte[]> reader = newEventReader()) {
            reader.assign(ends.keySet());
            reader.seekToBeginning(ends.keySet());
            Map<Integer, String> lastKey = new HashMap<>();
            Map<Integer, List<E>> sameCommand = new HashMap<>();
            while (ends.entrySet().stream().anyMatch(end -> reader.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    count++;
                    int partition = record.partition();
                    SpecificRecord read = avro.deserialize(record.topic(), record.headers(), record.value());
                    EventEnvelope envelope = EventAvro.envelopeOf(read);
                    E event = model.events().fromAvro(read);
                    String account = envelope.getAccountId();
                    Map<String, AccountSlot<S, E>> states = rebuilt.get(partition);
                    AccountSlot<S, E> slot = states.computeIfAbsent(account, a -> AccountSlot.initial(model.decider().initialState()));
                    AccountSlot<S, E> next = slot.next(model.decider().evolve(slot.state(), event), envelope.getAggregateVersion());
                    states.put(account, next);
                    Header key = record.headers().lastHeader(IDEMPOTENCY_HEADER);
                    if (key == null) {
                        lastKey.remove(partition);
                        continue;
                    }
                    // A command's events are consecutive in its partition and share its key.
                    String idempotencyKey = new String(key.value(), StandardCharsets.UTF_8);
                    String commandKey = account + '\u0000' + idempotencyKey;
                    if (!commandKey.equals(lastKey.get(partition))) {
                        sameCommand.put(partition, new ArrayList<>());
                        lastKey.put(partition, commandKey);
                    }
                    List<E> commandEvents = sameCommand.get(partition);
                    commandEvents.add(event);
                    Header fingerprint = record.headers().lastHeader(FINGERPRINT_HEADER);
                    next.remember(idempotencyKey, Reply.accepted(List.copyOf(commandEvents),
                                    ConsistencyToken.of(settings.service(), partition, record.offset() + 1)),
                            fingerprint == null ? null : new String(fingerprint.value(), StandardCharsets.UTF_8));
                }
            }
        }
        long took = System.nanoTime() - started;
        meters.rebuilt(count, took);
        LOG.infof("Rebuilt %s partitions %s: %d events in %d ms", settings.eventsTopic(), assigned, count,
                TimeUnit.NANOSECONDS.toMillis(took));
        return rebuilt;
    }

    /**
     * The event partition's end once no transaction is open on it. Only this partition's writer
     * writes it, so an open transaction can only be the previous owner's, which is settling.
     */
    private long settledEnd(TopicPartition events) throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            long committed = endOffset(events, IsolationLevel.READ_COMMITTED);
            long written = endOffset(events, IsolationLevel.READ_UNCOMMITTED);
            if (committed == written || System.nanoTime() > deadline) {
                return committed;
            }
            SessionLoop.pause(Duration.ofMillis(50));
        }
    }

    private long endOffset(TopicPartition tp, IsolationLevel isolation) throws ExecutionException, InterruptedException,
            TimeoutException {
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
                .partitionResult(tp).get(10, TimeUnit.SECONDS).offset();
    }

    private KafkaConsumer<String, byte[]> newEventReader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                // The last fetch of a partition often returns only a transaction marker: don't wait 500 ms for more.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
