package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.T0;
import static io.portcullis.identity.domain.Fixtures.groupCreated;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static io.portcullis.identity.domain.Fixtures.userId;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.iam.Tag;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.identity.domain.IdentityCommand.AddUserToGroup;
import io.portcullis.identity.domain.IdentityCommand.CreateUser;
import io.portcullis.identity.domain.IdentityCommand.DeleteUser;
import io.portcullis.identity.domain.IdentityCommand.UntagUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What identity-service's requests ask the authorizer, as AWS's Service Authorization Reference names it. */
class IdentityAccessTest {

    private static final IdentityDecider DECIDER = new IdentityDecider();
    /** bob at /eng/, group admins at /ops/. */
    private static final IdentityState STATE = DECIDER.evolve(DECIDER.evolve(DECIDER.initialState(), userCreated("bob", "/eng/")),
            groupCreated("admins", "/ops/"));
    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/XCompanyBoundaries";

    private static List<RequestedAccess> accessOf(IdentityCommand command) {
        return IdentityAccess.of(ACCOUNT, command, () -> STATE, Holdings::none);
    }

    @Test
    void everyCommandNamesItsAction() {
        // Given one sample of every command the service takes
        Set<Class<?>> sampled = DispatchCompletenessTest.COMMANDS.stream().map(Object::getClass).collect(Collectors.toSet());

        // When / Then: each names an iam: action (a command without one throws and fails here)
        assertThat(sampled).containsExactlyInAnyOrder(IdentityCommand.class.getPermittedSubclasses());
        for (IdentityCommand command : DispatchCompletenessTest.COMMANDS) {
            assertThat(accessOf(command)).isNotEmpty().allSatisfy(access -> assertThat(access.action()).startsWith("iam:"));
        }
    }

    @Test
    void createUserIsOnTheNewUsersArnWithItsPathBoundaryAndTagsAndAlsoTagUser() {
        // When
        List<RequestedAccess> access = accessOf(new CreateUser(ACCOUNT, "alice", "/eng/", List.of(new Tag("team", "blue")),
                userId("alice"), T0, BOUNDARY));

        // Then
        assertThat(access).extracting(RequestedAccess::action).containsExactly("iam:CreateUser", "iam:TagUser");
        assertThat(access.get(0).resource()).isEqualTo("arn:aws:iam::123456789012:user/eng/alice");
        assertThat(access.get(0).account()).isEqualTo(ACCOUNT);
        assertThat(access.get(0).context()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "iam:PermissionsBoundary", List.of(BOUNDARY), "aws:RequestTag/team", List.of("blue"), "aws:TagKeys", List.of("team")));
        assertThat(access.get(1).context()).doesNotContainKey("iam:PermissionsBoundary").containsKey("aws:TagKeys");
    }

    @Test
    void createUserWithoutBoundaryOrTagsSetsNoKeys() {
        assertThat(accessOf(Fixtures.createUser("alice"))).singleElement()
                .satisfies(access -> assertThat(access.context()).isEmpty());
    }

    @Test
    void actionsOnAnExistingUserAreOnItsArnWithItsPath() {
        assertThat(accessOf(new DeleteUser(ACCOUNT, "BOB"))).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("iam:DeleteUser");
            assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:user/eng/bob");
        });
        assertThat(accessOf(new UntagUser(ACCOUNT, "bob", List.of("team", "env")))).singleElement()
                .satisfies(access -> assertThat(access.context()).containsEntry("aws:TagKeys", List.of("team", "env")));
    }

    @Test
    void aUserThatDoesNotExistIsNamedAtTheRootPath() {
        assertThat(accessOf(new DeleteUser(ACCOUNT, "nobody"))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:user/nobody"));
    }

    @Test
    void membershipIsAnActionOnTheGroup() {
        assertThat(accessOf(new AddUserToGroup(ACCOUNT, "admins", "bob"))).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("iam:AddUserToGroup");
            assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:group/ops/admins");
        });
    }

    @Test
    void readsNameTheirActionAndResource() {
        assertThat(IdentityAccess.listUsers().of(ACCOUNT, () -> STATE, Holdings::none)).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("*"));
        assertThat(IdentityAccess.onUser("iam:GetUser", "bob").of(ACCOUNT, () -> STATE, Holdings::none)).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:user/eng/bob"));
    }

    @Test
    void readsTheStateOnlyWhenTheResourceNeedsIt() {
        java.util.function.Supplier<IdentityState> untouchable = () -> {
            throw new AssertionError("the state was read");
        };
        assertThat(IdentityAccess.of(ACCOUNT, Fixtures.createUser("zoe"), untouchable, Holdings::none)).hasSize(1);
        assertThat(IdentityAccess.listGroups().of(ACCOUNT, untouchable, Holdings::none)).hasSize(1);
    }
}
