package io.portcullis.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.runtime.api.TagEntry;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request bodies and parameters become commands and list requests unchanged; the domain judges them. */
class RequestMappingTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05.678Z");

    @Test
    void createUserBodyBecomesACreateUserCommandWithTheEdgesIdAndTime() {
        // Given
        CreateUserRequest body = new CreateUserRequest("Alice", "/eng/", List.of(new TagEntry("team", "blue")),
                "arn:aws:iam::123456789012:policy/Boundary");

        // When
        IdentityCommand.CreateUser command = body.toCommand(ACCOUNT, "AIDAABCDEFGHIJKLMNOPQ", NOW);

        // Then
        assertThat(command).isEqualTo(new IdentityCommand.CreateUser(ACCOUNT, "Alice", "/eng/",
                List.of(new Tag("team", "blue")), "AIDAABCDEFGHIJKLMNOPQ", NOW, "arn:aws:iam::123456789012:policy/Boundary"));
        assertThat(command.validate()).isEmpty();
    }

    @Test
    void emptyCreateUserBodyIsRefusedByTheDomainForTheMissingName() {
        // When
        IdentityCommand.CreateUser command = CreateUserRequest.NONE.toCommand(ACCOUNT, "AIDAABCDEFGHIJKLMNOPQ", NOW);

        // Then
        assertThat(command.validate()).hasValueSatisfying(rejection -> {
            assertThat(rejection.code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
            assertThat(rejection.message()).contains("'userName'");
        });
    }

    @Test
    void aNullTagEntryIsReportedByTheDomainAsAMissingKey() {
        // Given
        TagUserRequest body = new TagUserRequest(Arrays.asList(new TagEntry("a", "1"), null));

        // When
        IdentityCommand.TagUser command = body.toCommand(ACCOUNT, "alice");

        // Then
        assertThat(command.validate()).hasValueSatisfying(rejection ->
                assertThat(rejection.message()).contains("tags.2.member.key"));
    }

    @Test
    void updateUserBodyLeavesAbsentPartsNull() {
        // Given
        UpdateUserRequest body = new UpdateUserRequest("Bob", null);

        // When
        IdentityCommand.UpdateUser command = body.toCommand(ACCOUNT, "alice");

        // Then
        assertThat(command).isEqualTo(new IdentityCommand.UpdateUser(ACCOUNT, "alice", "Bob", null));
        assertThat(body.nameAfter("alice")).isEqualTo("Bob");
        assertThat(UpdateUserRequest.NONE.nameAfter("alice")).isEqualTo("alice");
    }

    @Test
    void createGroupBodyBecomesACreateGroupCommand() {
        // When
        IdentityCommand.CreateGroup command = new CreateGroupRequest("Admins", null).toCommand(ACCOUNT, "AGPAABCDEFGHIJKLMNOPQ", NOW);

        // Then
        assertThat(command).isEqualTo(new IdentityCommand.CreateGroup(ACCOUNT, "Admins", "/", "AGPAABCDEFGHIJKLMNOPQ", NOW));
    }
}
