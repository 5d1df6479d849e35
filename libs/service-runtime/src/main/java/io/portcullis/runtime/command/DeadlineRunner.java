package io.portcullis.runtime.command;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.runtime.projection.EventProjection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import io.portcullis.iam.access.SuitePrincipals;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Meets a service's {@link Deadlines}: every interval, for each account of the command partitions this instance's
 * writer owns, asks what is due and sends it through the gateway, then waits for those answers before it looks
 * again, so a slow writer is never sent the same deadline twice by one instance. A failed send is looked at
 * again at the next interval.
 */
final class DeadlineRunner<C extends AccountCommand, S> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeadlineRunner.class);

    private final Deadlines<C, S> deadlines;
    private final Supplier<Set<Integer>> ownedPartitions;
    private final EventProjection<S, ?> projection;
    private final CommandGateway<C, ?> gateway;
    private final String actor;
    private final long answerTimeoutMillis;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    DeadlineRunner(Deadlines<C, S> deadlines, Supplier<Set<Integer>> ownedPartitions, EventProjection<S, ?> projection,
                   CommandGateway<C, ?> gateway, CommandRuntimeSettings settings, Clock clock) {
        this.deadlines = deadlines;
        this.ownedPartitions = ownedPartitions;
        this.projection = projection;
        this.gateway = gateway;
        this.actor = SuitePrincipals.of(settings.service().serviceName());
        this.answerTimeoutMillis = settings.requestTimeout().toMillis() * 2;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, settings.service().serviceName() + "-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        long every = deadlines.every().toMillis();
        timer.scheduleWithFixedDelay(this::lookSafely, every, every, TimeUnit.MILLISECONDS);
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            // The timer must survive: the next look tries again.
            LOG.warnf("Looking for due deadlines failed: %s", e.toString());
        }
    }

    /** Sends what is due now and waits for the answers; visible for tests of the runtime. */
    void look() {
        Set<Integer> owned = ownedPartitions.get();
        if (owned.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (String accountId : projection.accounts()) {
            AccountId account = new AccountId(accountId);
            if (!owned.contains(EventProjection.partitionOf(account))) {
                continue;
            }
            Optional<C> command = deadlines.due().at(account, projection.view(account), now);
            command.ifPresent(c -> sent.add(gateway.send(account, c, new CommandMetadata(actor, UUID.randomUUID().toString(), null, null))
                    .toCompletableFuture()
                    .exceptionally(failure -> {
                        LOG.warnf("A due %s for account %s was not taken (%s); looking again at the next interval",
                                c.getClass().getSimpleName(), accountId, failure.toString());
                        return null;
                    })));
        }
        if (!sent.isEmpty()) {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).completeOnTimeout(null, answerTimeoutMillis, TimeUnit.MILLISECONDS)
                    .join();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
