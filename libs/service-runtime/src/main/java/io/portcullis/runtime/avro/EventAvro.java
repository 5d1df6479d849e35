package io.portcullis.runtime.avro;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.portcullis.events.Envelopes;
import io.portcullis.events.EventEnvelope;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Events to and from the bytes on an event topic, through Apicurio Registry: the serializer registers
 * each event type on first use (artifact named by record, in its service's group) and writes the
 * schema's id into the payload; the deserializer fetches the schema by that id.
 *
 * <p>The runtime writes events and JSON replies with one transactional producer, so it serializes
 * events itself instead of giving the producer an Avro value serializer. One instance per thread that
 * uses it (the writer, each projection), as each held its own before.
 */
public final class EventAvro implements AutoCloseable {

    private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
    private final AvroKafkaDeserializer<SpecificRecord> deserializer = new AvroKafkaDeserializer<>();

    public EventAvro(String registryUrl) {
        Map<String, Object> config = Map.of(
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", "true",
                "apicurio.registry.artifact-resolver-strategy", "io.apicurio.registry.serde.avro.strategy.RecordIdStrategy",
                "apicurio.registry.use-specific-avro-reader", "true",
                "apicurio.registry.avro-datum-provider", EventSchemasDatumProvider.class);
        serializer.configure(config, false);
        deserializer.configure(config, false);
    }

    public byte[] serialize(String topic, Headers headers, SpecificRecord event) {
        return serializer.serialize(topic, headers, event);
    }

    public SpecificRecord deserialize(String topic, Headers headers, byte[] value) {
        return deserializer.deserialize(topic, headers, value);
    }

    /** The envelope every Portcullis event carries as its {@code envelope} field. */
    public static EventEnvelope envelopeOf(SpecificRecord event) {
        return Envelopes.of(event);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
