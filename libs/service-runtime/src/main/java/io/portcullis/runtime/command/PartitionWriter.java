package io.portcullis.runtime.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.portcullis.events.EventEnvelope;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.avro.EventAvro;
import io.portcullis.runtime.command.WireFormat.CommandEnvelope;
import io.portcullis.runtime.command.WireFormat.Reply;
import io.portcullis.runtime.failure.Failures;
import io.portcullis.runtime.projection.ConsistencyToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The single writer of the command partitions this instance owns (Kafka consumer-group ownership).
 *
 * <p>One thread. Each {@code poll()} is one transaction: every command in it is decided in order
 * against the account's state (plus what earlier commands of the same batch changed) and the facts
 * other services own, its events are written to the same partition of the event topic, then its reply,
 * then the consumed offsets; the transaction commits all of it or none. State changes only after the
 * commit. Under load a batch holds many commands, so their cost is shared; idle, a batch is one command.
 *
 * <p>A reply goes to the replies topic only when its caller waits on another instance. A caller of
 * this instance is answered in memory once the commit has returned: it hears of the same committed
 * transaction, without a reply partition in the transaction and the reply reader's round trip.
 *
 * <p>State is never stored: when a partition is assigned, its accounts' states are rebuilt
 * ({@link PartitionRebuild}). Any failure (a fenced producer, a lost broker, a registry error) ends the
 * session: clients and state are dropped, an open transaction aborts, and a new session rejoins the group
 * and rebuilds. Nothing half-done survives.
 */
final class PartitionWriter<C extends AccountCommand, S, F, E> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PartitionWriter.class);

    private final CommandModel<C, S, F, E> model;
    private final CommandRuntimeSettings settings;
    private final WireFormat<C, E> wire;
    private final EventAvro avro;
    private final DecisionFacts<F> facts;
    /** This instance's callers: their replies are handed over in memory after the commit, not through the topic. */
    private final PendingReplies<E> callers;
    private final TransactionStats stats;
    private final WriterMeters meters;
    private final CommandTracing tracing;
    private final SessionLoop loop;
    /** Set once this instance has joined the writers' group and rebuilt what it was given (perhaps nothing). */
    private volatile boolean joined;

    /** The partitions whose state is in place, for readers on other threads ({@link DeadlineRunner}). */
    private volatile Set<Integer> owned = Set.of();

    /** Committed state of each owned partition: account → slot. Touched by the writer thread only. */
    private final Map<Integer, Map<String, AccountSlot<S, E>>> partitions = new HashMap<>();

    PartitionWriter(CommandModel<C, S, F, E> model, CommandRuntimeSettings settings, WireFormat<C, E> wire, EventAvro avro,
                    DecisionFacts<F> facts, PendingReplies<E> callers, MeterRegistry registry, CommandTracing tracing) {
        this.model = model;
        this.settings = settings;
        this.wire = wire;
        this.avro = avro;
        this.facts = facts;
        this.callers = callers;
        this.stats = new TransactionStats(settings.commandsTopic());
        this.meters = new WriterMeters(registry, settings.service().serviceName());
        this.tracing = tracing;
        this.loop = new SessionLoop(settings.writerGroup() + "-writer", EventEnvelope.class.getClassLoader(), this::session, () -> {
            partitions.clear();
            joined = false;
            ownedChanged(0);
        });
    }

    /** A decided command of the current batch, waiting for its events' offsets before it can reply. */
    private static final class Outcome<E> {
        final int partition;
        final String account;
        final List<E> events;
        final List<Future<RecordMetadata>> sends = new ArrayList<>();
        final Rejection rejection;
        final String idempotencyKey;
        final String fingerprint;
        Reply<E> reply;

        Outcome(int partition, String account, List<E> events, Rejection rejection, String idempotencyKey, String fingerprint) {
            this.partition = partition;
            this.account = account;
            this.events = events;
            this.rejection = rejection;
            this.idempotencyKey = idempotencyKey;
            this.fingerprint = fingerprint;
        }
    }

    private void session(SessionLoop loop) throws Exception {
        try (KafkaProducer<String, byte[]> producer = newProducer();
             KafkaConsumer<String, byte[]> commands = newConsumer();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                     AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                     AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            loop.polling(commands);
            // Aborts whatever transaction this transactional id left open in an earlier life.
            producer.initTransactions();
            Rebalance rebalance = new Rebalance(commands, new PartitionRebuild<>(model, settings, avro, admin, meters));
            commands.subscribe(List.of(settings.commandsTopic()), rebalance);
            try {
                while (loop.isRunning()) {
                    ConsumerRecords<String, byte[]> batch = commands.poll(Duration.ofMillis(200));
                    if (!batch.isEmpty()) {
                        process(batch, producer, commands);
                    }
                    rebalance.installRebuilt();
                }
            } finally {
                rebalance.stop();
            }
        } finally {
            partitions.clear();
        }
    }

    /** A command's decision span, which lasts until its transaction has committed (or aborted) and says how it ended. */
    private record Traced<E>(Span span, Outcome<E> outcome) {
        void end(boolean committed) {
            Rejection rejection = outcome.rejection;
            CommandTracing.end(span, !committed ? "aborted" : rejection == null ? "accepted" : rejection.code().code(),
                    !committed || rejection != null && rejection.code().httpStatus() >= 500);
        }
    }

    private void process(ConsumerRecords<String, byte[]> batch, KafkaProducer<String, byte[]> producer,
                         KafkaConsumer<String, byte[]> commands) throws ExecutionException, InterruptedException {
        List<Traced<E>> spans = new ArrayList<>();
        boolean committed = false;
        try {
            transact(batch, producer, commands, spans);
            committed = true;
        } finally {
            for (Traced<E> traced : spans) {
                traced.end(committed);
            }
        }
    }

    /** Decides the batch in one transaction; each command's span goes into {@code spans}, to end when it is over. */
    private void transact(ConsumerRecords<String, byte[]> batch, KafkaProducer<String, byte[]> producer,
                          KafkaConsumer<String, byte[]> commands, List<Traced<E>> spans) throws ExecutionException, InterruptedException {
        long started = System.nanoTime();
        Set<Integer> touched = batch.partitions().stream().map(TopicPartition::partition).collect(Collectors.toSet());
        Rejection factsBehind = facts.catchUp(touched) ? null : new Rejection(IamErrorCode.SERVICE_UNAVAILABLE,
                "The service cannot see the latest changes of " + facts.sources() + " yet; retry with the same Idempotency-Key.");

        producer.beginTransaction();
        Map<Integer, Map<String, AccountSlot<S, E>>> overlay = new HashMap<>();
        Map<String, Outcome<E>> byIdempotencyKey = new HashMap<>();
        List<Map.Entry<Header, Outcome<E>>> remote = new ArrayList<>();
        List<Map.Entry<String, Outcome<E>>> local = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            consumed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            Header correlation = record.headers().lastHeader(CommandGateway.CORRELATION_HEADER);
            Outcome<E> outcome;
            if (factsBehind != null) {
                // Answered without reading the command (503, retry with the same key): its type is not known here.
                meters.decided("undecided", "rejected", factsBehind.code());
                outcome = new Outcome<>(record.partition(), record.key(), List.of(), factsBehind, null, null);
            } else {
                outcome = decide(record, producer, overlay, byIdempotencyKey, spans);
            }
            if (correlation == null) {
                continue;
            }
            String correlationId = new String(correlation.value(), StandardCharsets.UTF_8);
            if (callers.awaits(correlationId)) {
                local.add(Map.entry(correlationId, outcome));
            } else {
                remote.add(Map.entry(correlation, outcome));
            }
        }

        long decided = System.nanoTime();
        if (!remote.isEmpty()) {
            // The events' offsets are the callers' consistency tokens and travel in the replies: wait for them.
            producer.flush();
        }
        long flushed = System.nanoTime();
        for (var pending : remote) {
            Outcome<E> outcome = pending.getValue();
            ProducerRecord<String, byte[]> reply = new ProducerRecord<>(settings.repliesTopic(), outcome.partition,
                    outcome.account, wire.writeReply(replyOf(outcome)));
            reply.headers().add(pending.getKey());
            producer.send(reply);
        }
        long replied = System.nanoTime();
        producer.sendOffsetsToTransaction(consumed, commands.groupMetadata());
        long offsetsSent = System.nanoTime();
        // Flushes the events (and replies) still in flight, then commits.
        producer.commitTransaction();
        long committed = System.nanoTime();

        // Committed: only now does the batch become the state, and only now do this instance's callers hear of it.
        overlay.forEach((partition, accounts) -> partitions.computeIfAbsent(partition, p -> new HashMap<>()).putAll(accounts));
        for (Outcome<E> outcome : byIdempotencyKey.values()) {
            if (outcome.rejection == null) {
                slot(partitions, outcome.partition, outcome.account).remember(outcome.idempotencyKey, replyOf(outcome),
                        outcome.fingerprint);
            }
        }
        // On this thread: a handoff to another thread measured slower here (one more wake-up per transaction)
        // than the callers' continuations, which only build the HTTP response and pass it to Vert.x.
        for (var caller : local) {
            callers.complete(caller.getKey(), replyOf(caller.getValue()));
        }
        long answered = System.nanoTime();
        stats.record(batch.count(), started, decided, flushed, replied, offsetsSent, committed, answered);
        meters.transaction(batch.count(), started, decided, flushed, replied, offsetsSent, committed, answered);
    }

    /** The outcome's reply, once its events have been written (their offsets make its consistency token). */
    private Reply<E> replyOf(Outcome<E> outcome) throws ExecutionException, InterruptedException {
        if (outcome.reply == null) {
            outcome.reply = outcome.rejection != null
                    ? Reply.rejected(outcome.rejection)
                    : Reply.accepted(outcome.events, tokenOf(outcome));
        }
        return outcome.reply;
    }

    private Outcome<E> decide(ConsumerRecord<String, byte[]> record, KafkaProducer<String, byte[]> producer,
                              Map<Integer, Map<String, AccountSlot<S, E>>> overlay, Map<String, Outcome<E>> byIdempotencyKey,
                              List<Traced<E>> spans) {
        int partition = record.partition();
        String account = record.key();
        CommandEnvelope<C> envelope;
        try {
            envelope = wire.readCommand(record.value());
        } catch (RuntimeException unreadable) {
            return poison(record, "could not be read", unreadable);
        }
        AccountSlot<S, E> slot = overlay.getOrDefault(partition, Map.of()).get(account);
        if (slot == null) {
            slot = slot(partitions, partition, account);
        }
        String type = envelope.command().getClass().getSimpleName();
        Span span = tracing.decide(type, record.headers(), partition);
        Outcome<E> outcome = decide(record, producer, overlay, byIdempotencyKey, envelope, slot, span, type);
        spans.add(new Traced<>(span, outcome));
        return outcome;
    }

    private Outcome<E> decide(ConsumerRecord<String, byte[]> record, KafkaProducer<String, byte[]> producer,
                              Map<Integer, Map<String, AccountSlot<S, E>>> overlay, Map<String, Outcome<E>> byIdempotencyKey,
                              CommandEnvelope<C> envelope, AccountSlot<S, E> slot, Span span, String type) {
        int partition = record.partition();
        String account = record.key();
        CommandMetadata metadata = envelope.metadata();
        String key = metadata.idempotencyKey();
        if (key != null) {
            Outcome<E> earlierInBatch = byIdempotencyKey.get(account + '\u0000' + key);
            if (earlierInBatch != null) {
                if (!sameRequest(earlierInBatch.fingerprint, metadata.requestFingerprint())) {
                    return mismatch(partition, account, key, type);
                }
                meters.decided(type, "replayed", null);
                return earlierInBatch;
            }
            AccountSlot.Remembered<E> remembered = slot.replies().get(key);
            if (remembered != null) {
                if (!remembered.answers(metadata.requestFingerprint())) {
                    return mismatch(partition, account, key, type);
                }
                meters.decided(type, "replayed", null);
                Outcome<E> replay = new Outcome<>(partition, account, remembered.reply().events(), null, key, null);
                replay.reply = remembered.reply();
                return replay;
            }
        }

        // Everything the command leads to is worked out before anything is sent, so a command that cannot be
        // processed is answered and skipped whole, and one the platform cannot process now ends the session.
        List<E> events;
        S state = slot.state();
        long version = slot.version();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        try {
            Decision<E> decision = model.decider().decide(envelope.command(), slot.state(), facts.of(envelope.command().accountId()));
            if (decision instanceof Decision.Rejected<E> rejected) {
                meters.decided(type, "rejected", rejected.rejection().code());
                return new Outcome<>(partition, account, List.of(), rejected.rejection(), null, null);
            }
            events = ((Decision.Accepted<E>) decision).events();
            Instant now = Instant.now();
            for (E event : events) {
                state = model.decider().evolve(state, event);
                version++;
                Headers headers = new RecordHeaders();
                tracing.carry(span, headers);
                if (key != null) {
                    headers.add(PartitionRebuild.IDEMPOTENCY_HEADER, key.getBytes(StandardCharsets.UTF_8));
                    if (metadata.requestFingerprint() != null) {
                        headers.add(PartitionRebuild.FINGERPRINT_HEADER, metadata.requestFingerprint().getBytes(StandardCharsets.UTF_8));
                    }
                }
                EventEnvelope eventEnvelope = EventEnvelope.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setEventType(event.getClass().getSimpleName())
                        .setAccountId(account)
                        .setAggregateId(account)
                        .setAggregateVersion(version)
                        .setTime(now)
                        .setActor(metadata.actor())
                        .setRequestId(metadata.requestId())
                        .setCorrelationId(metadata.correlationId())
                        .setSourceService(settings.service().serviceName())
                        .setAccessKeyId(metadata.accessKeyId())
                        .setSourceIp(metadata.sourceIp())
                        .setUserAgent(metadata.userAgent())
                        .build();
                byte[] value = avro.serialize(settings.eventsTopic(), headers, model.events().toAvro(event, eventEnvelope));
                records.add(new ProducerRecord<>(settings.eventsTopic(), partition, account, value, headers));
            }
        } catch (RuntimeException failure) {
            if (Failures.isRetriable(failure)) {
                throw failure;
            }
            return poison(record, "failed (" + type + ")", failure);
        }
        meters.decided(type, "accepted", null);
        Outcome<E> outcome = new Outcome<>(partition, account, events, null, key, metadata.requestFingerprint());
        records.forEach(event -> outcome.sends.add(producer.send(event)));
        overlay.computeIfAbsent(partition, p -> new HashMap<>()).put(account, slot.next(state, version));
        if (key != null) {
            byIdempotencyKey.put(account + '\u0000' + key, outcome);
        }
        return outcome;
    }

    /**
     * A command record that can never be processed (unreadable, or the domain failed on it): answered with
     * {@code InternalFailure} and a reference that the log line carries, counted, and consumed with the rest of
     * the batch, so it does not stall its partition or come back after a restart.
     */
    private Outcome<E> poison(ConsumerRecord<String, byte[]> record, String what, RuntimeException failure) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "Command at %s-%d@%d %s; answered InternalFailure, reference %s", record.topic(), record.partition(),
                record.offset(), what, reference);
        meters.poison();
        return new Outcome<>(record.partition(), record.key(), List.of(), new Rejection(IamErrorCode.INTERNAL_FAILURE,
                "The request processing has failed because of an unknown error (reference " + reference + ")."), null, null);
    }

    private Outcome<E> mismatch(int partition, String account, String key, String type) {
        meters.decided(type, "rejected", IamErrorCode.IDEMPOTENT_PARAMETER_MISMATCH);
        return new Outcome<>(partition, account, List.of(), new Rejection(IamErrorCode.IDEMPOTENT_PARAMETER_MISMATCH,
                "The Idempotency-Key '" + key + "' was used with a different request; send a new key for a new request."),
                null, null);
    }

    private static boolean sameRequest(String first, String again) {
        return first == null || again == null || first.equals(again);
    }

    private ConsistencyToken tokenOf(Outcome<E> outcome) throws ExecutionException, InterruptedException {
        long next = -1;
        int partition = outcome.partition;
        for (Future<RecordMetadata> send : outcome.sends) {
            RecordMetadata written = send.get();
            partition = written.partition();
            next = Math.max(next, written.offset() + 1);
        }
        return next < 0 ? ConsistencyToken.NONE : ConsistencyToken.of(settings.service(), partition, next);
    }

    private AccountSlot<S, E> slot(Map<Integer, Map<String, AccountSlot<S, E>>> states, int partition, String account) {
        return states.computeIfAbsent(partition, p -> new HashMap<>())
                .computeIfAbsent(account, a -> AccountSlot.initial(model.decider().initialState()));
    }

    /**
     * Rebuilds the state of newly assigned partitions from the event topic, and drops a revoked one's. The
     * rebuild runs beside the poll loop, not in the rebalance callback, so however many events it folds it
     * never holds the consumer past {@code max.poll.interval.ms}: the new partitions are paused until their
     * state is in place, while the partitions already owned go on taking commands.
     */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> commands;
        private final PartitionRebuild<S, E> rebuild;
        private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, settings.writerGroup() + "-rebuild");
            thread.setDaemon(true);
            thread.setContextClassLoader(EventEnvelope.class.getClassLoader());
            return thread;
        });
        /** Partitions being rebuilt, by the rebuild that will hold their state. */
        private final Map<Integer, Future<Map<Integer, Map<String, AccountSlot<S, E>>>>> rebuilding = new HashMap<>();
        /** Set by the first assignment of the session (perhaps of nothing): the member has joined the group. */
        private boolean assignedOnce;

        Rebalance(KafkaConsumer<String, byte[]> commands, PartitionRebuild<S, E> rebuild) {
            this.commands = commands;
            this.rebuild = rebuild;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            revoked.forEach(tp -> {
                partitions.remove(tp.partition());
                rebuilding.remove(tp.partition());
            });
            ownedChanged(rebuilding.size());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            onPartitionsRevoked(lost);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            assignedOnce = true;
            if (assigned.isEmpty()) {
                joined = rebuilding.isEmpty();
                return;
            }
            // With read_committed this waits until the previous owners' offsets are stable,
            // i.e. their last transactions have committed or aborted.
            assigned.forEach(tp -> commands.position(tp, Duration.ofSeconds(60)));
            commands.pause(assigned);
            List<Integer> numbers = assigned.stream().map(TopicPartition::partition).toList();
            Future<Map<Integer, Map<String, AccountSlot<S, E>>>> result = rebuilder.submit(() -> rebuild.rebuild(numbers));
            numbers.forEach(partition -> rebuilding.put(partition, result));
            ownedChanged(rebuilding.size());
            joined = false;
        }

        /** Puts the state of finished rebuilds in place and resumes their partitions; a failed rebuild ends the session. */
        void installRebuilt() throws ExecutionException, InterruptedException {
            List<TopicPartition> resumed = new ArrayList<>();
            for (var it = rebuilding.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                if (!entry.getValue().isDone()) {
                    continue;
                }
                Map<String, AccountSlot<S, E>> state = entry.getValue().get().get(entry.getKey());
                partitions.put(entry.getKey(), state == null ? new HashMap<>() : state);
                resumed.add(new TopicPartition(settings.commandsTopic(), entry.getKey()));
                it.remove();
            }
            if (!resumed.isEmpty()) {
                commands.resume(resumed);
                ownedChanged(rebuilding.size());
            }
            joined = assignedOnce && rebuilding.isEmpty();
        }

        void stop() {
            rebuilder.shutdownNow();
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // Measured here: the default 100 ms backoff on CONCURRENT_TRANSACTIONS cut throughput 3x under load.
                ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10,
                // A writer that dies with a transaction open and never comes back blocks its partitions at most
                // this long (plus the broker's expiry check, 1 s as we deploy it). Transactions take milliseconds.
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 5_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.<String, Object>ofEntries(
                Map.entry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()),
                Map.entry(ConsumerConfig.GROUP_ID_CONFIG, settings.writerGroup()),
                Map.entry(ConsumerConfig.CLIENT_ID_CONFIG, settings.transactionalId()),
                Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Map.entry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Map.entry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                // A joining or leaving writer moves only the partitions that must move; the others keep writing.
                Map.entry(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName()),
                // A writer that dies is replaced after at most this long (the broker's least by default).
                Map.entry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000),
                Map.entry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_500)),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** True once the writer has joined its group and rebuilt its partitions. */
    /** Records which partitions this writer holds the state of. */
    private void ownedChanged(int rebuildingCount) {
        owned = Set.copyOf(partitions.keySet());
        meters.owned(owned.size(), rebuildingCount);
    }

    /** The command partitions this writer owns and holds the state of, now. */
    Set<Integer> ownedPartitions() {
        return owned;
    }

    boolean hasJoined() {
        return joined;
    }

    @Override
    public void close() {
        loop.close();
    }
}
