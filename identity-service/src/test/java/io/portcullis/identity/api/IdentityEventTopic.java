package io.portcullis.identity.api;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.portcullis.runtime.command.EventSchemasDatumProvider;
import org.eclipse.microprofile.config.ConfigProvider;

/** What identity-service actually committed to {@value #TOPIC}, read as an auditor would (Avro from the registry). */
final class IdentityEventTopic {

    static final String TOPIC = "portcullis.identity.events";

    private IdentityEventTopic() {
    }

    /** Every committed event on the topic, from the beginning up to its end as of this call (in a Quarkus test). */
    static List<SpecificRecord> readAll() {
        var config = ConfigProvider.getConfig();
        return readAll(config.getValue("kafka.bootstrap.servers", String.class), config.getValue("portcullis.registry.url", String.class));
    }

    /** Every committed event on the topic of the given broker, from the beginning up to its end as of this call. */
    static List<SpecificRecord> readAll(String bootstrapServers, String registryUrl) {
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers, registryUrl))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<SpecificRecord> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(record.value());
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return events;
        }
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers, String registryUrl) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "identity-api-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.apicurio.registry.serde.avro.AvroKafkaDeserializer",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.use-specific-avro-reader", "true",
                // The event classes as the service reads them, whatever class loader the test runs in.
                "apicurio.registry.avro-datum-provider", EventSchemasDatumProvider.class);
    }
}
