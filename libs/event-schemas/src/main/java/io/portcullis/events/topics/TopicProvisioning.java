package io.portcullis.events.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates catalogue topics on a broker: the one way services, the test kit and tools create them. */
public final class TopicProvisioning {

    private TopicProvisioning() {
    }

    /**
     * Creates each topic that does not exist yet with its partitions, replication factor and
     * configuration; a topic that already exists is left alone (its configuration is not changed).
     */
    public static void createMissing(Admin admin, Collection<TopicSpec> topics, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        var results = admin.createTopics(topics.stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), (short) t.replicationFactor()).configs(t.config()))
                .toList()).values();
        for (var result : results.values()) {
            try {
                result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
