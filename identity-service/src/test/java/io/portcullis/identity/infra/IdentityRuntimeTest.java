package io.portcullis.identity.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.decider.Decision;
import io.portcullis.identity.domain.Holdings;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.IdentityState;
import io.portcullis.runtime.avro.RecordEventCodec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityRuntimeTest {

    private static final AccountId ACCOUNT = new AccountId("210987654321");
    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");

    @Test
    void addressesEveryCommandToItsAccount() {
        // Given
        var model = IdentityRuntime.model(5000);

        // When
        AccountId key = new IdentityCommand.DeleteUser(ACCOUNT, "alice").accountId();

        // Then
        assertThat(key.value()).isEqualTo("210987654321");
        assertThat(model.service()).isEqualTo(OwningService.IDENTITY);
        assertThat(model.service().serviceName()).isEqualTo("identity-service");
        assertThat(model.commandType()).isEqualTo(IdentityCommand.class);
        assertThat(model.events()).isInstanceOf(RecordEventCodec.class);
    }

    @Test
    void decidesWithTheConfiguredUsersPerAccountQuota() {
        // Given
        var model = IdentityRuntime.model(1);
        IdentityState oneUser = model.decider().evolve(model.decider().initialState(), new IdentityEvent.UserCreated(ACCOUNT,
                "AIDAAAAAAAAAAAAAAAAAA", "alice", "/", ACCOUNT.userArn("/", "alice"), NOW, List.of(), null));

        // When
        Decision<IdentityEvent> decision = model.decider().decide(
                new IdentityCommand.CreateUser(ACCOUNT, "bob", null, null, "AIDABBBBBBBBBBBBBBBBB", NOW), oneUser, Holdings.none());

        // Then
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class,
                rejected -> assertThat(rejected.rejection().code()).isEqualTo(IamErrorCode.LIMIT_EXCEEDED));
    }
}
