package io.portcullis.runtime.avro;

import io.portcullis.events.EventEnvelope;
import org.apache.avro.specific.SpecificRecord;

/**
 * Maps a service's domain events to the generated Avro records on its event topic and back. Avro
 * classes stay at this edge; the domain never sees them. {@link RecordEventCodec} does it by name for
 * every service.
 */
public interface EventCodec<E> {

    /** The sealed event interface. */
    Class<E> eventType();

    /** The Avro record for a domain event, carrying the given envelope as its {@code envelope} field. */
    SpecificRecord toAvro(E event, EventEnvelope envelope);

    /** The domain event an Avro record carries. */
    E fromAvro(SpecificRecord record);
}
