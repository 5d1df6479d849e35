package io.portcullis.system;

import io.portcullis.events.topics.Topic;
import io.portcullis.testkit.CommittedRecords;
import io.portcullis.testkit.RealParts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The committed events of some accounts on a service's event topic, read as an auditor reads them (Avro, via the registry). */
final class CommittedEvents {

    private CommittedEvents() {
    }

    static List<SpecificRecord> of(Topic topic, Set<String> accounts) {
        return CommittedRecords.<SpecificRecord>of(topic.topicName(), Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealParts.broker().bootstrapServers(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.apicurio.registry.serde.avro.AvroKafkaDeserializer",
                        "apicurio.registry.url", RealParts.registry().apiUrl(),
                        "apicurio.registry.use-specific-avro-reader", "true"))
                .stream().filter(record -> accounts.contains(record.key())).map(ConsumerRecord::value).toList();
    }
}
