package io.portcullis.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.policy.domain.PolicyCommand.CreatePolicy;
import io.portcullis.policy.domain.PolicyCommand.CreatePolicyVersion;
import io.portcullis.policy.domain.PolicyCommand.DeletePolicy;
import io.portcullis.policy.domain.PolicyCommand.DeletePolicyVersion;
import io.portcullis.policy.domain.PolicyCommand.SetDefaultPolicyVersion;
import io.portcullis.policy.domain.PolicyCommand.TagPolicy;
import io.portcullis.policy.domain.PolicyCommand.UntagPolicy;
import io.portcullis.policy.domain.PolicyEvent.PolicyCreated;
import io.portcullis.policy.domain.PolicyEvent.PolicyDefaultVersionSet;
import io.portcullis.policy.domain.PolicyEvent.PolicyDeleted;
import io.portcullis.policy.domain.PolicyEvent.PolicyTagged;
import io.portcullis.policy.domain.PolicyEvent.PolicyUntagged;
import io.portcullis.policy.domain.PolicyEvent.PolicyVersionCreated;
import io.portcullis.policy.domain.PolicyEvent.PolicyVersionDeleted;
import io.portcullis.policy.domain.PolicyEvent.UserPermissionsBoundarySet;
import io.portcullis.policy.domain.PolicyEvent.UserPolicyAttached;
import io.portcullis.testkit.DeciderScenario;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Customer managed policies and their versions: IAM's rules, given/when/then. */
class PolicyDeciderTest {

    static final AccountId ACCOUNT = new AccountId("123456789012");
    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final String POLICY_ID = "ANPAAAAAAAAAAAAAAAAAA";
    static final String ARN = "arn:aws:iam::123456789012:policy/team/S3Read";
    static final String DOC = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:Get*\", \"Resource\": \"*\"}]\n}";
    static final String DOC2 = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:List*\",\"Resource\":\"*\"}}";
    static final String BOB_ID = "AIDABOBBOBBOBBOBBOBBO";
    static final Directory BOB = Directory.empty().withUser(new Directory.Entry(BOB_ID, "Bob", ACCOUNT.userArn("/", "Bob")));

    static DeciderScenario<PolicyCommand, PolicyState, Directory, PolicyEvent> given(PolicyEvent... history) {
        return DeciderScenario.given(new PolicyDecider(), BOB, history);
    }

    static PolicyCreated created() {
        return new PolicyCreated(ACCOUNT, POLICY_ID, "S3Read", "/team/", ARN, "reads", DOC, "v1", T0, List.of());
    }

    static PolicyVersionCreated version(int n, boolean asDefault) {
        return new PolicyVersionCreated(ACCOUNT, POLICY_ID, ARN, "v" + n, DOC2, asDefault, T1);
    }

    @Test
    void createsAPolicyWithItsDocumentAsVersionOneKeptExactlyAsSubmitted() {
        var scenario = given();
        scenario.when(new CreatePolicy(ACCOUNT, "S3Read", "/team/", "reads", DOC, List.of(), POLICY_ID, T0));
        PolicyState state = scenario.then(created());
        ManagedPolicy policy = state.policy("s3read").orElseThrow();
        assertThat(policy.arn()).isEqualTo(ARN);
        assertThat(policy.defaultVersionId()).isEqualTo("v1");
        assertThat(policy.defaultVersion().document()).isEqualTo(DOC);
    }

    @Test
    void refusesADuplicateNameIgnoringCase() {
        given(created()).when(new CreatePolicy(ACCOUNT, "s3READ", "/", null, DOC, List.of(), "ANPABBBBBBBBBBBBBBBBB", T0))
                .thenRejected(IamErrorCode.ENTITY_ALREADY_EXISTS, "A policy called s3READ already exists. Duplicate names are not allowed.");
    }

    @Test
    void refusesAMalformedDocumentQuotingTheProblemAndWhereItIs() {
        String permit = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Permit\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        Decision<PolicyEvent> decision = new PolicyDecider().decide(new CreatePolicy(ACCOUNT, "Bad", "/", null, permit, List.of(),
                POLICY_ID, T0), PolicyState.empty(), BOB);
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.rejection().code()).isEqualTo(IamErrorCode.MALFORMED_POLICY_DOCUMENT);
            assertThat(rejected.rejection().message()).contains("Permit").contains("Statement[0]");
        });
    }

    @Test
    void aDocumentOverTheManagedQuotaIsLimitExceededInIamsWords() {
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + "\"s3:GetObject\",".repeat(450)
                + "\"s3:GetObject\"],\"Resource\":\"*\"}]}";
        given().when(new CreatePolicy(ACCOUNT, "Big", "/", null, big, List.of(), POLICY_ID, T0))
                .thenRejected(IamErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for PolicySize: 6144");
    }

    @Test
    void whiteSpaceDoesNotCountTowardsTheQuota() {
        String spaced = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + "\"s3:GetObject\",     ".repeat(330)
                + "\"s3:GetObject\"],\"Resource\":\"*\"}]}";
        assertThat(spaced.length()).isGreaterThan(6144);
        given().when(new CreatePolicy(ACCOUNT, "Spaced", "/", null, spaced, List.of(), POLICY_ID, T0))
                .then(new PolicyCreated(ACCOUNT, POLICY_ID, "Spaced", "/", "arn:aws:iam::123456789012:policy/Spaced", null, spaced, "v1",
                        T0, List.of()));
    }

    @Test
    void refusesNamePathDescriptionAndDocumentShapesTogether() {
        given().when(new CreatePolicy(ACCOUNT, "has space", "no-slash", "x".repeat(1001), "", List.of(), POLICY_ID, T0))
                .thenRejected(IamErrorCode.VALIDATION_ERROR);
    }

    @Test
    void addsVersionsNumberedOnAndOptionallyMakesTheNewOneTheDefault() {
        var scenario = given(created());
        scenario.when(new CreatePolicyVersion(ACCOUNT, "S3Read", DOC2, true, T1));
        PolicyState state = scenario.then(version(2, true));
        assertThat(state.policy("S3Read").orElseThrow().defaultVersionId()).isEqualTo("v2");
        assertThat(state.policy("S3Read").orElseThrow().updateDate()).isEqualTo(T1);
    }

    @Test
    void aPolicyIsAddressableByItsArnToo() {
        given(created()).when(new CreatePolicyVersion(ACCOUNT, ARN, DOC2, false, T1)).then(version(2, false));
    }

    @Test
    void theSixthVersionIsLimitExceeded() {
        given(created(), version(2, false), version(3, false), version(4, false), version(5, false))
                .when(new CreatePolicyVersion(ACCOUNT, "S3Read", DOC2, false, T1))
                .thenRejected(IamErrorCode.LIMIT_EXCEEDED,
                        "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.");
    }

    @Test
    void versionNumbersAreNeverReused() {
        given(created(), version(2, false), new PolicyVersionDeleted(ACCOUNT, POLICY_ID, ARN, "v2"))
                .when(new CreatePolicyVersion(ACCOUNT, "S3Read", DOC2, false, T1)).then(version(3, false));
    }

    @Test
    void setsAnotherVersionAsDefaultAndSettingTheDefaultAgainChangesNothing() {
        given(created(), version(2, false)).when(new SetDefaultPolicyVersion(ACCOUNT, "S3Read", "v2", T1))
                .then(new PolicyDefaultVersionSet(ACCOUNT, POLICY_ID, ARN, "v2", "v1", T1));
        given(created()).when(new SetDefaultPolicyVersion(ACCOUNT, "S3Read", "v1", T1)).then();
        given(created()).when(new SetDefaultPolicyVersion(ACCOUNT, "S3Read", "v7", T1))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "Policy " + ARN + " version v7 does not exist or is not attachable.");
    }

    @Test
    void neverDeletesTheDefaultVersion() {
        given(created(), version(2, false)).when(new DeletePolicyVersion(ACCOUNT, "S3Read", "v1"))
                .thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete the default version of a policy.");
        given(created(), version(2, false)).when(new DeletePolicyVersion(ACCOUNT, "S3Read", "v2"))
                .then(new PolicyVersionDeleted(ACCOUNT, POLICY_ID, ARN, "v2"));
    }

    @Test
    void deletesAPolicyNothingUsesWithOnlyItsDefaultVersion() {
        var scenario = given(created()).when(new DeletePolicy(ACCOUNT, "S3Read"));
        assertThat(scenario.then(new PolicyDeleted(ACCOUNT, POLICY_ID, "S3Read", ARN)).policy("S3Read")).isEmpty();
    }

    @Test
    void refusesToDeleteAPolicyWhileAttachedOrABoundaryOrWithOtherVersions() {
        given(created(), new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", ARN)).when(new DeletePolicy(ACCOUNT, "S3Read"))
                .thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete a policy attached to entities.");
        given(created(), new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", ARN)).when(new DeletePolicy(ACCOUNT, "S3Read"))
                .thenRejected(IamErrorCode.DELETE_CONFLICT, "Cannot delete a policy attached to entities.");
        given(created(), version(2, false)).when(new DeletePolicy(ACCOUNT, "S3Read"))
                .thenRejected(IamErrorCode.DELETE_CONFLICT, PolicyRejections.policyHasVersions().message());
    }

    @Test
    void awsManagedPoliciesCannotBeChanged() {
        String readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
        given().when(new CreatePolicyVersion(ACCOUNT, readOnly, DOC2, true, T1))
                .thenRejected(IamErrorCode.ACCESS_DENIED, "Cannot modify " + readOnly + ": AWS managed policies are read-only.");
        given().when(new DeletePolicy(ACCOUNT, readOnly)).thenRejected(IamErrorCode.ACCESS_DENIED);
        given().when(new SetDefaultPolicyVersion(ACCOUNT, readOnly, "v1", T1)).thenRejected(IamErrorCode.ACCESS_DENIED);
        given().when(new DeletePolicyVersion(ACCOUNT, readOnly, "v1")).thenRejected(IamErrorCode.ACCESS_DENIED);
        given().when(new TagPolicy(ACCOUNT, readOnly, List.of(new Tag("team", "x"))))
                .thenRejected(IamErrorCode.INVALID_INPUT, "Tags not supported for policies in this domain");
    }

    @Test
    void anotherAccountsPolicyIsNotFound() {
        given(created()).when(new DeletePolicy(ACCOUNT, "arn:aws:iam::999999999999:policy/team/S3Read"))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "Policy arn:aws:iam::999999999999:policy/team/S3Read was not found.");
    }

    @Test
    void tagsAndUntagsAPolicyWithKeysIgnoringCaseSpelledAsLastSetAndChangingNothingWhenNothingChanges() {
        given(created()).when(new TagPolicy(ACCOUNT, "S3Read", List.of(new Tag("Team", "a"))))
                .then(new PolicyTagged(ACCOUNT, POLICY_ID, ARN, List.of(new Tag("Team", "a"))));
        PolicyTagged tagged = new PolicyTagged(ACCOUNT, POLICY_ID, ARN, List.of(new Tag("Team", "a")));
        given(created(), tagged).when(new TagPolicy(ACCOUNT, "S3Read", List.of(new Tag("Team", "a")))).then();
        // As for users (identity's TagDeciderTest): one key ignoring case, spelled as it was last set.
        assertThat(given(created(), tagged).when(new TagPolicy(ACCOUNT, "S3Read", List.of(new Tag("team", "a"))))
                .then(new PolicyTagged(ACCOUNT, POLICY_ID, ARN, List.of(new Tag("team", "a")))).policy("S3Read").orElseThrow().tags())
                .containsExactly(new Tag("team", "a"));
        given(created(), tagged).when(new UntagPolicy(ACCOUNT, "S3Read", List.of("TEAM", "absent")))
                .then(new PolicyUntagged(ACCOUNT, POLICY_ID, ARN, List.of("Team")));
        given(created()).when(new TagPolicy(ACCOUNT, "S3Read", List.of(new Tag("aws:x", "a"))))
                .thenRejected(IamErrorCode.INVALID_INPUT);
    }
}
