package io.portcullis.runtime.projection;

import io.portcullis.runtime.command.ServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
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
 * A read model of one event topic, per account, held by every instance: the topic is folded from the
 * beginning (committed events only) and kept up to date by one thread.
 *
 * <p>Each account's events are applied once and in order by their aggregate version, so a replayed or
 * duplicated record changes nothing. A read names how fresh it must be ({@link ReadConsistency}); the
 * caller waits, at most the request timeout, until the model has applied that far.
 *
 * @param <S> the per-account view
 * @param <R> what one record of the topic is read as (an event with its account and version)
 */
public final class EventProjection<S, R> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventProjection.class);

    /** An event as the projection needs it: whose it is, its place in the account's history, and the event. */
    public record Applied<E>(String accountId, long version, E event) {
    }

    /** Reads a record's bytes into an applied event. */
    public interface RecordReader<E> {
        Applied<E> read(ConsumerRecord<String, byte[]> record);
    }

    private record View<S>(S state, long version) {
    }

    private final String topic;
    private final int partitionCount;
    private final Duration timeout;
    private final S initial;
    private final RecordReader<R> reader;
    private final BiFunction<S, R, S> evolve;
    private final Map<String, View<S>> views = new ConcurrentHashMap<>();
    private final AtomicLongArray positions;
    private final Object progress = new Object();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    private final Thread thread;
    private volatile boolean running = true;

    public EventProjection(String bootstrapServers, String topic, int partitionCount, Duration timeout, S initial,
                           RecordReader<R> reader, BiFunction<S, R, S> evolve, ClassLoader eventClassLoader) {
        this.topic = topic;
        this.partitionCount = partitionCount;
        this.timeout = timeout;
        this.initial = initial;
        this.reader = reader;
        this.evolve = evolve;
        this.positions = new AtomicLongArray(partitionCount);
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
        this.thread = new Thread(this::run, "projection-" + topic);
        this.thread.setDaemon(true);
        // Avro's specific reader loads event classes through the context class loader.
        this.thread.setContextClassLoader(eventClassLoader);
        this.thread.start();
    }

    /**
     * The account's view, at least as fresh as asked.
     *
     * @throws ServiceUnavailableException when the model cannot get that fresh within the timeout (503)
     */
    public S read(String accountId, ReadConsistency consistency) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (consistency instanceof ReadConsistency.AtLeast atLeast) {
            for (var entry : atLeast.token().nextOffsets().entrySet()) {
                if (entry.getKey() >= partitionCount) {
                    throw new IllegalArgumentException("Consistency-Token '" + atLeast.token() + "' is not one a write returned.");
                }
                awaitPosition(entry.getKey(), entry.getValue(), deadline);
            }
        } else if (consistency instanceof ReadConsistency.Latest) {
            int partition = partitionOf(accountId);
            awaitPosition(partition, writtenEnd(partition), deadline);
        } else if (!(consistency instanceof ReadConsistency.Fastest)) {
            throw new IllegalStateException("Unknown read consistency " + consistency);
        }
        View<S> view = views.get(accountId);
        return view == null ? initial : view.state();
    }

    /** The partition an account's records live in (Kafka's default partitioner on the account id key). */
    public int partitionOf(String accountId) {
        return BuiltInPartitioner.partitionForKey(accountId.getBytes(StandardCharsets.UTF_8), partitionCount);
    }

    /**
     * Everything written to the partition so far, committed or not. A read_committed consumer gets past
     * it only once every transaction below it has settled, so waiting for it sees each write that was
     * acknowledged before the read began. (The committed end is not enough: Kafka writes a transaction's
     * commit markers to its partitions one by one, so a reply can be visible before its events are.)
     * The cost is waiting for the writer's transaction in flight, a few milliseconds.
     */
    private long writtenEnd(int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try {
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .partitionResult(tp).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while reading the end of " + topic);
        } catch (ExecutionException | TimeoutException e) {
            throw new ServiceUnavailableException("The service cannot reach its event store to serve a consistent read.");
        }
    }

    private void awaitPosition(int partition, long target, long deadline) {
        synchronized (progress) {
            while (positions.get(partition) < target) {
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
        List<TopicPartition> all = IntStream.range(0, partitionCount).mapToObj(p -> new TopicPartition(topic, p)).toList();
        try {
            consumer.assign(all);
            consumer.seekToBeginning(all);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                // Positions move past transaction markers and aborted records too, so take them from the consumer.
                for (TopicPartition tp : all) {
                    positions.set(tp.partition(), consumer.position(tp, Duration.ofSeconds(5)));
                }
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        } catch (WakeupException stopping) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Projection of " + topic + " stopped", e);
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
        views.compute(applied.accountId(), (account, view) -> {
            View<S> current = view == null ? new View<>(initial, 0) : view;
            if (applied.version() <= current.version()) {
                return current;
            }
            return new View<>(evolve.apply(current.state(), applied.event()), applied.version());
        });
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
