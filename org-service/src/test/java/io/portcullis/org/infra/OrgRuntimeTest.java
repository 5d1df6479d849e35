package io.portcullis.org.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.org.domain.OrgCommand;
import io.portcullis.org.domain.OrgEvent;
import io.portcullis.org.domain.OrgIds;
import io.portcullis.org.domain.OrgQuotas;
import io.portcullis.runtime.avro.EventCodec;
import io.portcullis.testkit.EventRoundTrip;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class OrgRuntimeTest {

    private final EventCodec<OrgEvent> codec = OrgRuntime.model(OrgQuotas.aws()).events();

    @TestFactory
    Stream<DynamicTest> roundTripsEveryOrgEventThroughAvroBytes() {
        return EventRoundTrip.everyEvent(OrgEvent.class, "io.portcullis.events.org", codec::toAvro, codec::fromAvro);
    }

    @Test
    void everyCommandGoesToTheOneAggregate() {
        assertThat(new OrgCommand.LeaveOrganization("123456789012").accountId()).isEqualTo(OrgIds.AGGREGATE);
    }
}
