package io.portcullis.runtime.command;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
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
 * events itself instead of giving the producer an Avro value serializer.
 */
final class EventAvro<E> implements AutoCloseable {

    private final EventCodec<E> codec;
    private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
    private final AvroKafkaDeserializer<SpecificRecord> deserializer = new AvroKafkaDeserializer<>();

    EventAvro(EventCodec<E> codec, String registryUrl) {
        this.codec = codec;
        Map<String, Object> config = Map.of(
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", "true",
                "apicurio.registry.artifact-resolver-strategy", "io.apicurio.registry.serde.avro.strategy.RecordIdStrategy",
                "apicurio.registry.use-specific-avro-reader", "true",
                "apicurio.registry.avro-datum-provider", EventSchemasDatumProvider.class);
        serializer.configure(config, false);
        deserializer.configure(config, false);
    }

    byte[] serialize(String topic, Headers headers, E event, EventEnvelope envelope) {
        return serializer.serialize(topic, headers, codec.toAvro(event, envelope));
    }

    /** An event as read back: its envelope and its domain payload. */
    record Read<E>(EventEnvelope envelope, E event) {
    }

    Read<E> deserialize(String topic, Headers headers, byte[] value) {
        SpecificRecord record = deserializer.deserialize(topic, headers, value);
        EventEnvelope envelope = (EventEnvelope) record.get(record.getSchema().getField("envelope").pos());
        return new Read<>(envelope, codec.fromAvro(record));
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
