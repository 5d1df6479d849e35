package io.portcullis.credential.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.credential.domain.CredentialCommand;
import io.portcullis.credential.domain.CredentialEvent;
import io.portcullis.events.identity.GroupDeleted;
import io.portcullis.events.identity.UserDeleted;
import io.portcullis.iam.AccountId;
import io.portcullis.runtime.avro.EventCodec;
import io.portcullis.testkit.EventRoundTrip;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CredentialRuntimeTest {

    private final EventCodec<CredentialEvent> codec = CredentialRuntime.model().events();

    @TestFactory
    Stream<DynamicTest> roundTripsEveryCredentialEventThroughAvroBytes() {
        return EventRoundTrip.everyEvent(CredentialEvent.class, "io.portcullis.events.credential", codec::toAvro, codec::fromAvro);
    }

    @Test
    void deletesTheKeysOfTheUserIdentityServiceDeletedAndIgnoresTheRest() {
        assertThat(CredentialRuntime.whenIdentityChanges(new UserDeleted(EventRoundTrip.envelope("UserDeleted"), "AIDABOBBOBBOBBOBBOBBO", "Bob")))
                .contains(new CredentialCommand.ForgetUser(new AccountId("123456789012"), "AIDABOBBOBBOBBOBBOBBO"));
        assertThat(CredentialRuntime.whenIdentityChanges(new GroupDeleted(EventRoundTrip.envelope("GroupDeleted"), "AGPADEVSDEVSDEVSDEVSD",
                "Devs"))).isEmpty();
    }
}
