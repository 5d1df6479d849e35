package io.portcullis.testkit;

import io.portcullis.events.topics.Topic;
import java.util.Arrays;

/**
 * The JVM's real broker and registry together, with every Portcullis topic created as production
 * creates it (at replication factor 1: there is one broker).
 */
public final class RealParts {

    private static boolean topicsCreated;

    private RealParts() {
    }

    public static synchronized KafkaTestBroker broker() {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        if (!topicsCreated) {
            broker.createTopics(Arrays.stream(Topic.values()).map(t -> t.spec(1)).toList());
            topicsCreated = true;
        }
        return broker;
    }

    public static RegistryTestServer registry() {
        return RegistryTestServer.shared();
    }
}
