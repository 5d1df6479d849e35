package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.groupCreated;
import static io.portcullis.identity.domain.Fixtures.groupId;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static io.portcullis.identity.domain.Fixtures.userId;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.identity.domain.IdentityCommand.DeleteGroup;
import io.portcullis.identity.domain.IdentityCommand.DeleteUser;
import io.portcullis.identity.domain.IdentityEvent.GroupDeleted;
import io.portcullis.identity.domain.IdentityEvent.UserDeleted;
import io.portcullis.testkit.DeciderScenario;
import org.junit.jupiter.api.Test;

/** Deletes decided on what policy-service and credential-service say users and groups hold. */
class HoldingsDeciderTest {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    private static DeciderScenario<IdentityCommand, IdentityState, Holdings, IdentityEvent> given(Holdings holdings,
                                                                                                        IdentityEvent... history) {
        return DeciderScenario.given(new IdentityDecider(), holdings, history);
    }

    @Test
    void refusesToDeleteAUserWithAttachedPolicies() {
        given(Holdings.none().withAttached(userId("bob"), READ_ONLY, true), userCreated("bob"))
                .when(new DeleteUser(ACCOUNT, "bob"))
                .thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete entity, must detach all policies first.");
    }

    @Test
    void refusesToDeleteAUserWithAccessKeys() {
        given(Holdings.none().withAccessKey(userId("bob"), "AKIAAAAAAAAAAAAAAAAA", true), userCreated("bob"))
                .when(new DeleteUser(ACCOUNT, "bob"))
                .thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete access keys first.");
        given(Holdings.none().withAccessKey(userId("bob"), "AKIAAAAAAAAAAAAAAAAA", true)
                .withAccessKey(userId("bob"), "AKIAAAAAAAAAAAAAAAAA", false), userCreated("bob"))
                .when(new DeleteUser(ACCOUNT, "bob")).then(new UserDeleted(ACCOUNT, userId("bob"), "bob"));
    }

    @Test
    void refusesToDeleteAUserWithAConsolePassword() {
        given(Holdings.none().withLoginProfile(userId("bob"), true), userCreated("bob"))
                .when(new DeleteUser(ACCOUNT, "bob"))
                .thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete login profile first.");
    }

    @Test
    void refusesToDeleteAUserWithInlinePolicies() {
        given(Holdings.none().withInline(userId("bob"), "s3", true), userCreated("bob"))
                .when(new DeleteUser(ACCOUNT, "bob"))
                .thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
    }

    @Test
    void aPermissionsBoundaryDoesNotBlockDeletingTheUserAsInAws() {
        given(Holdings.none().withBoundary(userId("bob"), READ_ONLY), userCreated("bob"))
                .when(new DeleteUser(ACCOUNT, "bob"))
                .then(new UserDeleted(ACCOUNT, userId("bob"), "bob"));
    }

    @Test
    void deletesAUserOnceEverythingIsDetachedAgain() {
        Holdings detached = Holdings.none().withAttached(userId("bob"), READ_ONLY, true)
                .withAttached(userId("bob"), READ_ONLY, false).withInline(userId("bob"), "s3", true).withInline(userId("bob"), "s3", false);
        given(detached, userCreated("bob")).when(new DeleteUser(ACCOUNT, "bob")).then(new UserDeleted(ACCOUNT, userId("bob"), "bob"));
    }

    @Test
    void anotherUsersPoliciesDoNotMatter() {
        given(Holdings.none().withAttached(userId("alice"), READ_ONLY, true), userCreated("bob"))
                .when(new DeleteUser(ACCOUNT, "bob")).then(new UserDeleted(ACCOUNT, userId("bob"), "bob"));
    }

    @Test
    void refusesToDeleteAGroupWithAttachedOrInlinePolicies() {
        given(Holdings.none().withAttached(groupId("devs"), READ_ONLY, true), groupCreated("devs"))
                .when(new DeleteGroup(ACCOUNT, "devs"))
                .thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete entity, must detach all policies first.");
        given(Holdings.none().withInline(groupId("devs"), "s3", true), groupCreated("devs"))
                .when(new DeleteGroup(ACCOUNT, "devs"))
                .thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
        given(Holdings.none(), groupCreated("devs")).when(new DeleteGroup(ACCOUNT, "devs"))
                .then(new GroupDeleted(ACCOUNT, groupId("devs"), "devs"));
    }

    @Test
    void createsAUserBoundedByAnAwsManagedPolicyOrOneOfTheAccountsOwn() {
        String own = ACCOUNT.policyArn("/", "XCompanyBoundaries");
        given(Holdings.none())
                .when(new IdentityCommand.CreateUser(ACCOUNT, "alice", "/", java.util.List.of(), userId("alice"), Fixtures.T0, READ_ONLY))
                .then(new IdentityEvent.UserCreated(ACCOUNT, userId("alice"), "alice", "/", ACCOUNT.userArn("/", "alice"), Fixtures.T0,
                        java.util.List.of(), READ_ONLY));
        given(Holdings.none().withManagedPolicy(own, true))
                .when(new IdentityCommand.CreateUser(ACCOUNT, "alice", "/", java.util.List.of(), userId("alice"), Fixtures.T0, own))
                .then(new IdentityEvent.UserCreated(ACCOUNT, userId("alice"), "alice", "/", ACCOUNT.userArn("/", "alice"), Fixtures.T0,
                        java.util.List.of(), own));
    }

    @Test
    void refusesABoundaryThatIsNoManagedPolicy() {
        String gone = ACCOUNT.policyArn("/", "Gone");
        given(Holdings.none().withManagedPolicy(gone, true).withManagedPolicy(gone, false))
                .when(new IdentityCommand.CreateUser(ACCOUNT, "alice", "/", java.util.List.of(), userId("alice"), Fixtures.T0, gone))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "Scope ARN: " + gone + " does not exist or is not attachable.");
    }

    @Test
    void theBoundaryAUserWasCreatedWithStandsUntilPolicyServiceSaysOtherwise() {
        User alice = new User(userId("alice"), "alice", "/", ACCOUNT.userArn("/", "alice"), Fixtures.T0, java.util.List.of(), READ_ONLY);

        org.assertj.core.api.Assertions.assertThat(Holdings.none().boundaryOf(alice)).contains(READ_ONLY);
        org.assertj.core.api.Assertions.assertThat(Holdings.none().withBoundary(alice.userId(), null).boundaryOf(alice)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(Holdings.none().withBoundary(alice.userId(), "arn:aws:iam::aws:policy/PowerUserAccess")
                .boundaryOf(alice)).contains("arn:aws:iam::aws:policy/PowerUserAccess");
    }
}
