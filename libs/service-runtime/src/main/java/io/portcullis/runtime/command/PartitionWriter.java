package io.portcullis.runtime.command;

import io.portcullis.events.EventEnvelope;
import io.portcullis.runtime.command.WireFormat.CommandEnvelope;
import io.portcullis.runtime.command.WireFormat.Reply;
import io.portcullis.runtime.domain.Decision;
import io.portcullis.runtime.domain.IamErrorCode;
import io.portcullis.runtime.domain.Rejection;
import io.portcullis.runtime.projection.ConsistencyToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
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
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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
 * against the account's state (plus what earlier commands of the same batch changed), its events are
 * written to the same partition of the event topic, then its reply, then the consumed offsets; the
 * transaction commits all of it or none. State changes only after the commit. Under load a batch holds
 * many commands, so their cost is shared; idle, a batch is one command.
 *
 * <p>A reply goes to the replies topic only when its caller waits on another instance. A caller of
 * this instance is answered in memory once the commit has returned: it hears of the same committed
 * transaction, without a reply partition in the transaction and the reply reader's round trip.
 *
 * <p>State is never stored: when a partition is assigned, its accounts' states are rebuilt by folding
 * the event topic's partition from the beginning, after the previous owner's transaction has
 * settled. Any failure (a fenced producer, a lost broker, a registry error) ends the session: clients
 * and state are dropped, an open transaction aborts, and a new session rejoins the group and rebuilds.
 * Nothing half-done survives.
 */
final class PartitionWriter<C, S, E> implements AutoCloseable {

    static final String IDEMPOTENCY_HEADER = "portcullis-idempotency-key";
    private static final Logger LOG = Logger.getLogger(PartitionWriter.class);
    private static final int REPLIES_REMEMBERED_PER_ACCOUNT = 1000;

    private final CommandModel<C, S, E> model;
    private final CommandRuntimeSettings settings;
    private final WireFormat<C, E> wire;
    private final EventAvro<E> avro;
    /** This instance's callers: their replies are handed over in memory after the commit, not through the topic. */
    private final PendingReplies<E> callers;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    /** Set once this instance has joined the writers' group and rebuilt what it was given (perhaps nothing). */
    private volatile boolean joined;

    private final TransactionStats stats = new TransactionStats();

    /** Committed state of each owned partition: account → slot. Touched by the writer thread only. */
    private final Map<Integer, Map<String, AccountSlot<S, E>>> partitions = new HashMap<>();

    PartitionWriter(CommandModel<C, S, E> model, CommandRuntimeSettings settings, WireFormat<C, E> wire, EventAvro<E> avro,
                    PendingReplies<E> callers) {
        this.model = model;
        this.settings = settings;
        this.wire = wire;
        this.avro = avro;
        this.callers = callers;
        this.thread = new Thread(this::run, settings.writerGroup() + "-writer");
        this.thread.setDaemon(true);
        // Avro's specific reader loads event classes through the context class loader.
        this.thread.setContextClassLoader(model.events().getClass().getClassLoader());
        this.thread.start();
    }

    /** An account's committed state, its event count, and the replies to its recent idempotent commands. */
    record AccountSlot<S, E>(S state, long version, LinkedHashMap<String, Reply<E>> replies) {
        AccountSlot<S, E> next(S state, long version) {
            return new AccountSlot<>(state, version, replies);
        }
    }

    /** A decided command of the current batch, waiting for its events' offsets before it can reply. */
    private static final class Outcome<E> {
        final int partition;
        final String account;
        final List<E> events;
        final List<Future<RecordMetadata>> sends = new ArrayList<>();
        final Rejection rejection;
        final String idempotencyKey;
        Reply<E> reply;

        Outcome(int partition, String account, List<E> events, Rejection rejection, String idempotencyKey) {
            this.partition = partition;
            this.account = account;
            this.events = events;
            this.rejection = rejection;
            this.idempotencyKey = idempotencyKey;
        }
    }

    private void run() {
        while (running) {
            try {
                session();
            } catch (WakeupException stopping) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                LOG.warnf("Command writer session ended (%s, caused by %s); starting a new one", e.toString(), cause.toString());
                partitions.clear();
                joined = false;
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void session() throws Exception {
        try (KafkaProducer<String, byte[]> producer = newProducer();
             KafkaConsumer<String, byte[]> commands = newConsumer();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                     AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                     AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            consumer = commands;
            // Aborts whatever transaction this transactional id left open in an earlier life.
            producer.initTransactions();
            commands.subscribe(List.of(settings.commandsTopic()), new Rebalance(commands, admin));
            while (running) {
                ConsumerRecords<String, byte[]> batch = commands.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    process(batch, producer, commands);
                }
            }
        } finally {
            consumer = null;
            partitions.clear();
        }
    }

    private void process(ConsumerRecords<String, byte[]> batch, KafkaProducer<String, byte[]> producer,
                         KafkaConsumer<String, byte[]> commands) throws ExecutionException, InterruptedException {
        producer.beginTransaction();
        Map<Integer, Map<String, AccountSlot<S, E>>> overlay = new HashMap<>();
        Map<String, Outcome<E>> byIdempotencyKey = new HashMap<>();
        List<Map.Entry<Header, Outcome<E>>> remote = new ArrayList<>();
        List<Map.Entry<String, Outcome<E>>> local = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();

        long started = System.nanoTime();
        for (ConsumerRecord<String, byte[]> record : batch) {
            consumed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            Header correlation = record.headers().lastHeader(CommandGateway.CORRELATION_HEADER);
            Outcome<E> outcome = decide(record, producer, overlay, byIdempotencyKey);
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
                remember(slot(partitions, outcome.partition, outcome.account), outcome.idempotencyKey, replyOf(outcome));
            }
        }
        // On this thread: a handoff to another thread measured slower here (one more wake-up per transaction)
        // than the callers' continuations, which only build the HTTP response and pass it to Vert.x.
        for (var caller : local) {
            callers.complete(caller.getKey(), replyOf(caller.getValue()));
        }
        stats.record(batch.count(), started, decided, flushed, replied, offsetsSent, committed, System.nanoTime());
    }

    /** The outcome's reply, once its events have been written (their offsets make its consistency token). */
    private static <E> Reply<E> replyOf(Outcome<E> outcome) throws ExecutionException, InterruptedException {
        if (outcome.reply == null) {
            outcome.reply = outcome.rejection != null
                    ? Reply.rejected(outcome.rejection)
                    : Reply.accepted(outcome.events, tokenOf(outcome));
        }
        return outcome.reply;
    }

    private Outcome<E> decide(ConsumerRecord<String, byte[]> record, KafkaProducer<String, byte[]> producer,
                              Map<Integer, Map<String, AccountSlot<S, E>>> overlay, Map<String, Outcome<E>> byIdempotencyKey) {
        int partition = record.partition();
        String account = record.key();
        CommandEnvelope<C> envelope;
        try {
            envelope = wire.readCommand(record.value());
        } catch (RuntimeException e) {
            LOG.errorf("Unreadable command at %s-%d@%d: %s", record.topic(), partition, record.offset(), e.toString());
            return new Outcome<>(partition, account, List.of(), new Rejection(IamErrorCode.INVALID_INPUT, "The command could not be read."), null);
        }
        AccountSlot<S, E> slot = overlay.getOrDefault(partition, Map.of()).get(account);
        if (slot == null) {
            slot = slot(partitions, partition, account);
        }
        String key = envelope.metadata().idempotencyKey();
        if (key != null) {
            Outcome<E> earlierInBatch = byIdempotencyKey.get(account + '\u0000' + key);
            if (earlierInBatch != null) {
                return earlierInBatch;
            }
            Reply<E> remembered = slot.replies().get(key);
            if (remembered != null) {
                Outcome<E> replay = new Outcome<>(partition, account, remembered.events(), null, key);
                replay.reply = remembered;
                return replay;
            }
        }

        Decision<E> decision;
        try {
            decision = model.decider().decide(envelope.command(), slot.state());
        } catch (RuntimeException bug) {
            LOG.errorf(bug, "The decider failed on %s", envelope.command().getClass().getSimpleName());
            return new Outcome<>(partition, account, List.of(), new Rejection(IamErrorCode.SERVICE_FAILURE,
                    "The request failed because of an unknown error."), null);
        }
        if (decision instanceof Decision.Rejected<E> rejected) {
            return new Outcome<>(partition, account, List.of(), rejected.rejection(), null);
        }
        List<E> events = ((Decision.Accepted<E>) decision).events();
        Outcome<E> outcome = new Outcome<>(partition, account, events, null, key);
        S state = slot.state();
        long version = slot.version();
        Instant now = Instant.now();
        for (E event : events) {
            state = model.decider().evolve(state, event);
            version++;
            Headers headers = new RecordHeaders();
            if (key != null) {
                headers.add(IDEMPOTENCY_HEADER, key.getBytes(StandardCharsets.UTF_8));
            }
            EventEnvelope eventEnvelope = EventEnvelope.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setEventType(event.getClass().getSimpleName())
                    .setAccountId(account)
                    .setAggregateId(account)
                    .setAggregateVersion(version)
                    .setTime(now)
                    .setActor(envelope.metadata().actor())
                    .setRequestId(envelope.metadata().requestId())
                    .setCorrelationId(envelope.metadata().correlationId())
                    .setSourceService(model.serviceName())
                    .build();
            byte[] value = avro.serialize(settings.eventsTopic(), headers, event, eventEnvelope);
            outcome.sends.add(producer.send(new ProducerRecord<>(settings.eventsTopic(), partition, account, value, headers)));
        }
        overlay.computeIfAbsent(partition, p -> new HashMap<>()).put(account, slot.next(state, version));
        if (key != null) {
            byIdempotencyKey.put(account + '\u0000' + key, outcome);
        }
        return outcome;
    }

    private static <E> ConsistencyToken tokenOf(Outcome<E> outcome) throws ExecutionException, InterruptedException {
        long next = -1;
        int partition = outcome.partition;
        for (Future<RecordMetadata> send : outcome.sends) {
            RecordMetadata written = send.get();
            partition = written.partition();
            next = Math.max(next, written.offset() + 1);
        }
        return next < 0 ? ConsistencyToken.NONE : ConsistencyToken.of(partition, next);
    }

    private AccountSlot<S, E> slot(Map<Integer, Map<String, AccountSlot<S, E>>> states, int partition, String account) {
        return states.computeIfAbsent(partition, p -> new HashMap<>())
                .computeIfAbsent(account, a -> new AccountSlot<>(model.decider().initialState(), 0, newReplyCache()));
    }

    private static <S, E> void remember(AccountSlot<S, E> slot, String key, Reply<E> reply) {
        slot.replies().put(key, reply);
    }

    private static <E> LinkedHashMap<String, Reply<E>> newReplyCache() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Reply<E>> eldest) {
                return size() > REPLIES_REMEMBERED_PER_ACCOUNT;
            }
        };
    }

    /** Rebuilds an assigned partition's state from the event topic; drops a revoked one's. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> commands;
        private final Admin admin;

        Rebalance(KafkaConsumer<String, byte[]> commands, Admin admin) {
            this.commands = commands;
            this.admin = admin;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            revoked.forEach(tp -> partitions.remove(tp.partition()));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            onPartitionsRevoked(lost);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            // With read_committed this waits until the previous owners' offsets are stable,
            // i.e. their last transactions have committed or aborted.
            assigned.forEach(tp -> commands.position(tp, Duration.ofSeconds(60)));
            try {
                partitions.putAll(rebuild(assigned.stream().map(TopicPartition::partition).toList()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Could not rebuild partitions " + assigned, e);
            }
            joined = true;
        }

        /** Folds the assigned partitions of the event topic, from the beginning up to their settled ends, with one reader. */
        private Map<Integer, Map<String, AccountSlot<S, E>>> rebuild(List<Integer> assigned) throws ExecutionException,
                InterruptedException, java.util.concurrent.TimeoutException {
            Map<Integer, Map<String, AccountSlot<S, E>>> rebuilt = new HashMap<>();
            if (assigned.isEmpty()) {
                return rebuilt;
            }
            long started = System.nanoTime();
            Map<TopicPartition, Long> ends = new HashMap<>();
            for (int partition : assigned) {
                ends.put(new TopicPartition(settings.eventsTopic(), partition), settledEnd(new TopicPartition(settings.eventsTopic(), partition)));
                rebuilt.put(partition, new HashMap<>());
            }
            long events = 0;
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
                        events++;
                        int partition = record.partition();
                        EventAvro.Read<E> read = avro.deserialize(record.topic(), record.headers(), record.value());
                        String account = read.envelope().getAccountId();
                        Map<String, AccountSlot<S, E>> states = rebuilt.get(partition);
                        AccountSlot<S, E> slot = states.computeIfAbsent(account,
                                a -> new AccountSlot<>(model.decider().initialState(), 0, newReplyCache()));
                        AccountSlot<S, E> next = slot.next(model.decider().evolve(slot.state(), read.event()),
                                read.envelope().getAggregateVersion());
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
                        commandEvents.add(read.event());
                        remember(next, idempotencyKey,
                                Reply.accepted(List.copyOf(commandEvents), ConsistencyToken.of(partition, record.offset() + 1)));
                    }
                }
            }
            LOG.infof("Rebuilt %s partitions %s: %d events in %d ms", settings.eventsTopic(), assigned, events,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return rebuilt;
        }

        /**
         * The event partition's end once no transaction is open on it. Only this partition's writer
         * writes it, so an open transaction can only be the previous owner's, which is settling.
         */
        private long settledEnd(TopicPartition events) throws ExecutionException, InterruptedException,
                java.util.concurrent.TimeoutException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                long committed = endOffset(events, IsolationLevel.READ_COMMITTED);
                long written = endOffset(events, IsolationLevel.READ_UNCOMMITTED);
                if (committed == written || System.nanoTime() > deadline) {
                    return committed;
                }
                pause(Duration.ofMillis(50));
            }
        }

        private long endOffset(TopicPartition tp, IsolationLevel isolation) throws ExecutionException, InterruptedException,
                java.util.concurrent.TimeoutException {
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
                    .partitionResult(tp).get(10, TimeUnit.SECONDS).offset();
        }
    }

    /** Where a writer's transactions spend their time, logged every 10 s while it is busy. */
    private final class TransactionStats {
        private long windowStart = System.nanoTime();
        private long transactions;
        private long commands;
        private final long[] phaseNanos = new long[6];

        void record(int batchSize, long... marks) {
            transactions++;
            commands += batchSize;
            for (int i = 0; i < phaseNanos.length; i++) {
                phaseNanos[i] += marks[i + 1] - marks[i];
            }
            long now = marks[marks.length - 1];
            if (now - windowStart >= TimeUnit.SECONDS.toNanos(10)) {
                LOG.infof("%s writer: %d transactions, %.1f commands each; mean ms per transaction: decide+send %.2f,"
                                + " flush %.2f, replies %.2f, offsets %.2f, commit %.2f, state and local answers %.2f",
                        settings.commandsTopic(), transactions, (double) commands / transactions,
                        ms(phaseNanos[0]), ms(phaseNanos[1]), ms(phaseNanos[2]), ms(phaseNanos[3]), ms(phaseNanos[4]),
                        ms(phaseNanos[5]));
                windowStart = now;
                transactions = 0;
                commands = 0;
                java.util.Arrays.fill(phaseNanos, 0);
            }
        }

        private double ms(long nanos) {
            return nanos / 1e6 / transactions;
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

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the writer has joined its group and rebuilt its partitions. */
    boolean hasJoined() {
        return joined;
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
