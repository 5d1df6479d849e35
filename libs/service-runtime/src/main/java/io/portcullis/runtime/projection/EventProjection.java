package io.portcullis.runtime.projection;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.events.topics.Topic;
import io.portcullis.iam.AccountId;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    private final Thread thread;
    private volatile boolean running = true;

    public EventProjection(String bootstrapServers, List<OwningService> sources, Duration timeout, V initial,
                           RecordReader<R> reader, BiFunction<V, R, V> evolve, String name) {
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
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                new StringDeserializer(), new ByteArrayDeserializer());
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

    /** The account's view as applied now, without waiting. */
    public V view(AccountId account) {
        View<V> view = views.get(account.value());
        return view == null ? initial : view.state();
    }

    /** Waits until the projection has applied the token's offsets on the topics it holds. */
    public void awaitToken(ConsistencyToken token, long deadlineNanos) {
        for (int source = 0; source < sources.size(); source++) {
            for (var entry : token.on(sources.get(source)).entrySet()) {
                if (entry.getKey() >= Topic.PARTITIONS) {
                    throw new IllegalArgumentException("Consistency-Token '" + token + "' is not one a write returned.");
                }
                awaitPosition(source, entry.getKey(), entry.getValue(), deadlineNanos);
            }
        }
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
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (OwningService source : sources) {
            for (int partition : partitions) {
                request.put(new TopicPartition(eventsTopic(source), partition), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends;
        try {
            ends = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while reading the end of " + sources);
        } catch (ExecutionException | TimeoutException e) {
            throw new ServiceUnavailableException("The service cannot reach its event store to serve a consistent read.");
        }
        ends.forEach((tp, end) -> awaitPosition(sourceIndex.get(tp.topic()), tp.partition(), end.offset(), deadlineNanos));
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

    private void run() {
        List<TopicPartition> all = new ArrayList<>();
        for (OwningService source : sources) {
            for (int p = 0; p < Topic.PARTITIONS; p++) {
                all.add(new TopicPartition(eventsTopic(source), p));
            }
        }
        try {
            consumer.assign(all);
            consumer.seekToBeginning(all);
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    // Positions move past transaction markers and aborted records too, so take them from the consumer.
                    for (TopicPartition tp : all) {
                        positions.set(sourceIndex.get(tp.topic()) * Topic.PARTITIONS + tp.partition(),
                                consumer.position(tp, Duration.ofSeconds(5)));
                    }
                } catch (org.apache.kafka.common.errors.TimeoutException notYet) {
                    // The broker, or a topic of another service that has not started yet, is not there: go on asking.
                    LOG.infof("Projection %s waiting for %s: %s", name, sources, notYet.getMessage());
                }
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        } catch (WakeupException stopping) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Projection " + name + " stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Applied<R> applied;
        try {
            applied = reader.read(record);
        } catch (RuntimeException e) {
            LOG.errorf("Skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.toString());
            return;
        }
        int source = sourceIndex.get(record.topic());
        views.compute(applied.accountId(), (account, view) -> {
            View<V> current = view == null ? new View<>(initial, new long[sources.size()]) : view;
            if (applied.version() <= current.versions()[source]) {
                return current;
            }
            long[] versions = current.versions().clone();
            versions[source] = applied.version();
            return new View<>(evolve.apply(current.state(), applied.event()), versions);
        });
    }

    private static String eventsTopic(OwningService service) {
        return service.eventsTopic();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(2));
    }
}
