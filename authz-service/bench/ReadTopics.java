import io.portcullis.events.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The raw read rate of the event topics: every partition of the four event topics read from the beginning to their
 * committed end as bytes, with the consumer settings authz-service's feeder uses (no group, {@code read_committed},
 * 2,000 records a poll) and nothing done with the records. The ceiling a rebuild of the model is compared with.
 * Prints one line: {@code raw read: N events in S s (R events/s)}, and {@code end offsets: N} (their sum) first.
 *
 * <pre>
 * java -cp "authz-service/target/quarkus-app/lib/main/*" authz-service/bench/ReadTopics.java [--bootstrap 127.0.0.1:9092]
 * </pre>
 */
public final class ReadTopics {

    public static void main(String[] args) {
        String bootstrap = args.length >= 2 && args[0].equals("--bootstrap") ? args[1] : "127.0.0.1:9092";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, "authz-bench-raw-read",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(10));
            for (Topic topic : Topic.eventTopics()) {
                existing.getOrDefault(topic.topicName(), List.of()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            System.out.printf("end offsets: %d%n", ends.values().stream().mapToLong(Long::longValue).sum());
            long started = System.nanoTime();
            long records = 0;
            long bytes = 0;
            ends.values().removeIf(end -> end == 0);
            while (!ends.isEmpty()) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(500));
                records += polled.count();
                for (var record : polled) {
                    bytes += record.serializedValueSize();
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("raw read: %d events (%,d MB of values) in %.1f s (%,.0f events/s)%n", records, bytes >> 20, seconds,
                    records / seconds);
        }
    }
}
