package io.portcullis.policy.domain;

import static io.portcullis.policy.domain.PolicyDeciderTest.ACCOUNT;
import static io.portcullis.policy.domain.PolicyDeciderTest.ARN;
import static io.portcullis.policy.domain.PolicyDeciderTest.BOB_ID;
import static io.portcullis.policy.domain.PolicyDeciderTest.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.policy.domain.PolicyCommand.AttachGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.AttachUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.DeleteGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.DeleteUserPermissionsBoundary;
import io.portcullis.policy.domain.PolicyCommand.DeleteUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.DetachGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.DetachUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.ForgetGroup;
import io.portcullis.policy.domain.PolicyCommand.ForgetUser;
import io.portcullis.policy.domain.PolicyCommand.PutGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.PutUserPermissionsBoundary;
import io.portcullis.policy.domain.PolicyCommand.PutUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.SetCreationBoundary;
import io.portcullis.policy.domain.PolicyEvent.GroupInlinePolicyDeleted;
import io.portcullis.policy.domain.PolicyEvent.GroupInlinePolicyPut;
import io.portcullis.policy.domain.PolicyEvent.GroupPolicyAttached;
import io.portcullis.policy.domain.PolicyEvent.GroupPolicyDetached;
import io.portcullis.policy.domain.PolicyEvent.UserInlinePolicyDeleted;
import io.portcullis.policy.domain.PolicyEvent.UserInlinePolicyPut;
import io.portcullis.policy.domain.PolicyEvent.UserPermissionsBoundaryDeleted;
import io.portcullis.policy.domain.PolicyEvent.UserPermissionsBoundarySet;
import io.portcullis.policy.domain.PolicyEvent.UserPolicyAttached;
import io.portcullis.policy.domain.PolicyEvent.UserPolicyDetached;
import io.portcullis.testkit.DeciderScenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What users and groups hold: attachments, inline policies, boundaries, and what a delete in identity-service leaves. */
class HoldingsDeciderTest {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String DEVS_ID = "AGPADEVSDEVSDEVSDEVSD";
    private static final String INLINE = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}";
    private static final Directory FACTS = PolicyDeciderTest.BOB
            .withGroup(new Directory.Entry(DEVS_ID, "Devs", ACCOUNT.groupArn("/", "Devs")));

    private static DeciderScenario<PolicyCommand, PolicyState, Directory, PolicyEvent> given(PolicyEvent... history) {
        return DeciderScenario.given(new PolicyDecider(), FACTS, history);
    }

    private static DeciderScenario<PolicyCommand, PolicyState, Directory, PolicyEvent> givenNobody(PolicyEvent... history) {
        return DeciderScenario.given(new PolicyDecider(), Directory.empty(), history);
    }

    /** Ten distinct customer policies attached to Bob, or to Devs. */
    private static PolicyEvent[] tenAttached(boolean group) {
        List<PolicyEvent> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "P" + i;
            String arn = ACCOUNT.policyArn("/", name);
            history.add(new PolicyEvent.PolicyCreated(ACCOUNT, "ANPA" + "Q".repeat(16) + i, name, "/", arn, null, INLINE, "v1",
                    PolicyDeciderTest.T0, List.of()));
            history.add(group ? new GroupPolicyAttached(ACCOUNT, DEVS_ID, "Devs", arn) : new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", arn));
        }
        return history.toArray(PolicyEvent[]::new);
    }

    @Test
    void attachesAwsAndCustomerManagedPoliciesToAUserKnownByNameIgnoringCase() {
        var scenario = given(created()).when(new AttachUserPolicy(ACCOUNT, "bob", ARN));
        PolicyState state = scenario.then(new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", ARN));
        assertThat(state.user(BOB_ID).attached()).containsExactly(ARN);
        assertThat(state.usage(ARN).attachments()).isEqualTo(1);
        given().when(new AttachUserPolicy(ACCOUNT, "Bob", READ_ONLY)).then(new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", READ_ONLY));
    }

    @Test
    void attachingAnAttachedPolicyChangesNothing() {
        given(new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", READ_ONLY)).when(new AttachUserPolicy(ACCOUNT, "Bob", READ_ONLY)).then();
    }

    @Test
    void refusesAUserOrGroupIdentityServiceDoesNotKnow() {
        givenNobody().when(new AttachUserPolicy(ACCOUNT, "Bob", READ_ONLY))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user with name Bob cannot be found.");
        givenNobody().when(new AttachGroupPolicy(ACCOUNT, "Devs", READ_ONLY))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The group with name Devs cannot be found.");
        givenNobody().when(new PutUserPolicy(ACCOUNT, "Bob", "p", INLINE)).thenRejected(IamErrorCode.NO_SUCH_ENTITY);
    }

    @Test
    void refusesAPolicyThatDoesNotExistOrIsAnotherAccounts() {
        given().when(new AttachUserPolicy(ACCOUNT, "Bob", "arn:aws:iam::aws:policy/NoSuchThing"))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "Policy arn:aws:iam::aws:policy/NoSuchThing does not exist or is not attachable.");
        given().when(new AttachUserPolicy(ACCOUNT, "Bob", "arn:aws:iam::999999999999:policy/team/S3Read"))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY);
    }

    @Test
    void theEleventhAttachmentIsLimitExceededForUsersAndGroups() {
        given(tenAttached(false)).when(new AttachUserPolicy(ACCOUNT, "Bob", READ_ONLY))
                .thenRejected(IamErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPerUser: 10");
        given(tenAttached(true)).when(new AttachGroupPolicy(ACCOUNT, "Devs", READ_ONLY))
                .thenRejected(IamErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPerGroup: 10");
    }

    @Test
    void detachesOnlyWhatIsAttached() {
        given(new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", READ_ONLY)).when(new DetachUserPolicy(ACCOUNT, "Bob", READ_ONLY))
                .then(new UserPolicyDetached(ACCOUNT, BOB_ID, "Bob", READ_ONLY));
        given().when(new DetachUserPolicy(ACCOUNT, "Bob", READ_ONLY))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "Policy " + READ_ONLY + " was not found.");
        given(new GroupPolicyAttached(ACCOUNT, DEVS_ID, "Devs", ADMIN)).when(new DetachGroupPolicy(ACCOUNT, "devs", ADMIN))
                .then(new GroupPolicyDetached(ACCOUNT, DEVS_ID, "Devs", ADMIN));
    }

    @Test
    void putsReplacesAndDeletesInlinePolicies() {
        given().when(new PutUserPolicy(ACCOUNT, "Bob", "s3", INLINE)).then(new UserInlinePolicyPut(ACCOUNT, BOB_ID, "Bob", "s3", INLINE));
        UserInlinePolicyPut put = new UserInlinePolicyPut(ACCOUNT, BOB_ID, "Bob", "s3", INLINE);
        given(put).when(new PutUserPolicy(ACCOUNT, "Bob", "s3", INLINE)).then();
        String other = INLINE.replace("s3:*", "sqs:*");
        PolicyState state = given(put).when(new PutUserPolicy(ACCOUNT, "Bob", "s3", other))
                .then(new UserInlinePolicyPut(ACCOUNT, BOB_ID, "Bob", "s3", other));
        assertThat(state.user(BOB_ID).inline()).hasSize(1);
        assertThat(state.user(BOB_ID).inlinePolicy("s3").orElseThrow().document()).isEqualTo(other);
        given(put).when(new DeleteUserPolicy(ACCOUNT, "Bob", "s3")).then(new UserInlinePolicyDeleted(ACCOUNT, BOB_ID, "Bob", "s3"));
        given().when(new DeleteUserPolicy(ACCOUNT, "Bob", "s3"))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user policy with name s3 cannot be found.");
        given().when(new PutGroupPolicy(ACCOUNT, "Devs", "s3", INLINE)).then(new GroupInlinePolicyPut(ACCOUNT, DEVS_ID, "Devs", "s3", INLINE));
        given().when(new DeleteGroupPolicy(ACCOUNT, "Devs", "s3"))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The group policy with name s3 cannot be found.");
    }

    @Test
    void inlinePoliciesOfAUserShareTheAggregateQuota() {
        // About 1,100 characters without white space each: one fits, two do not (2,048 for a user, 5,120 for a group).
        String half = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":[" + "\"s3:GetObject\",".repeat(68)
                + "\"s3:GetObject\"],\"Resource\":\"*\"}}";
        assertThat(PolicyDocuments.size(half)).isBetween(1025, 2048);
        UserInlinePolicyPut first = new UserInlinePolicyPut(ACCOUNT, BOB_ID, "Bob", "one", half);
        given(first).when(new PutUserPolicy(ACCOUNT, "Bob", "two", half))
                .thenRejected(IamErrorCode.LIMIT_EXCEEDED, "Maximum policy size of 2048 bytes exceeded for user Bob");
        given(first).when(new PutUserPolicy(ACCOUNT, "Bob", "one", half.replace("GetObject", "PutObject")))
                .then(new UserInlinePolicyPut(ACCOUNT, BOB_ID, "Bob", "one", half.replace("GetObject", "PutObject")));
        given(new GroupInlinePolicyPut(ACCOUNT, DEVS_ID, "Devs", "one", half)).when(new PutGroupPolicy(ACCOUNT, "Devs", "two", half))
                .then(new GroupInlinePolicyPut(ACCOUNT, DEVS_ID, "Devs", "two", half));
    }

    @Test
    void anInlineDocumentWithAPrincipalIsMalformed() {
        given().when(new PutUserPolicy(ACCOUNT, "Bob", "p",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"))
                .thenRejected(IamErrorCode.MALFORMED_POLICY_DOCUMENT);
    }

    @Test
    void setsReplacesAndDeletesAPermissionsBoundary() {
        PolicyState state = given(created()).when(new PutUserPermissionsBoundary(ACCOUNT, "Bob", ARN))
                .then(new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", ARN));
        assertThat(state.user(BOB_ID).boundaryArn()).isEqualTo(ARN);
        assertThat(state.usage(ARN).boundaries()).isEqualTo(1);
        UserPermissionsBoundarySet set = new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", ARN);
        PolicyState replaced = given(created(), set).when(new PutUserPermissionsBoundary(ACCOUNT, "Bob", READ_ONLY))
                .then(new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", READ_ONLY));
        assertThat(replaced.usage(ARN).boundaries()).isZero();
        assertThat(replaced.usage(READ_ONLY).boundaries()).isEqualTo(1);
        given(created(), set).when(new DeleteUserPermissionsBoundary(ACCOUNT, "Bob"))
                .then(new UserPermissionsBoundaryDeleted(ACCOUNT, BOB_ID, "Bob", ARN));
        given().when(new PutUserPermissionsBoundary(ACCOUNT, "Bob", "arn:aws:iam::123456789012:policy/Nope"))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "Scope ARN: arn:aws:iam::123456789012:policy/Nope does not exist or is not attachable.");
        given().when(new DeleteUserPermissionsBoundary(ACCOUNT, "Bob")).thenRejected(IamErrorCode.NO_SUCH_ENTITY);
    }

    @Test
    void theBoundaryCreateUserGaveBecomesTheUsersBoundary() {
        PolicyState state = given(created()).when(new SetCreationBoundary(ACCOUNT, BOB_ID, ARN))
                .then(new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", ARN));
        assertThat(state.user(BOB_ID).boundaryArn()).isEqualTo(ARN);
        assertThat(state.usage(ARN).boundaries()).isEqualTo(1);
        given().when(new SetCreationBoundary(ACCOUNT, BOB_ID, READ_ONLY))
                .then(new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", READ_ONLY));
    }

    @Test
    void theCreationBoundaryNamesTheUserByIdUnderItsNameNow() {
        Directory renamed = FACTS.withUser(new Directory.Entry(BOB_ID, "Robert", ACCOUNT.userArn("/", "Robert")));
        DeciderScenario.given(new PolicyDecider(), renamed).when(new SetCreationBoundary(ACCOUNT, BOB_ID, READ_ONLY))
                .then(new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Robert", READ_ONLY));
    }

    @Test
    void aBoundarySetMeanwhileIsKeptOverTheCreationBoundary() {
        given(new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", ADMIN)).when(new SetCreationBoundary(ACCOUNT, BOB_ID, READ_ONLY))
                .then();
        given(new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", READ_ONLY)).when(new SetCreationBoundary(ACCOUNT, BOB_ID, READ_ONLY))
                .then();
    }

    @Test
    void aBoundaryDeletedMeanwhileIsNotBroughtBackByTheCreationBoundary() {
        PolicyState state = given(new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", ADMIN),
                new UserPermissionsBoundaryDeleted(ACCOUNT, BOB_ID, "Bob", ADMIN))
                .when(new SetCreationBoundary(ACCOUNT, BOB_ID, READ_ONLY)).then();
        assertThat(state.user(BOB_ID).boundaryArn()).isNull();
        assertThat(state.boundarySaid(BOB_ID)).isTrue();
        assertThat(state.usage(READ_ONLY).boundaries()).isZero();
    }

    @Test
    void aCreationBoundaryForAUserGoneOrAPolicyNoLongerAttachableChangesNothing() {
        givenNobody(created()).when(new SetCreationBoundary(ACCOUNT, BOB_ID, ARN)).then();
        given().when(new SetCreationBoundary(ACCOUNT, BOB_ID, ARN)).then();
        given(created(), new PolicyEvent.PolicyDeleted(ACCOUNT, PolicyDeciderTest.POLICY_ID, "S3Read", ARN))
                .when(new SetCreationBoundary(ACCOUNT, BOB_ID, ARN)).then();
        given().when(new SetCreationBoundary(ACCOUNT, BOB_ID, "arn:aws:iam::aws:policy/NoSuchThing")).then();
    }

    @Test
    void aCreationBoundaryIsValidatedLikeAnyCommand() {
        given().when(new SetCreationBoundary(ACCOUNT, "not-a-user-id", READ_ONLY)).thenRejected(IamErrorCode.VALIDATION_ERROR);
        given().when(new SetCreationBoundary(ACCOUNT, BOB_ID, null)).thenRejected(IamErrorCode.VALIDATION_ERROR);
    }

    @Test
    void forgettingADeletedUserDropsEverythingItHeldUnderItsLastKnownName() {
        PolicyState state = given(new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", READ_ONLY),
                new UserInlinePolicyPut(ACCOUNT, BOB_ID, "Bob", "s3", INLINE), new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", ADMIN))
                .when(new ForgetUser(ACCOUNT, BOB_ID))
                .then(new UserPolicyDetached(ACCOUNT, BOB_ID, "Bob", READ_ONLY), new UserInlinePolicyDeleted(ACCOUNT, BOB_ID, "Bob", "s3"),
                        new UserPermissionsBoundaryDeleted(ACCOUNT, BOB_ID, "Bob", ADMIN));
        assertThat(state.user(BOB_ID).isEmpty()).isTrue();
        assertThat(state.usage(READ_ONLY).attachments()).isZero();
        assertThat(state.usage(ADMIN).boundaries()).isZero();
        given().when(new ForgetUser(ACCOUNT, BOB_ID)).then();
    }

    @Test
    void forgettingADeletedGroupDropsWhatItHeld() {
        given(new GroupPolicyAttached(ACCOUNT, DEVS_ID, "Devs", READ_ONLY), new GroupInlinePolicyPut(ACCOUNT, DEVS_ID, "Devs", "s3", INLINE))
                .when(new ForgetGroup(ACCOUNT, DEVS_ID))
                .then(new GroupPolicyDetached(ACCOUNT, DEVS_ID, "Devs", READ_ONLY), new GroupInlinePolicyDeleted(ACCOUNT, DEVS_ID, "Devs", "s3"));
    }
}
