package io.portcullis.policy.domain;

import static io.portcullis.policy.domain.PolicyDeciderTest.ACCOUNT;
import static io.portcullis.policy.domain.PolicyDeciderTest.ARN;
import static io.portcullis.policy.domain.PolicyDeciderTest.BOB_ID;
import static io.portcullis.policy.domain.PolicyDeciderTest.DOC;
import static io.portcullis.policy.domain.PolicyDeciderTest.POLICY_ID;
import static io.portcullis.policy.domain.PolicyDeciderTest.T0;
import static io.portcullis.policy.domain.PolicyDeciderTest.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.portcullis.iam.Tag;
import io.portcullis.iam.access.AccessRule;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.directory.Directory;
import io.portcullis.policy.domain.PolicyCommand.AttachGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.AttachUserPolicy;
import io.portcullis.policy.domain.PolicyCommand.CreatePolicy;
import io.portcullis.policy.domain.PolicyCommand.CreatePolicyVersion;
import io.portcullis.policy.domain.PolicyCommand.DeleteGroupPolicy;
import io.portcullis.policy.domain.PolicyCommand.DeletePolicy;
import io.portcullis.policy.domain.PolicyCommand.DeletePolicyVersion;
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
import io.portcullis.policy.domain.PolicyCommand.SetDefaultPolicyVersion;
import io.portcullis.policy.domain.PolicyCommand.TagPolicy;
import io.portcullis.policy.domain.PolicyCommand.UntagPolicy;
import io.portcullis.policy.domain.PolicyEvent.UserPermissionsBoundaryDeleted;
import io.portcullis.policy.domain.PolicyEvent.UserPermissionsBoundarySet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What policy-service's requests ask the authorizer, as AWS's Service Authorization Reference for IAM names it. */
class PolicyAccessTest {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String CAROL_ID = "AIDACAROLCAROLCAROLCA";
    private static final String ANN_ID = "AIDAANNANNANNANNANNAN";
    private static final String DEVS_ID = "AGPADEVSDEVSDEVSDEVSD";
    private static final String BOB_ARN = "arn:aws:iam::123456789012:user/eng/Bob";
    private static final String CAROL_ARN = "arn:aws:iam::123456789012:user/ops/Carol";
    private static final String DEVS_ARN = "arn:aws:iam::123456789012:group/team/Devs";
    private static final String INLINE = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}";
    private static final List<Tag> TAGS = List.of(new Tag("team", "eng"), new Tag("cost", "42"));
    /**
     * Bob at /eng/; Carol at /ops/, created with ReadOnlyAccess as her boundary; Ann at the root path, unbounded; the Devs
     * group at /team/.
     */
    private static final Directory DIRECTORY = Directory.empty()
            .withUser(new Directory.Entry(BOB_ID, "Bob", ACCOUNT.userArn("/eng/", "Bob")))
            .withUser(new Directory.Entry(CAROL_ID, "Carol", ACCOUNT.userArn("/ops/", "Carol"), T0, READ_ONLY))
            .withUser(new Directory.Entry(ANN_ID, "Ann", ACCOUNT.userArn("/", "Ann")))
            .withGroup(new Directory.Entry(DEVS_ID, "Devs", ACCOUNT.groupArn("/team/", "Devs")));
    private static final PolicyDecider DECIDER = new PolicyDecider();
    /** S3Read at /team/, Bob's boundary; policy-service has not yet recorded Carol's creation boundary. */
    private static final PolicyState STATE = evolve(created(), new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", ARN));

    /** One of every command the service takes. */
    static final List<PolicyCommand> COMMANDS = List.of(
            new CreatePolicy(ACCOUNT, "Other", "/", null, DOC, List.of(), "ANPABBBBBBBBBBBBBBBBB", T0),
            new CreatePolicyVersion(ACCOUNT, "S3Read", DOC, false, T0),
            new SetDefaultPolicyVersion(ACCOUNT, "S3Read", "v1", T0),
            new DeletePolicyVersion(ACCOUNT, "S3Read", "v2"),
            new DeletePolicy(ACCOUNT, "S3Read"),
            new TagPolicy(ACCOUNT, "S3Read", TAGS),
            new UntagPolicy(ACCOUNT, "S3Read", List.of("team")),
            new AttachUserPolicy(ACCOUNT, "Bob", READ_ONLY),
            new DetachUserPolicy(ACCOUNT, "Bob", READ_ONLY),
            new AttachGroupPolicy(ACCOUNT, "Devs", READ_ONLY),
            new DetachGroupPolicy(ACCOUNT, "Devs", READ_ONLY),
            new PutUserPolicy(ACCOUNT, "Bob", "s3", INLINE),
            new DeleteUserPolicy(ACCOUNT, "Bob", "s3"),
            new PutGroupPolicy(ACCOUNT, "Devs", "s3", INLINE),
            new DeleteGroupPolicy(ACCOUNT, "Devs", "s3"),
            new PutUserPermissionsBoundary(ACCOUNT, "Bob", ADMIN),
            new DeleteUserPermissionsBoundary(ACCOUNT, "Bob"),
            new ForgetUser(ACCOUNT, BOB_ID),
            new ForgetGroup(ACCOUNT, DEVS_ID),
            new SetCreationBoundary(ACCOUNT, CAROL_ID, READ_ONLY));

    private static PolicyState evolve(PolicyEvent... events) {
        PolicyState state = DECIDER.initialState();
        for (PolicyEvent event : events) {
            state = DECIDER.evolve(state, event);
        }
        return state;
    }

    private static List<RequestedAccess> accessOf(PolicyCommand command) {
        return accessOf(STATE, command);
    }

    private static List<RequestedAccess> accessOf(PolicyState state, PolicyCommand command) {
        return PolicyAccess.of(ACCOUNT, command, () -> state, () -> DIRECTORY);
    }

    private static List<RequestedAccess> accessOf(AccessRule<PolicyState, Directory> rule) {
        return rule.of(ACCOUNT, () -> STATE, () -> DIRECTORY);
    }

    private static boolean isTheServicesOwn(PolicyCommand command) {
        return command instanceof ForgetUser || command instanceof ForgetGroup || command instanceof SetCreationBoundary;
    }

    @Test
    void everyCommandNamesAnIamActionInTheCallingAccountOrIsRefusedAsTheServicesOwn() {
        Set<Class<?>> sampled = COMMANDS.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrder(PolicyCommand.class.getPermittedSubclasses());

        for (PolicyCommand command : COMMANDS) {
            if (isTheServicesOwn(command)) {
                assertThatThrownBy(() -> accessOf(command)).as(command.getClass().getSimpleName())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("No access named for policy command " + command.getClass().getName());
            } else {
                assertThat(accessOf(command)).as(command.getClass().getSimpleName()).isNotEmpty().allSatisfy(access -> {
                    assertThat(access.action()).matches("iam:[A-Z][A-Za-z]+");
                    assertThat(access.account()).isEqualTo(ACCOUNT);
                    assertThat(access.resourcePolicy()).isNull();
                });
            }
        }
    }

    @Test
    void eachRequestAsksForTheIamActionOfItsName() {
        for (PolicyCommand command : COMMANDS) {
            if (!isTheServicesOwn(command)) {
                assertThat(accessOf(command)).first().as(command.getClass().getSimpleName())
                        .extracting(RequestedAccess::action).isEqualTo("iam:" + command.getClass().getSimpleName());
            }
        }
    }

    @Test
    void managedPolicyActionsAreOnThePolicysArnWithItsPathNamedByNameIgnoringCaseOrByArn() {
        Map<PolicyCommand, String> actions = Map.of(
                new CreatePolicyVersion(ACCOUNT, "s3read", DOC, true, T0), "iam:CreatePolicyVersion",
                new SetDefaultPolicyVersion(ACCOUNT, ARN, "v1", T0), "iam:SetDefaultPolicyVersion",
                new DeletePolicyVersion(ACCOUNT, "S3READ", "v2"), "iam:DeletePolicyVersion",
                new DeletePolicy(ACCOUNT, "S3Read"), "iam:DeletePolicy");
        actions.forEach((command, action) -> assertThat(accessOf(command)).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo(action);
            assertThat(access.resource()).isEqualTo(ARN);
            assertThat(access.context()).isEmpty();
        }));
    }

    @Test
    void aPolicyTheAccountDoesNotHoldIsNamedAtTheRootPathAndAnArnAsGiven() {
        assertThat(accessOf(new DeletePolicy(ACCOUNT, "Nope"))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:policy/Nope"));
        assertThat(accessOf(new DeletePolicy(ACCOUNT, "arn:aws:iam::123456789012:policy/x/Nope"))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:policy/x/Nope"));
        assertThat(accessOf(new CreatePolicyVersion(ACCOUNT, READ_ONLY, DOC, false, T0))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo(READ_ONLY));
    }

    @Test
    void taggingAPolicyCarriesTheRequestTagsAndUntaggingTheKeys() {
        assertThat(accessOf(new TagPolicy(ACCOUNT, "S3Read", TAGS))).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("iam:TagPolicy");
            assertThat(access.resource()).isEqualTo(ARN);
            assertThat(access.context()).containsOnly(Map.entry("aws:RequestTag/team", List.of("eng")),
                    Map.entry("aws:RequestTag/cost", List.of("42")), Map.entry("aws:TagKeys", List.of("team", "cost")));
        });
        assertThat(accessOf(new UntagPolicy(ACCOUNT, "S3Read", List.of("team", "cost")))).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("iam:UntagPolicy");
            assertThat(access.resource()).isEqualTo(ARN);
            assertThat(access.context()).containsOnly(Map.entry("aws:TagKeys", List.of("team", "cost")));
        });
    }

    @Test
    void creatingAPolicyIsOnTheNewPolicysArn() {
        assertThat(accessOf(new CreatePolicy(ACCOUNT, "Other", "/ops/", null, DOC, null, "ANPABBBBBBBBBBBBBBBBB", T0)))
                .singleElement().satisfies(access -> {
                    assertThat(access.action()).isEqualTo("iam:CreatePolicy");
                    assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:policy/ops/Other");
                    assertThat(access.context()).isEmpty();
                });
        assertThat(accessOf(new CreatePolicy(ACCOUNT, "Other", null, null, DOC, List.of(), "ANPABBBBBBBBBBBBBBBBB", T0)))
                .singleElement().satisfies(access -> assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:policy/Other"));
    }

    @Test
    void creatingAPolicyWithTagsAlsoAsksToTagItBothWithTheRequestTags() {
        List<RequestedAccess> accesses = accessOf(new CreatePolicy(ACCOUNT, "Other", "/ops/", null, DOC, TAGS, "ANPABBBBBBBBBBBBBBBBB", T0));

        String arn = "arn:aws:iam::123456789012:policy/ops/Other";
        assertThat(accesses).extracting(RequestedAccess::action, RequestedAccess::resource)
                .containsExactly(tuple("iam:CreatePolicy", arn), tuple("iam:TagPolicy", arn));
        assertThat(accesses).allSatisfy(access -> assertThat(access.context())
                .containsOnly(Map.entry("aws:RequestTag/team", List.of("eng")), Map.entry("aws:RequestTag/cost", List.of("42")),
                        Map.entry("aws:TagKeys", List.of("team", "cost"))));
    }

    @Test
    void attachingAndDetachingAUsersPolicyIsOnTheUserWithThePolicyArnAndTheBoundaryItHas() {
        Map<PolicyCommand, String> actions = Map.of(
                new AttachUserPolicy(ACCOUNT, "bob", ADMIN), "iam:AttachUserPolicy",
                new DetachUserPolicy(ACCOUNT, "BOB", ADMIN), "iam:DetachUserPolicy");
        actions.forEach((command, action) -> assertThat(accessOf(command)).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo(action);
            assertThat(access.resource()).isEqualTo(BOB_ARN);
            assertThat(access.context()).containsOnly(Map.entry("iam:PolicyARN", List.of(ADMIN)),
                    Map.entry("iam:PermissionsBoundary", List.of(ARN)));
        }));
    }

    @Test
    void inlinePolicyActionsAndDeletingTheBoundaryAreOnTheUserWithTheBoundaryItHas() {
        Map<PolicyCommand, String> actions = Map.of(
                new PutUserPolicy(ACCOUNT, "Bob", "s3", INLINE), "iam:PutUserPolicy",
                new DeleteUserPolicy(ACCOUNT, "Bob", "s3"), "iam:DeleteUserPolicy",
                new DeleteUserPermissionsBoundary(ACCOUNT, "Bob"), "iam:DeleteUserPermissionsBoundary");
        actions.forEach((command, action) -> assertThat(accessOf(command)).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo(action);
            assertThat(access.resource()).isEqualTo(BOB_ARN);
            assertThat(access.context()).containsOnly(Map.entry("iam:PermissionsBoundary", List.of(ARN)));
        }));
    }

    @Test
    void puttingABoundaryAsksWithTheBoundaryToBeSetNotTheOneTheUserHas() {
        assertThat(accessOf(new PutUserPermissionsBoundary(ACCOUNT, "Bob", ADMIN))).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("iam:PutUserPermissionsBoundary");
            assertThat(access.resource()).isEqualTo(BOB_ARN);
            assertThat(access.context()).containsOnly(Map.entry("iam:PermissionsBoundary", List.of(ADMIN)));
        });
        assertThat(accessOf(new PutUserPermissionsBoundary(ACCOUNT, "Ann", ADMIN))).singleElement()
                .satisfies(access -> assertThat(access.context()).containsOnly(Map.entry("iam:PermissionsBoundary", List.of(ADMIN))));
    }

    @Test
    void theBoundaryAUserWasCreatedWithIsItsBoundaryUntilPolicyServiceSetsAnother() {
        assertThat(accessOf(new AttachUserPolicy(ACCOUNT, "Carol", ADMIN))).singleElement().satisfies(access -> {
            assertThat(access.resource()).isEqualTo(CAROL_ARN);
            assertThat(access.context()).containsEntry("iam:PermissionsBoundary", List.of(READ_ONLY));
        });

        PolicyState replaced = evolve(created(), new UserPermissionsBoundarySet(ACCOUNT, CAROL_ID, "Carol", ARN));
        assertThat(accessOf(replaced, new PutUserPolicy(ACCOUNT, "Carol", "s3", INLINE))).singleElement()
                .satisfies(access -> assertThat(access.context()).containsOnly(Map.entry("iam:PermissionsBoundary", List.of(ARN))));
    }

    @Test
    void aUserWhoseCreationBoundaryWasDeletedHasNoBoundary() {
        PolicyState deleted = evolve(created(), new UserPermissionsBoundarySet(ACCOUNT, CAROL_ID, "Carol", READ_ONLY),
                new UserPermissionsBoundaryDeleted(ACCOUNT, CAROL_ID, "Carol", READ_ONLY));

        assertThat(accessOf(deleted, new AttachUserPolicy(ACCOUNT, "Carol", ADMIN))).singleElement()
                .satisfies(access -> assertThat(access.context()).containsOnly(Map.entry("iam:PolicyARN", List.of(ADMIN))));
    }

    @Test
    void anUnboundedOrUnknownUserHasNoBoundaryKeyAndAnUnknownOneIsNamedAtTheRootPath() {
        assertThat(accessOf(new AttachUserPolicy(ACCOUNT, "Ann", ADMIN))).singleElement().satisfies(access -> {
            assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:user/Ann");
            assertThat(access.context()).containsOnly(Map.entry("iam:PolicyARN", List.of(ADMIN)));
        });
        assertThat(accessOf(new DeleteUserPolicy(ACCOUNT, "nobody", "s3"))).singleElement().satisfies(access -> {
            assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:user/nobody");
            assertThat(access.context()).isEmpty();
        });
    }

    @Test
    void groupActionsAreOnTheGroupWithItsPathAndThePolicyArnForAttachments() {
        Map<PolicyCommand, Map<String, List<String>>> actions = Map.of(
                new AttachGroupPolicy(ACCOUNT, "devs", ADMIN), Map.of("iam:PolicyARN", List.of(ADMIN)),
                new DetachGroupPolicy(ACCOUNT, "Devs", ADMIN), Map.of("iam:PolicyARN", List.of(ADMIN)),
                new PutGroupPolicy(ACCOUNT, "DEVS", "s3", INLINE), Map.of(),
                new DeleteGroupPolicy(ACCOUNT, "Devs", "s3"), Map.of());
        actions.forEach((command, context) -> assertThat(accessOf(command)).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("iam:" + command.getClass().getSimpleName());
            assertThat(access.resource()).isEqualTo(DEVS_ARN);
            assertThat(access.context()).isEqualTo(context);
        }));
        assertThat(accessOf(new PutGroupPolicy(ACCOUNT, "Ops", "s3", INLINE))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:group/Ops"));
    }

    @Test
    void readsNameTheirActionAndResource() {
        Map<AccessRule<PolicyState, Directory>, List<String>> reads = Map.of(
                PolicyAccess.onAccount("iam:ListPolicies"), List.of("iam:ListPolicies", "*"),
                PolicyAccess.onAccount("iam:GetAccountAuthorizationDetails"), List.of("iam:GetAccountAuthorizationDetails", "*"),
                PolicyAccess.onPolicy("iam:GetPolicy", "s3read"), List.of("iam:GetPolicy", ARN),
                PolicyAccess.onPolicy("iam:GetPolicyVersion", READ_ONLY), List.of("iam:GetPolicyVersion", READ_ONLY),
                PolicyAccess.onUser("iam:ListAttachedUserPolicies", "bob"), List.of("iam:ListAttachedUserPolicies", BOB_ARN),
                PolicyAccess.onUser("iam:GetUserPolicy", "nobody"), List.of("iam:GetUserPolicy", "arn:aws:iam::123456789012:user/nobody"),
                PolicyAccess.onGroup("iam:ListGroupPolicies", "Devs"), List.of("iam:ListGroupPolicies", DEVS_ARN));
        reads.forEach((rule, expected) -> assertThat(accessOf(rule)).singleElement().satisfies(access -> {
            assertThat(List.of(access.action(), access.resource())).isEqualTo(expected);
            assertThat(access.account()).isEqualTo(ACCOUNT);
            // Reads on a user carry no boundary: only the writes AWS lists with iam:PermissionsBoundary do
            assertThat(access.context()).isEmpty();
        }));
    }

    @Test
    void readsTheStateAndFactsOnlyWhenTheResourceNeedsThem() {
        Supplier<PolicyState> noState = () -> {
            throw new AssertionError("the state was read");
        };
        Supplier<Directory> noFacts = () -> {
            throw new AssertionError("the facts were read");
        };
        assertThat(PolicyAccess.of(ACCOUNT, new CreatePolicy(ACCOUNT, "Other", "/", null, DOC, TAGS, POLICY_ID, T0), noState, noFacts))
                .hasSize(2);
        assertThat(PolicyAccess.of(ACCOUNT, new DeletePolicy(ACCOUNT, "S3Read"), () -> STATE, noFacts)).hasSize(1);
        assertThat(PolicyAccess.of(ACCOUNT, new AttachGroupPolicy(ACCOUNT, "Devs", ADMIN), noState, () -> DIRECTORY)).hasSize(1);
        assertThat(PolicyAccess.of(ACCOUNT, new PutUserPermissionsBoundary(ACCOUNT, "Bob", ADMIN), noState, () -> DIRECTORY)).hasSize(1);
        assertThat(PolicyAccess.of(ACCOUNT, new AttachUserPolicy(ACCOUNT, "nobody", ADMIN), noState, () -> DIRECTORY)).hasSize(1);
        assertThat(PolicyAccess.onAccount("iam:ListPolicies").of(ACCOUNT, noState, noFacts)).hasSize(1);
        assertThat(PolicyAccess.onUser("iam:ListUserPolicies", "Bob").of(ACCOUNT, noState, () -> DIRECTORY)).hasSize(1);
    }
}
