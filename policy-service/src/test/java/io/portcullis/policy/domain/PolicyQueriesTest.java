package io.portcullis.policy.domain;

import static io.portcullis.policy.domain.PolicyDeciderTest.ACCOUNT;
import static io.portcullis.policy.domain.PolicyDeciderTest.ARN;
import static io.portcullis.policy.domain.PolicyDeciderTest.BOB_ID;
import static io.portcullis.policy.domain.PolicyDeciderTest.created;
import static io.portcullis.policy.domain.PolicyDeciderTest.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.paging.Page;
import io.portcullis.iam.policies.AwsManagedPolicies;
import io.portcullis.policy.domain.PolicyEvent.GroupPolicyAttached;
import io.portcullis.policy.domain.PolicyEvent.UserInlinePolicyPut;
import io.portcullis.policy.domain.PolicyEvent.UserPermissionsBoundarySet;
import io.portcullis.policy.domain.PolicyEvent.UserPolicyAttached;
import io.portcullis.policy.domain.PolicyQueries.Detail;
import io.portcullis.policy.domain.PolicyQueries.EntityKind;
import io.portcullis.policy.domain.PolicyQueries.PolicyDetail;
import io.portcullis.policy.domain.PolicyQueries.PolicyFilter;
import io.portcullis.policy.domain.PolicyQueries.PolicyView;
import io.portcullis.policy.domain.PolicyQueries.Scope;
import io.portcullis.policy.domain.PolicyQueries.Usage;
import io.portcullis.policy.domain.PolicyQueries.UserDetail;
import io.portcullis.policylang.validate.PolicyKind;
import io.portcullis.policylang.validate.PolicyValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyQueriesTest {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String DEVS_ID = "AGPADEVSDEVSDEVSDEVSD";
    private static final Directory FACTS = PolicyDeciderTest.BOB
            .withUser(new Directory.Entry("AIDAALICEALICEALICEAL", "alice", ACCOUNT.userArn("/ops/", "alice")))
            .withGroup(new Directory.Entry(DEVS_ID, "Devs", ACCOUNT.groupArn("/", "Devs")))
            .withMember(DEVS_ID, BOB_ID);

    private static PolicyState state(PolicyEvent... history) {
        PolicyDecider decider = new PolicyDecider();
        PolicyState state = decider.initialState();
        for (PolicyEvent event : history) {
            state = decider.evolve(state, event);
        }
        return state;
    }

    private static List<String> names(Page<PolicyView> page) {
        return page.items().stream().map(PolicyView::policyName).toList();
    }

    @Test
    void everyAwsManagedPolicyDocumentIsAValidManagedPolicy() {
        assertThat(AwsManagedPolicies.all()).extracting(p -> p.policyName()).contains("AdministratorAccess", "PowerUserAccess",
                "ReadOnlyAccess", "IAMFullAccess", "IAMReadOnlyAccess", "IAMUserChangePassword", "IAMSelfManageAccessKeys");
        AwsManagedPolicies.all().forEach(p -> {
            assertThat(PolicyValidator.validate(p.document(), PolicyKind.MANAGED).diagnostics()).as(p.policyName()).isEmpty();
            assertThat(p.policyId()).matches("ANPA[A-Z2-7]{17}");
            assertThat(p.arn()).isEqualTo("arn:aws:iam::aws:policy" + p.path() + p.policyName());
        });
    }

    @Test
    void listsAwsPoliciesThenTheAccountsOwnFilteredByScopePathAndUse() {
        PolicyState state = state(created(), new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", READ_ONLY));
        ListRequest all = new ListRequest("/", null, 1000);
        assertThat(names(PolicyQueries.listPolicies(state, new PolicyFilter(Scope.ALL, false, null), all)))
                .startsWith("AdministratorAccess").endsWith("S3Read").hasSize(AwsManagedPolicies.all().size() + 1);
        assertThat(names(PolicyQueries.listPolicies(state, new PolicyFilter(Scope.LOCAL, false, null), all))).containsExactly("S3Read");
        assertThat(names(PolicyQueries.listPolicies(state, new PolicyFilter(Scope.ALL, true, null), all))).containsExactly("ReadOnlyAccess");
        assertThat(names(PolicyQueries.listPolicies(state, new PolicyFilter(Scope.ALL, false, null), new ListRequest("/team/", null, 100))))
                .containsExactly("S3Read");
        PolicyState bounded = state(created(), new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", ARN));
        assertThat(names(PolicyQueries.listPolicies(bounded, new PolicyFilter(Scope.ALL, true, Usage.PERMISSIONS_BOUNDARY), all)))
                .containsExactly("S3Read");
        assertThat(names(PolicyQueries.listPolicies(bounded, new PolicyFilter(Scope.ALL, true, Usage.PERMISSIONS_POLICY), all))).isEmpty();
    }

    @Test
    void pagesThroughPoliciesWithAMarker() {
        PolicyState state = state(created());
        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            Page<PolicyView> page = PolicyQueries.listPolicies(state, new PolicyFilter(Scope.ALL, false, null), new ListRequest("/", marker, 2));
            seen.addAll(names(page));
            marker = page.marker();
        } while (marker != null);
        assertThat(seen).hasSize(AwsManagedPolicies.all().size() + 1).doesNotHaveDuplicates();
    }

    @Test
    void getsAPolicyWithItsCountsAndItsVersionsNewestFirst() {
        PolicyState state = state(created(), version(2, true), new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", ARN),
                new GroupPolicyAttached(ACCOUNT, DEVS_ID, "Devs", ARN));
        PolicyView view = PolicyQueries.policy(state, ARN).value().orElseThrow();
        assertThat(view.attachmentCount()).isEqualTo(2);
        assertThat(view.defaultVersionId()).isEqualTo("v2");
        assertThat(PolicyQueries.policyVersions(state, "S3Read", ListRequest.first()).value().orElseThrow().items())
                .extracting(PolicyQueries.VersionView::versionId).containsExactly("v2", "v1");
        assertThat(PolicyQueries.policyVersion(state, "S3Read", "v1").value().orElseThrow().document()).isEqualTo(PolicyDeciderTest.DOC);
        assertThat(PolicyQueries.policyVersion(state, "S3Read", "v9").rejection().orElseThrow().code()).isEqualTo(IamErrorCode.NO_SUCH_ENTITY);
        assertThat(PolicyQueries.policyVersion(state, READ_ONLY, "v1").value().orElseThrow().isDefaultVersion()).isTrue();
    }

    @Test
    void listsTheEntitiesThatUseAPolicyByKindAndUse() {
        PolicyState state = state(created(), new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", ARN),
                new GroupPolicyAttached(ACCOUNT, DEVS_ID, "Devs", ARN),
                new UserPermissionsBoundarySet(ACCOUNT, "AIDAALICEALICEALICEAL", "alice", ARN));
        var all = PolicyQueries.entitiesForPolicy(state, FACTS, ARN, Set.of(), null, ListRequest.first()).value().orElseThrow();
        assertThat(all.users()).extracting(PolicyQueries.EntityRef::name).containsExactly("alice", "Bob");
        assertThat(all.groups()).extracting(PolicyQueries.EntityRef::name).containsExactly("Devs");
        var boundaries = PolicyQueries.entitiesForPolicy(state, FACTS, ARN, Set.of(), Usage.PERMISSIONS_BOUNDARY, ListRequest.first())
                .value().orElseThrow();
        assertThat(boundaries.users()).extracting(PolicyQueries.EntityRef::name).containsExactly("alice");
        assertThat(boundaries.groups()).isEmpty();
        var groups = PolicyQueries.entitiesForPolicy(state, FACTS, ARN, Set.of(EntityKind.GROUP), null, ListRequest.first())
                .value().orElseThrow();
        assertThat(groups.users()).isEmpty();
        assertThat(PolicyQueries.entitiesForPolicy(state, FACTS, "arn:aws:iam::123456789012:policy/Nope", Set.of(), null,
                ListRequest.first()).rejection()).isPresent();
    }

    @Test
    void exportsTheAccountsAuthorizationDetailsInPages() {
        PolicyState state = state(created(), version(2, false), new UserPolicyAttached(ACCOUNT, BOB_ID, "Bob", READ_ONLY),
                new UserInlinePolicyPut(ACCOUNT, BOB_ID, "Bob", "s3", "{}"), new UserPermissionsBoundarySet(ACCOUNT, BOB_ID, "Bob", ARN));
        Page<Detail> page = PolicyQueries.authorizationDetails(state, FACTS, Set.of(), ListRequest.first());
        UserDetail bob = page.items().stream().filter(UserDetail.class::isInstance).map(UserDetail.class::cast)
                .filter(u -> u.userName().equals("Bob")).findFirst().orElseThrow();
        assertThat(bob.attachedManagedPolicies()).extracting(PolicyQueries.AttachedPolicy::policyArn).containsExactly(READ_ONLY);
        assertThat(bob.userPolicyList()).extracting(EntityPolicies.InlinePolicy::policyName).containsExactly("s3");
        assertThat(bob.permissionsBoundaryArn()).isEqualTo(ARN);
        assertThat(bob.groupList()).containsExactly("Devs");
        List<String> policies = page.items().stream().filter(PolicyDetail.class::isInstance).map(PolicyDetail.class::cast)
                .map(d -> d.policy().policyName() + ":" + d.versions().size()).toList();
        assertThat(policies).containsExactly("S3Read:2", "ReadOnlyAccess:1");
        Page<Detail> first = PolicyQueries.authorizationDetails(state, FACTS, Set.of(), new ListRequest("/", null, 2));
        Page<Detail> rest = PolicyQueries.authorizationDetails(state, FACTS, Set.of(), new ListRequest("/", first.marker(), 100));
        assertThat(first.items().size() + rest.items().size()).isEqualTo(page.items().size());
        assertThat(PolicyQueries.authorizationDetails(state, FACTS, Set.of(EntityKind.LOCAL_MANAGED_POLICY), ListRequest.first()).items())
                .hasSize(1);
    }
}
