package io.portcullis.runtime.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.events.topics.Topic;
import io.portcullis.iam.AccountId;
import io.portcullis.runtime.failure.Failures;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * A read model of one or more services' event topics, per account, held by every instance: the topics are
 * folded from the beginning (committed events only) and kept up to date by one thread. A service's own
 * projection folds its own topic with its decider's {@code evolve}; a facts projection folds other
 * services' topics into what the service needs to know of them.
 *
 * <p>Each account's events of one topic are applied once and in order by their aggregate version, so a
 * replayed or duplicated record changes nothing. A read names how fresh it must be ({@link ReadConsistency});
 * the caller waits, at most the request timeout, until the model has applied that far on every topic it
 * holds.
 *
 * @param <V> the per-account view
 * @param <R> what one record of the topics is read as
 */
public final class EventProjection<V, R> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventProjection.class);

    /** An event as the projection needs it: whose it is, its place in the account's history, and the event. */
    public record Applied<E>(String accountId, long version, E event) {
    }

    /** Reads a record's bytes into an applied event. */
    public interface RecordReader<E> {
        Applied<E> read(ConsumerRecord<String, byte[]> record);
    }

    /** An account's view and, per source topic, the version of the last event applied from it. */
    private record View<V>(V state, long[] versions) {
    }

    private final List<OwningService> sources;
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private final String name;
    private final Duration timeout;
    private final V initial;
    private final RecordReader<R> reader;
    private final BiFunction<V, R, V> evolve;
    private final Map<String, View<V>> views = new ConcurrentHashMap<>();
    /** Next offset to apply, per source topic and partition: index {@code source * PARTITIONS + partition}. */
    private final AtomicLongArray positions;
    private final Object progress = new Object();
    private final String bootstrapServers;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    /** Partitions stopped at an event that could not be read, with why: they are retried, never skipped. */
    private final Map<TopicPartition, String> stuck = new ConcurrentHashMap<>();
    /** False while the reading thread waits to start again after a failure. */
    private volatile boolean reading;
    private final Thread thread;
    private volatile boolean running = true;

    /** Per topic and partition: records not yet applied, and the time of the last record applied (epoch millis). */
    private final AtomicLongArray lagRecords;
    private final AtomicLongArray lastAppliedTime;

    /**
     * Starts folding. Its meters go to {@code meters}, tagged with {@code tags} (the service, which projection):
     * per topic and partition, the records and milliseconds it is behind the partition's end and the offset it
     * has applied; and the partitions it is stopped at.
     */
    public EventProjection(String bootstrapServers, List<OwningService> sources, Duration timeout, V initial,
                           RecordReader<R> reader, BiFunction<V, R, V> evolve, String name, MeterRegistry meters, Tags tags) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("A projection folds at least one event topic");
        }
        this.sources = List.copyOf(sources);
        for (int i = 0; i < this.sources.size(); i++) {
            sourceIndex.put(eventsTopic(this.sources.get(i)), i);
        }
        this.name = name;
        this.timeout = timeout;
        this.initial = initial;
        this.reader = reader;
        this.evolve = evolve;
        this.positions = new AtomicLongArray(this.sources.size() * Topic.PARTITIONS);
        this.lagRecords = new AtomicLongArray(this.sources.size() * Topic.PARTITIONS);
        this.lastAppliedTime = new AtomicLongArray(this.sources.size() * Topic.PARTITIONS);
        this.bootstrapServers = bootstrapServers;
        register(meters, tags);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        this.thread = new Thread(this::run, "projection-" + name);
        this.thread.setDaemon(true);
        // Avro's specific reader loads event classes through the context class loader.
        this.thread.setContextClassLoader(io.portcullis.events.EventEnvelope.class.getClassLoader());
        this.thread.start();
    }

    /** The event topics this projection folds, by the services that own them. */
    public List<OwningService> sources() {
        return sources;
    }

    /**
     * The account's view, at least as fresh as asked.
     *
     * @throws ServiceUnavailableException when the model cannot get that fresh within the timeout (503)
     */
    public V read(AccountId account, ReadConsistency consistency) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (consistency instanceof ReadConsistency.AtLeast atLeast) {
            awaitToken(atLeast.token(), deadline);
        } else if (consistency instanceof ReadConsistency.Latest) {
            awaitWrittenEnds(List.of(partitionOf(account)), deadline);
        } else if (!(consistency instanceof ReadConsistency.Fastest)) {
            throw new IllegalStateException("Unknown read consistency " + consistency);
        }
        return view(account);
    }

    /** The accounts with a view, as applied now (weakly consistent: an account added meanwhile may be missed). */
    public Collection<String> accounts() {
        return Collections.unmodifiableSet(views.keySet());
    }

    /** The account's view as applied now, without waiting. */
    public V view(AccountId account) {
        View<V> view = views.get(account.value());
        return view == null ? initial : view.state();
    }

    /**
     * Waits until the projection has applied the token's offsets on the topics it holds.
     *
     * @throws TokenNotReturnedException when the token names a partition these topics lack, or an offset
     *     beyond what is written: no write returned it, and waiting would only hold the caller
     */
    public void awaitToken(ConsistencyToken token, long deadlineNanos) {
        Map<TopicPartition, Long> ahead = new HashMap<>();
        for (int source = 0; source < sources.size(); source++) {
            for (var entry : token.on(sources.get(source)).entrySet()) {
                if (entry.getKey() >= Topic.PARTITIONS) {
                    throw new TokenNotReturnedException(token, "its topics have " + Topic.PARTITIONS + " partitions");
                }
                TopicPartition tp = new TopicPartition(eventsTopic(sources.get(source)), entry.getKey());
                if (positions.get(index(tp)) < entry.getValue()) {
                    ahead.put(tp, entry.getValue());
                }
            }
        }
        if (ahead.isEmpty()) {
            return;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = writtenEnds(ahead.keySet(), deadlineNanos);
        ahead.forEach((tp, offset) -> {
            if (offset > ends.get(tp).offset()) {
                throw new TokenNotReturnedException(token, "it is ahead of what " + tp + " holds");
            }
        });
        ahead.forEach((tp, offset) -> awaitPosition(sourceIndex.get(tp.topic()), tp.partition(), offset, deadlineNanos));
    }

    /**
     * Waits until the projection has applied everything written to these partitions of its topics when the
     * call began, committed or not. A read_committed consumer gets past that end only once every transaction
     * below it has settled, so waiting for it sees each write that was acknowledged before the call. (The
     * committed end is not enough: Kafka writes a transaction's commit markers to its partitions one by one,
     * so a reply can be visible before its events are.) The cost is one offset lookup and the wait for a
     * transaction in flight, a few milliseconds.
     *
     * @throws ServiceUnavailableException when the broker cannot be asked or the projection does not get there in time
     */
    public void awaitWrittenEnds(Collection<Integer> partitions, long deadlineNanos) {
        List<TopicPartition> request = new ArrayList<>();
        for (OwningService source : sources) {
            for (int partition : partitions) {
                request.add(new TopicPartition(eventsTopic(source), partition));
            }
        }
        writtenEnds(request, deadlineNanos)
                .forEach((tp, end) -> awaitPosition(sourceIndex.get(tp.topic()), tp.partition(), end.offset(), deadlineNanos));
    }

    /** Everything written to these partitions so far, committed or not. */
    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> writtenEnds(Collection<TopicPartition> partitions,
                                                                                     long deadlineNanos) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        try {
            return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while reading the end of " + sources);
        } catch (ExecutionException | TimeoutException e) {
            throw new ServiceUnavailableException("The service cannot reach its event store to serve a consistent read.");
        }
    }

    /** The partition an account's records live in on every topic (Kafka's default partitioner on the account id key). */
    public static int partitionOf(AccountId account) {
        return BuiltInPartitioner.partitionForKey(account.value().getBytes(StandardCharsets.UTF_8), Topic.PARTITIONS);
    }

    private void awaitPosition(int source, int partition, long target, long deadline) {
        int index = source * Topic.PARTITIONS + partition;
        synchronized (progress) {
            while (positions.get(index) < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ServiceUnavailableException("The service could not catch up with recent writes in time; retry.");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ServiceUnavailableException("Interrupted while waiting for recent writes.");
                }
            }
        }
    }

    /**
     * True while the projection reads and no partition is stopped at an event it cannot read: readiness is
     * DOWN otherwise, because reads that must be fresh would wait in vain.
     */
    public boolean isHealthy() {
        return reading && stuck.isEmpty();
    }

    /** Why the projection is not healthy, for readiness data and logs; empty when it is. */
    public String problem() {
        if (!reading) {
            return "not reading (starting again after a failure)";
        }
        return stuck.isEmpty() ? "" : "stopped at unreadable events: " + stuck;
    }

    /** How many partitions are stopped at an event that cannot be read now. */
    public int stuckPartitions() {
        return stuck.size();
    }

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** How long a partition stopped at an unreadable event waits before it is read again. */
    private static final long RETRY_STUCK_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * Reads until closed. A failure of the consumer (a lost broker, a topic of another service that does not
     * exist yet) starts a new consumer after a back-off, from the offsets already applied: nothing is folded
     * twice and nothing is left out.
     */
    private void run() {
        List<TopicPartition> all = new ArrayList<>();
        for (OwningService source : sources) {
            for (int p = 0; p < Topic.PARTITIONS; p++) {
                all.add(new TopicPartition(eventsTopic(source), p));
            }
        }
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (KafkaConsumer<String, byte[]> reader = newConsumer()) {
                consumer = reader;
                reader.assign(all);
                for (TopicPartition tp : all) {
                    reader.seek(tp, positions.get(index(tp)));
                }
                reading = true;
                read(reader, all);
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                reading = false;
                if (!running) {
                    return;
                }
                LOG.warnf("Projection %s stopped reading (%s); starting again in %d s", name, e.toString(), backoff.toSeconds());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                consumer = null;
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> reader, List<TopicPartition> all) {
        Map<TopicPartition, Long> retryAt = new HashMap<>();
        while (running) {
            try {
                Set<TopicPartition> stoppedNow = new HashSet<>();
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (stoppedNow.contains(tp)) {
                        continue;
                    }
                    String failure = apply(record);
                    if (failure != null) {
                        // Not skipped: the partition goes back to this event and waits, and reads of it wait too.
                        stoppedNow.add(tp);
                        reader.seek(tp, record.offset());
                        reader.pause(List.of(tp));
                        retryAt.put(tp, System.nanoTime() + RETRY_STUCK_NANOS);
                        if (stuck.put(tp, "offset " + record.offset() + ": " + failure) == null) {
                            LOG.errorf("Projection %s stopped %s at offset %d, an event it cannot read (%s); retrying every 2 s",
                                    name, tp, record.offset(), failure);
                        }
                    } else if (stuck.remove(tp) != null) {
                        LOG.infof("Projection %s reads %s again", name, tp);
                    }
                }
                long now = System.nanoTime();
                retryAt.entrySet().removeIf(retry -> {
                    if (retry.getValue() - now <= 0) {
                        reader.resume(List.of(retry.getKey()));
                        return true;
                    }
                    return false;
                });
                // Positions move past transaction markers and aborted records too, so take them from the consumer.
                for (TopicPartition tp : all) {
                    positions.set(index(tp), reader.position(tp, Duration.ofSeconds(5)));
                    reader.currentLag(tp).ifPresent(lag -> lagRecords.set(index(tp), lag));
                }
            } catch (org.apache.kafka.common.errors.TimeoutException notYet) {
                // The broker, or a topic of another service that has not started yet, is not there: go on asking.
                LOG.infof("Projection %s waiting for %s: %s", name, sources, notYet.getMessage());
            }
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    /** Applies one record; the reason when it cannot be read (then nothing is applied). */
    private String apply(ConsumerRecord<String, byte[]> record) {
        Applied<R> applied;
        try {
            applied = reader.read(record);
        } catch (RuntimeException e) {
            return Failures.rootCause(e).toString();
        }
        int source = sourceIndex.get(record.topic());
        lastAppliedTime.set(source * Topic.PARTITIONS + record.partition(), record.timestamp());
        views.compute(applied.accountId(), (account, view) -> {
            View<V> current = view == null ? new View<>(initial, new long[sources.size()]) : view;
            if (applied.version() <= current.versions()[source]) {
                return current;
            }
            long[] versions = current.versions().clone();
            versions[source] = applied.version();
            return new View<>(evolve.apply(current.state(), applied.event()), versions);
        });
        return null;
    }

    private void register(MeterRegistry meters, Tags tags) {
        Gauge.builder("portcullis.projection.stuck.partitions", this, EventProjection::stuckPartitions)
                .description("Partitions the projection is stopped at an event it cannot read (retried, never skipped)")
                .tags(tags).register(meters);
        for (OwningService source : sources) {
            for (int p = 0; p < Topic.PARTITIONS; p++) {
                int at = index(new TopicPartition(eventsTopic(source), p));
                Tags partition = tags.and("topic", eventsTopic(source), "partition", Integer.toString(p));
                Gauge.builder("portcullis.projection.lag.records", lagRecords, lag -> lag.get(at))
                        .description("Records of the partition the projection has not applied yet").tags(partition).register(meters);
                Gauge.builder("portcullis.projection.lag.ms", this, projection -> projection.lagMillis(at))
                        .description("How old the last applied record is while newer ones wait (0 when caught up)")
                        .tags(partition).register(meters);
                Gauge.builder("portcullis.projection.offset", positions, position -> position.get(at))
                        .description("The next offset the projection will apply").tags(partition).register(meters);
            }
        }
    }

    private double lagMillis(int at) {
        long time = lastAppliedTime.get(at);
        return lagRecords.get(at) == 0 || time == 0 ? 0 : Math.max(0, System.currentTimeMillis() - time);
    }

    private int index(TopicPartition tp) {
        return sourceIndex.get(tp.topic()) * Topic.PARTITIONS + tp.partition();
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // A topic created after this projection started is found within seconds, not the default 5 minutes.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String eventsTopic(OwningService service) {
        return service.eventsTopic();
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(2));
    }
}
