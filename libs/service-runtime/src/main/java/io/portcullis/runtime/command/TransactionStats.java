package io.portcullis.runtime.command;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Where a writer's transactions spend their time, logged every 10 s while it is busy. */
final class TransactionStats {

    private static final Logger LOG = Logger.getLogger(TransactionStats.class);

    private final String commandsTopic;
    private long windowStart = System.nanoTime();
    private long transactions;
    private long commands;
    private final long[] phaseNanos = new long[6];

    TransactionStats(String commandsTopic) {
        this.commandsTopic = commandsTopic;
    }

    /** One transaction: its size and the moments it started, decided, flushed, replied, sent offsets, committed, answered. */
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
                    commandsTopic, transactions, (double) commands / transactions,
                    ms(phaseNanos[0]), ms(phaseNanos[1]), ms(phaseNanos[2]), ms(phaseNanos[3]), ms(phaseNanos[4]),
                    ms(phaseNanos[5]));
            windowStart = now;
            transactions = 0;
            commands = 0;
            Arrays.fill(phaseNanos, 0);
        }
    }

    private double ms(long nanos) {
        return nanos / 1e6 / transactions;
    }
}
