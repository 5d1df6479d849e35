package io.portcullis.testkit;

import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.api.TerminationStyle;
import io.kroxylicious.testing.kafka.common.KafkaClusterConfig;
import io.kroxylicious.testing.kafka.common.KafkaClusterExecutionMode;
import io.kroxylicious.testing.kafka.common.KafkaClusterFactory;
import io.portcullis.events.topics.TopicProvisioning;
import io.portcullis.events.topics.TopicSpec;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node KRaft Kafka broker, one per test JVM.
 *
 * <p>Without a container engine the broker runs inside the test JVM (Kroxylicious' in-VM cluster,
 * the real Kafka server classes); with one it runs in a container through Testcontainers. Kroxylicious
 * itself sets the single-node values that consumer groups and transactions need (replication factor
 * and minimum ISR 1 for the internal topics, no initial rebalance delay) and refuses to have them set again.
 */
public final class KafkaTestBroker {

    private static KafkaTestBroker shared;

    private final KafkaCluster cluster;

    private KafkaTestBroker(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    /** The JVM's broker, started on first use and stopped when the JVM exits. */
    public static synchronized KafkaTestBroker shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-test-broker-stop"));
        }
        return shared;
    }

    private static KafkaTestBroker start() {
        KafkaClusterExecutionMode mode = ContainerEngine.available()
                ? KafkaClusterExecutionMode.CONTAINER
                : KafkaClusterExecutionMode.IN_VM;
        long started = System.nanoTime();
        KafkaCluster cluster = KafkaClusterFactory.create(KafkaClusterConfig.builder()
                .execMode(mode)
                .kraftMode(true)
                .brokersNum(1)
                .brokerConfig("auto.create.topics.enable", "false")
                .brokerConfig("num.network.threads", "2")
                .brokerConfig("num.io.threads", "2")
                .brokerConfig("log.cleaner.dedupe.buffer.size", "4194304")
                // As deployed: a dead command writer's open transaction is aborted within a second of expiring.
                .brokerConfig("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000")
                .build());
        cluster.start();
        TestKitLog.info("Kafka broker (KRaft, %s) started in %d ms at %s",
                mode, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), cluster.getBootstrapServers());
        return new KafkaTestBroker(cluster);
    }

    public String bootstrapServers() {
        return cluster.getBootstrapServers();
    }

    /** Creates the topics with their real configuration; topics that already exist are left alone. */
    public void createTopics(Collection<TopicSpec> topics) {
        try (Admin admin = admin()) {
            TopicProvisioning.createMissing(admin, topics, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + names(topics), e);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Stops the broker abruptly, as a crash would; {@link #restart()} brings it back on the same port with its data. */
    public void kill() {
        cluster.stopNodes(node -> true, TerminationStyle.ABRUPT);
        TestKitLog.info("Kafka broker stopped");
    }

    public void restart() {
        cluster.startNodes(node -> true);
        TestKitLog.info("Kafka broker restarted at %s", bootstrapServers());
    }

    private void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            TestKitLog.info("Kafka broker did not stop cleanly: %s", e);
        }
    }

    private static Set<String> names(Collection<TopicSpec> topics) {
        return topics.stream().map(TopicSpec::name).collect(Collectors.toSet());
    }
}
