package io.portcullis.runtime.command;

import io.portcullis.runtime.failure.Failures;
import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A thread that runs one session after another until it is closed. A session opens its Kafka clients,
 * works until something fails or the loop closes, and closes them; after a failure the next session starts
 * a second later, so a lost broker or registry is waited out and nothing half-done outlives its session.
 * The partition writer and the reaction runner are such loops.
 */
final class SessionLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SessionLoop.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    /** One session: works while the loop {@link #isRunning()}, and tells it the consumer it polls so closing can wake it. */
    interface Session {
        void run(SessionLoop loop) throws Exception;
    }

    private final String name;
    private final Session session;
    private final Runnable afterFailure;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<?, ?> consumer;
    /** True while a session polls; false between a failure and the next session. */
    private volatile boolean inSession;

    /**
     * Starts the loop's thread.
     *
     * @param afterFailure forgets what the failed session built (run on the loop's thread before the pause)
     */
    SessionLoop(String name, ClassLoader contextClassLoader, Session session, Runnable afterFailure) {
        this.name = name;
        this.session = session;
        this.afterFailure = afterFailure;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        // Avro's specific reader loads event classes through the context class loader.
        this.thread.setContextClassLoader(contextClassLoader);
        this.thread.start();
    }

    boolean isRunning() {
        return running;
    }

    /** True while a session polls (not while it waits to start again after a failure). */
    boolean inSession() {
        return inSession;
    }

    /** The consumer the current session polls: closing the loop wakes it. */
    void polling(KafkaConsumer<?, ?> current) {
        this.consumer = current;
        this.inSession = true;
    }

    private void run() {
        while (running) {
            try {
                session.run(this);
            } catch (WakeupException stopping) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s: session ended (%s, caused by %s); starting a new one in %d s", name, e.toString(),
                        Failures.rootCause(e).toString(), PAUSE_AFTER_FAILURE.toSeconds());
                afterFailure.run();
                pause(PAUSE_AFTER_FAILURE);
            } finally {
                consumer = null;
                inSession = false;
            }
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<?, ?> current = consumer;
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
