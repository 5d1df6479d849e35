package io.portcullis.identity.infra;

import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.runtime.avro.EventCodec;
import io.portcullis.testkit.EventRoundTrip;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class IdentityEventCodecTest {

    private final EventCodec<IdentityEvent> codec = IdentityRuntime.model(5000).events();

    @TestFactory
    Stream<DynamicTest> roundTripsEveryIdentityEventThroughAvroBytes() {
        return EventRoundTrip.everyEvent(IdentityEvent.class, "io.portcullis.events.identity", codec::toAvro, codec::fromAvro);
    }
}
