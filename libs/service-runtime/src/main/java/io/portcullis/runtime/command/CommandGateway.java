package io.portcullis.runtime.command;

import io.opentelemetry.api.trace.Span;
import io.portcullis.events.topics.Topic;
import io.portcullis.iam.AccountId;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The HTTP side of the runtime: sends a command to its account's partition and completes when the
 * partition's writer replies.
 *
 * <p>The pending reply is registered before the command is sent, so no reply can arrive unnoticed.
 * A command this instance's own writer decides is answered in memory after its transaction commits.
 * For the others, every instance reads every reply partition (assigned, no consumer group, from the
 * end, only committed records) and keeps the replies whose correlation id it is waiting for. Either
 * way a caller hears only of a committed transaction, and with it committed events.
 */
final class CommandGateway<C, E> implements AutoCloseable {

    static final String CORRELATION_HEADER = "portcullis-correlation-id";
    private static final Logger LOG = Logger.getLogger(CommandGateway.class);

    private final CommandRuntimeSettings settings;
    private final WireFormat<C, E> wire;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> replies;
    private final PendingReplies<E> pending;
    private final CommandTracing tracing;
    private final Thread replyReader;
    private final Object listeningChanged = new Object();
    /** True while the reply reader reads from where it started listening: no committed reply goes unseen. */
    private volatile boolean listening;
    private volatile boolean running = true;

    CommandGateway(CommandRuntimeSettings settings, WireFormat<C, E> wire, PendingReplies<E> pending, CommandTracing tracing) {
        this.tracing = tracing;
        this.settings = settings;
        this.wire = wire;
        this.pending = pending;
        int timeoutMs = (int) settings.requestTimeout().toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, settings.writerGroup() + "-gateway-" + settings.instanceId(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                // Never block a caller longer than its request may take.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs - 1000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 1000),
                new StringSerializer(), new ByteArraySerializer());
        this.replies = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, settings.writerGroup() + "-replies-" + settings.instanceId(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.replyReader = new Thread(this::readReplies, settings.writerGroup() + "-reply-reader");
        this.replyReader.setDaemon(true);
        this.replyReader.setContextClassLoader(CommandGateway.class.getClassLoader());
        this.replyReader.start();
    }

    CompletableFuture<CommandResult<E>> send(AccountId account, C command, CommandMetadata metadata) {
        if (!awaitListening()) {
            return CompletableFuture.failedFuture(new ServiceUnavailableException(
                    "The service is starting and cannot reach its event store yet; retry with the same Idempotency-Key."));
        }
        String correlationId = UUID.randomUUID().toString();
        CompletableFuture<CommandResult<E>> result = pending.register(correlationId);
        CompletableFuture<CommandResult<E>> bounded = result
                .orTimeout(settings.requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> pending.forget(correlationId))
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(unavailable(e)));
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.commandsTopic(), account.value(), wire.writeCommand(command, metadata));
            record.headers().add(CORRELATION_HEADER, correlationId.getBytes(StandardCharsets.UTF_8));
            Span span = tracing.send(command.getClass().getSimpleName(), record.headers());
            bounded.whenComplete((answer, failure) -> CommandTracing.end(span, failure != null ? "unavailable"
                    : answer instanceof CommandResult.Rejected<E> rejected ? rejected.rejection().code().code() : "accepted",
                    failure != null));
            producer.send(record, (meta, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return bounded;
    }

    private Throwable unavailable(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ServiceUnavailableException) {
            return cause;
        }
        if (cause instanceof TimeoutException) {
            return new ServiceUnavailableException("The service could not complete the request within "
                    + settings.requestTimeout().toSeconds() + " s; retry with the same Idempotency-Key.");
        }
        LOG.warnf("Command not sent: %s", cause.toString());
        return new ServiceUnavailableException("The service cannot reach its event store; retry with the same Idempotency-Key.");
    }

    /** True once the reply reader listens (waiting at most the request timeout for it). */
    private boolean awaitListening() {
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        synchronized (listeningChanged) {
            while (!listening) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(listeningChanged, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    boolean isListening() {
        return listening;
    }

    private void listening(boolean now) {
        synchronized (listeningChanged) {
            listening = now;
            listeningChanged.notifyAll();
        }
    }

    /**
     * Assigns every reply partition and resolves its end, retrying until the topic exists and the broker
     * answers: a reply committed after this point is never missed, so commands are sent only from then on.
     */
    private void listenFromTheEnd() {
        List<TopicPartition> partitions = java.util.stream.IntStream.range(0, Topic.PARTITIONS)
                .mapToObj(p -> new TopicPartition(settings.repliesTopic(), p)).toList();
        replies.assign(partitions);
        while (running) {
            try {
                replies.seekToEnd(partitions);
                partitions.forEach(tp -> replies.position(tp, Duration.ofSeconds(5)));
                listening(true);
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.infof("Waiting for %s: %s", settings.repliesTopic(), e.getMessage());
            }
        }
    }

    /**
     * Reads replies until closed. A failure starts listening again from the end after a back-off; replies
     * committed meanwhile are missed, so their callers time out (503) and retry with the same Idempotency-Key,
     * which answers them from the first decision.
     */
    private void readReplies() {
        Duration backoff = Duration.ofSeconds(1);
        try {
            while (running) {
                try {
                    listenFromTheEnd();
                    while (running) {
                        for (ConsumerRecord<String, byte[]> record : replies.poll(Duration.ofMillis(500))) {
                            answer(record);
                        }
                    }
                } catch (WakeupException stopping) {
                    return;
                } catch (RuntimeException e) {
                    listening(false);
                    if (!running) {
                        return;
                    }
                    LOG.warnf("Reply reader stopped (%s); listening again in %d s", e.toString(), backoff.toSeconds());
                    SessionLoop.pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
                }
            }
        } finally {
            listening(false);
            replies.close(Duration.ofSeconds(2));
        }
    }

    private void answer(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CORRELATION_HEADER);
        if (header == null) {
            return;
        }
        String correlationId = new String(header.value(), StandardCharsets.UTF_8);
        if (pending.awaits(correlationId)) {
            try {
                pending.complete(correlationId, wire.readReply(record.value()));
            } catch (RuntimeException e) {
                pending.fail(correlationId, e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        replies.wakeup();
        producer.close(Duration.ofSeconds(2));
        try {
            replyReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
