package io.portcullis.authz.model;

import io.portcullis.events.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Feeds the model from every service's event topic: all partitions (every replica holds the whole model), committed
 * records only, each poll folded and written with the positions it reaches in one atomic write, so a restart resumes
 * where the model stopped without a replay. No consumer group: the stored offsets are the only position. Topics a
 * service has not created yet are picked up when they appear. Any failure closes the consumer and starts again from
 * the stored offsets after a second.
 */
public final class ModelFeeder implements AutoCloseable {

    /** How events are read from a record's bytes (Apicurio's Avro deserializer, configured as the application likes). */
    @FunctionalInterface
    public interface EventReader {
        SpecificRecord read(String topic, Headers headers, byte[] value);
    }

    private static final System.Logger LOG = System.getLogger(ModelFeeder.class.getName());
    private static final Duration ASSIGNMENT_REFRESH = Duration.ofSeconds(2);

    private final AuthzModel model;
    private final String bootstrapServers;
    private final EventReader reader;
    private final List<String> topics;
    private final Thread thread;
    private final Object applied = new Object();
    private volatile boolean running = true;
    /** What {@link #pause} waits on, so that closing the feeder does not wait out a pause. */
    private final Object stopping = new Object();
    /** Asks for the topics' committed ends ({@link #committedEnds()}); made on first use, guarded by this feeder. */
    private KafkaConsumer<String, byte[]> ends;
    /** Asks for the topics' written ends ({@link #writtenEnds()}); made on first use, guarded by this feeder. */
    private KafkaConsumer<String, byte[]> written;
    /** The consumer in use, so that {@link #close()} can wake it from a poll. */
    private volatile KafkaConsumer<String, byte[]> current;
    private volatile boolean feeding;
    /** Latched once the model has reached what the topics held when it started reading them. */
    private volatile boolean caughtUp;
    /** What the topics held when they were (last) assigned: the target of {@link #hasCaughtUp()}. */
    private volatile Map<String, Long> startEnds = Map.of();

    public ModelFeeder(AuthzModel model, String bootstrapServers, EventReader reader) {
        this.model = model;
        this.bootstrapServers = bootstrapServers;
        this.reader = reader;
        this.topics = Topic.eventTopics().stream().map(Topic::topicName).toList();
        this.thread = new Thread(this::run, "authz-model-feeder");
        this.thread.setDaemon(true);
    }

    public ModelFeeder start() {
        thread.start();
        return this;
    }

    /** True while a consumer reads (not while waiting to start again after a failure). */
    public boolean isFeeding() {
        return feeding;
    }

    /**
     * True once the model has applied everything the event topics held when the feeder first read them: a replica
     * started on an empty folder has then rebuilt the model, and answers as fresh as the others.
     */
    public boolean hasCaughtUp() {
        return caughtUp;
    }

    /**
     * Waits until the model has applied at least these positions ({@code topic/partition} → next offset), or the
     * timeout passes; true when it has.
     */
    public boolean awaitApplied(Map<String, Long> positions, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (applied) {
            while (!reached(model.offsets(), positions)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(applied, left);
            }
            return true;
        }
    }

    /**
     * The committed end of every partition of the event topics now ({@code topic/partition} → offset): the last stable
     * offset, which a {@code read_committed} reader reaches once every transaction before it has ended.
     */
    public synchronized Map<String, Long> committedEnds() {
        if (ends == null) {
            ends = newConsumer("authz-model-ends");
        }
        List<TopicPartition> partitions = partitions(ends);
        if (!ends.assignment().containsAll(partitions)) {
            ends.assign(partitions);
        }
        Map<String, Long> committed = new HashMap<>();
        ends.endOffsets(partitions, Duration.ofSeconds(5)).forEach((tp, end) -> committed.put(key(tp), end));
        return committed;
    }

    /**
     * The end of every partition of the event topics as written ({@code read_uncommitted}: the high watermark), which
     * every offset a write's token names has reached once the write was answered (a transaction's markers, and so
     * the committed end, may follow a moment later).
     */
    public synchronized Map<String, Long> writtenEnds() {
        if (written == null) {
            written = newConsumer("authz-model-written-ends", "read_uncommitted");
        }
        List<TopicPartition> partitions = partitions(written);
        Map<String, Long> ends = new HashMap<>();
        written.endOffsets(partitions, Duration.ofSeconds(5)).forEach((tp, end) -> ends.put(key(tp), end));
        return ends;
    }

    /** True when {@code offsets} (the model's) are at or past every one of {@code positions}. */
    public static boolean reached(Map<String, Long> offsets, Map<String, Long> positions) {
        return positions.entrySet().stream().allMatch(p -> p.getValue() <= offsets.getOrDefault(p.getKey(), 0L));
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> consumer = newConsumer("authz-model-feeder")) {
                current = consumer;
                List<TopicPartition> assigned = List.of();
                long refreshAt = 0;
                while (running) {
                    if (System.nanoTime() >= refreshAt) {
                        assigned = assign(consumer, assigned);
                        refreshAt = System.nanoTime() + ASSIGNMENT_REFRESH.toNanos();
                    }
                    feeding = true;
                    if (!caughtUp && reached(model.offsets(), startEnds)) {
                        caughtUp = true;
                    }
                    if (assigned.isEmpty()) {
                        // No service has created its event topic yet: nothing to read, nothing wrong.
                        pause(Duration.ofMillis(200));
                        continue;
                    }
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                    Map<String, Long> positions = new HashMap<>();
                    List<SpecificRecord> events = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        events.add(reader.read(record.topic(), record.headers(), record.value()));
                    }
                    Map<String, Long> stored = model.offsets();
                    for (TopicPartition tp : assigned) {
                        long position = consumer.position(tp);
                        if (!Objects.equals(stored.get(key(tp)), position) && (position > 0 || stored.containsKey(key(tp)))) {
                            positions.put(key(tp), position);
                        }
                    }
                    if (!events.isEmpty() || !positions.isEmpty()) {
                        model.apply(events, positions);
                        synchronized (applied) {
                            applied.notifyAll();
                        }
                    }
                }
            } catch (WakeupException e) {
                // close(): the loop ends as running is false.
            } catch (RuntimeException e) {
                feeding = false;
                LOG.log(System.Logger.Level.WARNING, "The model feeder stopped ({0}); starting again from the stored offsets in 1 s",
                        e.toString());
                pause(Duration.ofSeconds(1));
            }
        }
        feeding = false;
    }

    /** Assigns every partition of the event topics that exist now, positioned at the stored offsets (or the beginning). */
    private List<TopicPartition> assign(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> current) {
        List<TopicPartition> partitions = partitions(consumer);
        if (partitions.size() == current.size()) {
            return current;
        }
        consumer.assign(partitions);
        Map<String, Long> before = model.offsets();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
        Map<String, Long> target = new HashMap<>();
        ends.forEach((tp, end) -> target.put(key(tp), end));
        startEnds = target;
        Map<String, Long> stored = before;
        if (ends.entrySet().stream().anyMatch(end -> before.getOrDefault(key(end.getKey()), 0L) > end.getValue())) {
            // The model reflects offsets these topics never reached: it was folded from other topics (recreated, or
            // another cluster). Folded again from the beginning, it reflects these.
            LOG.log(System.Logger.Level.WARNING, "The stored model is ahead of the event topics; folding them again from the beginning");
            model.clear();
            stored = Map.of();
        }
        for (TopicPartition tp : partitions) {
            Long offset = stored.get(key(tp));
            if (offset == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, offset);
            }
        }
        return partitions;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(5));
        for (String topic : topics) {
            for (PartitionInfo info : existing.getOrDefault(topic, List.of())) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }

    private KafkaConsumer<String, byte[]> newConsumer(String clientId) {
        return newConsumer(clientId, "read_committed");
    }

    private KafkaConsumer<String, byte[]> newConsumer(String clientId, String isolation) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    static String key(TopicPartition tp) {
        return tp.topic() + "/" + tp.partition();
    }

    /** Waits before looking again; {@link #close()} ends the wait at once. */
    private void pause(Duration duration) {
        synchronized (stopping) {
            if (!running) {
                return;
            }
            try {
                stopping.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (stopping) {
            stopping.notifyAll();
        }
        KafkaConsumer<String, byte[]> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (ends != null) {
                ends.close();
            }
            if (written != null) {
                written.close();
            }
        }
    }
}
