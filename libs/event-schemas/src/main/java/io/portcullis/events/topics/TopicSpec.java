package io.portcullis.events.topics;

import java.util.Map;
import java.util.Objects;

/** A topic as it must exist on the broker: name, partitions, replication factor and configuration. */
public record TopicSpec(String name, int partitions, int replicationFactor, Map<String, String> config) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be positive: " + replicationFactor);
        }
        config = Map.copyOf(config);
    }
}
