package io.portcullis.identity.api;

import io.portcullis.runtime.avro.EventSchemasDatumProvider;
import io.portcullis.testkit.CommittedRecords;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        return records(bootstrapServers, registryUrl).stream().map(ConsumerRecord::value).toList();
    }

    /** Every committed event record (with its headers), from the beginning up to the end as of this call (in a Quarkus test). */
    static List<ConsumerRecord<String, SpecificRecord>> records() {
        var config = ConfigProvider.getConfig();
        return records(config.getValue("kafka.bootstrap.servers", String.class), config.getValue("portcullis.registry.url", String.class));
    }

    private static List<ConsumerRecord<String, SpecificRecord>> records(String bootstrapServers, String registryUrl) {
        return CommittedRecords.<SpecificRecord>of(TOPIC, Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.apicurio.registry.serde.avro.AvroKafkaDeserializer",
                        "apicurio.registry.url", registryUrl,
                        "apicurio.registry.use-specific-avro-reader", "true",
                        // The event classes as the service reads them, whatever class loader the test runs in.
                        "apicurio.registry.avro-datum-provider", EventSchemasDatumProvider.class));
    }
}
