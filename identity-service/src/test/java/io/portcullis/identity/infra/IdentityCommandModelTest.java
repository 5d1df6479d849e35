package io.portcullis.identity.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.identity.domain.AccountId;
import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.IdentityState;
import io.portcullis.runtime.domain.Decision;
import io.portcullis.runtime.domain.IamErrorCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityCommandModelTest {

    private static final AccountId ACCOUNT = new AccountId("210987654321");
    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");

    @Test
    void addressesEveryCommandToItsAccount() {
        // Given
        IdentityCommandModel model = new IdentityCommandModel(5000);

        // When
        String key = model.accountIdOf(new IdentityCommand.DeleteUser(ACCOUNT, "alice"));

        // Then
        assertThat(key).isEqualTo("210987654321");
        assertThat(model.serviceName()).isEqualTo("identity-service");
        assertThat(model.commandType()).isEqualTo(IdentityCommand.class);
        assertThat(model.events()).isInstanceOf(IdentityEventCodec.class);
    }

    @Test
    void decidesWithTheConfiguredUsersPerAccountQuota() {
        // Given
        IdentityCommandModel model = new IdentityCommandModel(1);
        IdentityState oneUser = model.decider().evolve(model.decider().initialState(), new IdentityEvent.UserCreated(ACCOUNT,
                "AIDAAAAAAAAAAAAAAAAAA", "alice", "/", ACCOUNT.userArn("/", "alice"), NOW, List.of()));

        // When
        Decision<IdentityEvent> decision = model.decider().decide(
                new IdentityCommand.CreateUser(ACCOUNT, "bob", null, null, "AIDABBBBBBBBBBBBBBBBB", NOW), oneUser);

        // Then
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class,
                rejected -> assertThat(rejected.rejection().code()).isEqualTo(IamErrorCode.LIMIT_EXCEEDED));
    }
}
