package io.portcullis.policy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.events.EventEnvelope;
import io.portcullis.events.identity.GroupDeleted;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.events.identity.UserDeleted;
import io.portcullis.events.identity.UserUpdated;
import io.portcullis.iam.AccountId;
import io.portcullis.policy.domain.PolicyCommand;
import io.portcullis.policy.domain.PolicyEvent;
import io.portcullis.runtime.avro.EventCodec;
import io.portcullis.testkit.EventRoundTrip;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PolicyRuntimeTest {

    private static final EventEnvelope ENVELOPE = EventRoundTrip.envelope("UserDeleted");

    private final EventCodec<PolicyEvent> codec = PolicyRuntime.model().events();

    @TestFactory
    Stream<DynamicTest> roundTripsEveryPolicyEventThroughAvroBytes() {
        return EventRoundTrip.everyEvent(PolicyEvent.class, "io.portcullis.events.policy", codec::toAvro, codec::fromAvro);
    }

    @Test
    void forgetsTheUserIdentityServiceDeleted() {
        // When
        var command = PolicyRuntime.whenIdentityChanges(new UserDeleted(ENVELOPE, "AIDABOBBOBBOBBOBBOBBO", "Bob"));

        // Then
        assertThat(command).contains(new PolicyCommand.ForgetUser(new AccountId("123456789012"), "AIDABOBBOBBOBBOBBOBBO"));
    }

    @Test
    void forgetsTheGroupIdentityServiceDeleted() {
        // When
        var command = PolicyRuntime.whenIdentityChanges(new GroupDeleted(ENVELOPE, "AGPADEVSDEVSDEVSDEVSD", "Devs"));

        // Then
        assertThat(command).contains(new PolicyCommand.ForgetGroup(new AccountId("123456789012"), "AGPADEVSDEVSDEVSDEVSD"));
    }

    @Test
    void recordsTheBoundaryAUserWasCreatedWith() {
        // When
        var command = PolicyRuntime.whenIdentityChanges(new UserCreated(ENVELOPE, "AIDABOBBOBBOBBOBBOBBO", "Bob", "/",
                "arn:aws:iam::123456789012:user/Bob", Instant.EPOCH, List.of(), "arn:aws:iam::aws:policy/ReadOnlyAccess"));

        // Then
        assertThat(command).contains(new PolicyCommand.SetCreationBoundary(new AccountId("123456789012"), "AIDABOBBOBBOBBOBBOBBO",
                "arn:aws:iam::aws:policy/ReadOnlyAccess"));
    }

    @Test
    void aUserCreatedWithoutABoundaryAndOtherIdentityEventsNeedNothing() {
        // When
        var command = PolicyRuntime.whenIdentityChanges(new UserCreated(ENVELOPE, "AIDABOBBOBBOBBOBBOBBO", "Bob", "/",
                "arn:aws:iam::123456789012:user/Bob", Instant.EPOCH, List.of(), null));

        // Then
        assertThat(command).isEmpty();
        assertThat(PolicyRuntime.whenIdentityChanges(new UserUpdated(ENVELOPE, "AIDABOBBOBBOBBOBBOBBO", "Bob", "Robert", "/", "/",
                "arn:aws:iam::123456789012:user/Robert"))).isEmpty();
    }
}
