package io.portcullis.runtime.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.portcullis.iam.error.IamErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a partition writer reports, under {@code portcullis_} and tagged with the service (never with an
 * account or a name): every decided command by type and outcome, replays, poison commands, where its
 * transactions spend their time, how many commands they carry, the partitions it owns, and how fast it rebuilds.
 */
final class WriterMeters {

    /** The phases of one transaction, as the writer's 10 s log line names them. */
    static final String[] PHASES = {"decide", "flush", "replies", "offsets", "commit", "answer"};

    private final MeterRegistry registry;
    private final String service;
    private final Map<String, Counter> commands = new ConcurrentHashMap<>();
    private final Counter poison;
    private final Timer[] phases = new Timer[PHASES.length];
    private final DistributionSummary commandsPerTransaction;
    private final Timer rebuild;
    private final Counter rebuiltEvents;
    private final AtomicLong lastRebuildEventsPerSecond = new AtomicLong();
    private final AtomicInteger writing = new AtomicInteger();
    private final AtomicInteger rebuilding = new AtomicInteger();

    WriterMeters(MeterRegistry registry, String service) {
        this.registry = registry;
        this.service = service;
        this.poison = Counter.builder("portcullis.commands.poison")
                .description("Command records that could never be processed: answered InternalFailure and skipped")
                .tag("service", service).register(registry);
        for (int i = 0; i < PHASES.length; i++) {
            phases[i] = Timer.builder("portcullis.writer.transaction.phase")
                    .description("Time a writer's transactions spend in each phase")
                    .tag("service", service).tag("phase", PHASES[i]).register(registry);
        }
        this.commandsPerTransaction = DistributionSummary.builder("portcullis.writer.transaction.commands")
                .description("Commands decided in one transaction").tag("service", service).register(registry);
        this.rebuild = Timer.builder("portcullis.writer.rebuild")
                .description("Rebuilding newly owned partitions from the event topic").tag("service", service).register(registry);
        this.rebuiltEvents = Counter.builder("portcullis.writer.rebuild.events")
                .description("Events folded to rebuild newly owned partitions").tag("service", service).register(registry);
        Gauge.builder("portcullis.writer.partitions", writing, AtomicInteger::get)
                .description("Command partitions this instance owns, by whether it writes them or still rebuilds their state")
                .tag("service", service).tag("state", "writing").register(registry);
        Gauge.builder("portcullis.writer.partitions", rebuilding, AtomicInteger::get)
                .description("Command partitions this instance owns, by whether it writes them or still rebuilds their state")
                .tag("service", service).tag("state", "rebuilding").register(registry);
        Gauge.builder("portcullis.writer.rebuild.events.per.second", lastRebuildEventsPerSecond, AtomicLong::get)
                .description("Events per second of the last rebuild").tag("service", service).register(registry);
    }

    /** A command decided (or answered from its key): {@code outcome} accepted, rejected or replayed. */
    void decided(String command, String outcome, IamErrorCode code) {
        String codeName = code == null ? "none" : code.code();
        commands.computeIfAbsent(command + '/' + outcome + '/' + codeName, key -> Counter.builder("portcullis.commands")
                .description("Commands decided, by type, outcome (accepted, rejected, replayed) and error code")
                .tag("service", service).tag("command", command).tag("outcome", outcome).tag("code", codeName)
                .register(registry)).increment();
    }

    void poison() {
        poison.increment();
    }

    /** One transaction: its size and the moments it started, decided, flushed, replied, sent offsets, committed, answered. */
    void transaction(int batchSize, long... marks) {
        commandsPerTransaction.record(batchSize);
        for (int i = 0; i < phases.length; i++) {
            phases[i].record(marks[i + 1] - marks[i], TimeUnit.NANOSECONDS);
        }
    }

    /** The partitions this instance owns now. */
    void owned(int writingPartitions, int rebuildingPartitions) {
        writing.set(writingPartitions);
        rebuilding.set(rebuildingPartitions);
    }

    void rebuilt(long events, long nanos) {
        rebuild.record(nanos, TimeUnit.NANOSECONDS);
        rebuiltEvents.increment(events);
        lastRebuildEventsPerSecond.set(nanos <= 0 ? 0 : events * 1_000_000_000L / nanos);
    }
}
