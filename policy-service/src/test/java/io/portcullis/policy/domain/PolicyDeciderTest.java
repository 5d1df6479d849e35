package io.portcullis.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.policy.domain.PolicyCommand.AttachUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.DetachUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.ForgetUser;
import io.portcullis.policy.domain.PolicyEvent.UserPolicyAttached;
import io.portcullis.policy.domain.PolicyEvent.UserPolicyDetached;
import io.portcullis.testkit.DeciderScenario;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PolicyDeciderTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final String BOB_ID = "AIDABOBBOBBOBBOBBOBBO";
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final Directory BOB = Directory.empty()
            .withUser(new Directory.Entry(BOB_ID, "Bob", ACCOUNT.userArn("/", "Bob")));

    private static DeciderScenario<PolicyCommand, PolicyState, Directory, PolicyEvent> given(Directory facts, PolicyEvent... history) {
        return DeciderScenario.given(new PolicyDecider(), facts, history);
    }

    private static UserPolicyAttached attached(String policyArn) {
        return new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", policyArn);
    }

    @Test
    void attachesAnAwsManagedPolicyToAUserIdentityServiceKnowsByNameIgnoringCase() {
        // Given
        var scenario = given(BOB);
        // When
        scenario.when(new AttachUserPolicy(ACCOUNT, "bob", READ_ONLY));
        // Then
        PolicyState state = scenario.then(attached(READ_ONLY));
        assertThat(state.attachedTo(BOB_ID)).containsExactly(READ_ONLY);
    }

    @Test
    void refusesToAttachToAUserIdentityServiceDoesNotKnow() {
        // Given
        var scenario = given(Directory.empty());
        // When
        scenario.when(new AttachUserPolicy(ACCOUNT, "Bob", READ_ONLY));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user with name Bob cannot be found.");
    }

    @Test
    void refusesAPolicyThatDoesNotExist() {
        // Given
        var scenario = given(BOB);
        // When
        scenario.when(new AttachUserPolicy(ACCOUNT, "Bob", "arn:aws:iam::123456789012:policy/Nope"));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY,
                "Policy arn:aws:iam::123456789012:policy/Nope does not exist or is not attachable.");
    }

    @Test
    void attachingAnAttachedPolicyAgainChangesNothing() {
        // Given
        var scenario = given(BOB, attached(READ_ONLY));
        // When
        scenario.when(new AttachUserPolicy(ACCOUNT, "Bob", READ_ONLY));
        // Then
        scenario.then();
    }

    @Test
    void aUserHoldsAtMostTenManagedPolicies() {
        // Given ten attachments (the decider's state accepts any ARN its events carry)
        PolicyEvent[] ten = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> attached("arn:aws:iam::aws:policy/Policy" + i)).toArray(PolicyEvent[]::new);
        var scenario = given(BOB, ten);
        // When
        scenario.when(new AttachUserPolicy(ACCOUNT, "Bob", READ_ONLY));
        // Then
        scenario.thenRejected(IamErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPerUser: 10.");
    }

    @Test
    void detachesAnAttachedPolicy() {
        // Given
        var scenario = given(BOB, attached(READ_ONLY), attached(ADMIN));
        // When
        scenario.when(new DetachUserPolicy(ACCOUNT, "Bob", READ_ONLY));
        // Then
        PolicyState state = scenario.then(new UserPolicyDetached(ACCOUNT, BOB_ID, "Bob", READ_ONLY));
        assertThat(state.attachedTo(BOB_ID)).containsExactly(ADMIN);
    }

    @Test
    void detachingAPolicyThatIsNotAttachedIsNoSuchEntity() {
        // Given
        var scenario = given(BOB);
        // When
        scenario.when(new DetachUserPolicy(ACCOUNT, "Bob", READ_ONLY));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "Policy " + READ_ONLY + " was not found.");
    }

    @Test
    void forgettingADeletedUserDetachesEverythingUnderItsLastKnownName() {
        // Given the user is already gone from identity-service's facts
        var scenario = given(Directory.empty(), attached(READ_ONLY), attached(ADMIN));
        // When
        scenario.when(new ForgetUser(ACCOUNT, BOB_ID));
        // Then
        PolicyState state = scenario.then(new UserPolicyDetached(ACCOUNT, BOB_ID, "Bob", READ_ONLY),
                new UserPolicyDetached(ACCOUNT, BOB_ID, "Bob", ADMIN));
        assertThat(state.attachedTo(BOB_ID)).isEmpty();
    }

    @Test
    void forgettingAUserWithNothingAttachedChangesNothing() {
        // Given
        var scenario = given(Directory.empty());
        // When
        scenario.when(new ForgetUser(ACCOUNT, BOB_ID));
        // Then
        scenario.then();
    }

    @Test
    void aMalformedPolicyArnIsAValidationError() {
        // Given
        var scenario = given(BOB);
        // When
        scenario.when(new AttachUserPolicy(ACCOUNT, "Bob", "ReadOnlyAccess"));
        // Then
        scenario.thenRejected(IamErrorCode.VALIDATION_ERROR, "1 validation error detected: Value 'ReadOnlyAccess' at 'policyArn'"
                + " failed to satisfy constraint: Member must have length greater than or equal to 20");
    }

    @Test
    void everyCommandAndEventTypeIsHandled() {
        // Given one sample of each, so a type added without a branch fails here
        List<PolicyCommand> commands = List.of(new AttachUserPolicy(ACCOUNT, "Bob", ADMIN),
                new DetachUserPolicy(ACCOUNT, "Bob", READ_ONLY), new ForgetUser(ACCOUNT, BOB_ID));
        List<PolicyEvent> events = List.of(attached(ADMIN), new UserPolicyDetached(ACCOUNT, BOB_ID, "Bob", READ_ONLY));
        PolicyDecider decider = new PolicyDecider();
        PolicyState state = decider.evolve(decider.initialState(), attached(READ_ONLY));

        // When
        List<Decision<PolicyEvent>> decisions = commands.stream().map(c -> decider.decide(c, state, BOB)).toList();
        List<PolicyState> evolved = events.stream().map(e -> decider.evolve(state, e)).toList();

        // Then
        assertThat(commands.stream().map(Object::getClass).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(Arrays.asList(PolicyCommand.class.getPermittedSubclasses())));
        assertThat(events.stream().map(Object::getClass).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(Arrays.asList(PolicyEvent.class.getPermittedSubclasses())));
        assertThat(decisions).allSatisfy(d -> assertThat(d).isInstanceOf(Decision.Accepted.class));
        assertThat(evolved).allSatisfy(after -> assertThat(after.attachedTo(BOB_ID)).isNotEqualTo(state.attachedTo(BOB_ID)));
    }
}
