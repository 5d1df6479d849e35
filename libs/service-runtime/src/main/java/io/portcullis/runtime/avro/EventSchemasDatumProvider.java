package io.portcullis.runtime.avro;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import io.portcullis.events.EventEnvelope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads events into the classes generated from {@code event-schemas}, found through that jar's own
 * class loader.
 *
 * <p>Apicurio's default specific reader asks Avro's JVM-wide {@code SpecificData} to find a class by
 * name; that instance searches its own class loader (then the thread's) and caches a miss for the
 * life of the JVM. Under Quarkus' class loading (tests, dev mode) it did not see the event classes,
 * and every event was unreadable. Here the loader is the one that holds the schemas, always.
 *
 * <p>Readers and writers are made once per schema and shared (Avro's datum readers and writers are
 * safe to share between threads): a new reader per event rebuilt Avro's resolving reader, comparing
 * whole schemas, for every event folded; the default provider looks its writers up by the schema's
 * canonical fingerprint, recomputed for every event written.
 */
public final class EventSchemasDatumProvider extends DefaultAvroDatumProvider<SpecificRecord> {

    private static final SpecificData EVENT_SCHEMAS = eventSchemas();
    /** By the registry's writer schema, which the deserializer parses once per schema id and then reuses. */
    private final Map<Schema, DatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();

    public EventSchemasDatumProvider() {
        super(true);
    }

    /** Avro's datum writers keep no per-record state, so one per schema serves every thread. */
    @Override
    public DatumWriter<SpecificRecord> createDatumWriter(SpecificRecord data, Schema schema) {
        return writers.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, EVENT_SCHEMAS));
    }

    @Override
    public DatumReader<SpecificRecord> createDatumReader(Schema writerSchema) {
        return readers.computeIfAbsent(writerSchema, EventSchemasDatumProvider::newReader);
    }

    private static DatumReader<SpecificRecord> newReader(Schema writerSchema) {
        Class<?> type = EVENT_SCHEMAS.getClass(writerSchema);
        if (type == null) {
            throw new IllegalStateException("No generated event class for " + writerSchema.getFullName() + " in event-schemas");
        }
        return new SpecificDatumReader<>(writerSchema, EVENT_SCHEMAS.getSchema(type), EVENT_SCHEMAS);
    }

    private static SpecificData eventSchemas() {
        SpecificData data = new SpecificData(EventEnvelope.class.getClassLoader());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        return data;
    }
}
