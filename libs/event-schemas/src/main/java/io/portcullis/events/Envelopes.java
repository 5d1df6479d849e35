package io.portcullis.events;

import org.apache.avro.specific.SpecificRecord;

/** The envelope every Portcullis event carries as its first field, {@code envelope}, whatever the event's type. */
public final class Envelopes {

    private Envelopes() {
    }

    public static EventEnvelope of(SpecificRecord event) {
        return (EventEnvelope) event.get(event.getSchema().getField("envelope").pos());
    }
}
