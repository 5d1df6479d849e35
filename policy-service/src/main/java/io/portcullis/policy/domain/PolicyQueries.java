package io.portcullis.policy.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Arn;
import io.portcullis.iam.Tag;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.Lookup;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.paging.Page;
import io.portcullis.iam.paging.Pages;
import io.portcullis.iam.persistent.NameIndex;
import io.portcullis.iam.policies.AwsManagedPolicies;
import io.portcullis.iam.policies.AwsManagedPolicy;
import io.portcullis.policy.domain.EntityPolicies.InlinePolicy;
import io.portcullis.policy.domain.ManagedPolicy.PolicyVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The read questions the REST layer asks, as pure functions of the account's policies and identity-service's
 * users and groups; each answers a value or the rejection for the first thing named that does not exist.
 */
public final class PolicyQueries {

    private PolicyQueries() {
    }

    /** A managed policy, customer or AWS, as GetPolicy and the listings show it. */
    public record PolicyView(String policyName, String policyId, String arn, String path, String defaultVersionId,
                             int attachmentCount, int permissionsBoundaryUsageCount, boolean attachable, String description,
                             Instant createDate, Instant updateDate, List<Tag> tags, boolean awsManaged) {
    }

    /** One version; the document is absent in listings, as in ListPolicyVersions. */
    public record VersionView(String versionId, String document, boolean isDefaultVersion, Instant createDate) {
    }

    /** A managed policy attached to an entity: its name and ARN. */
    public record AttachedPolicy(String policyName, String policyArn) {
    }

    /** An inline policy of a user or group, with the entity's name. */
    public record InlineView(String entityName, String policyName, String document) {
    }

    /** An entity that uses a policy (ListEntitiesForPolicy): its name and id. */
    public record EntityRef(String name, String id) {
    }

    public record EntitiesForPolicy(List<EntityRef> users, List<EntityRef> groups, boolean isTruncated, String marker) {
    }

    /** {@code Scope} of ListPolicies. */
    public enum Scope { ALL, AWS, LOCAL }

    /** {@code PolicyUsageFilter}: attached as a permissions policy, or used as a permissions boundary. */
    public enum Usage { PERMISSIONS_POLICY, PERMISSIONS_BOUNDARY }

    /** ListPolicies' filters beyond paging; {@code usage} null means either. */
    public record PolicyFilter(Scope scope, boolean onlyAttached, Usage usage) {
    }

    /** {@code EntityFilter} / {@code Filter} values of ListEntitiesForPolicy and GetAccountAuthorizationDetails. */
    public enum EntityKind { USER, ROLE, GROUP, LOCAL_MANAGED_POLICY, AWS_MANAGED_POLICY }

    // Managed policies.

    /** This account's customer managed policy, by name or by its exact ARN. */
    public static Optional<ManagedPolicy> ownPolicy(PolicyState state, String policy) {
        return PolicyShapes.isArn(policy) ? state.policyByArn(policy) : state.policy(policy);
    }

    /**
     * The ARN a request naming {@code policy} (a name of this account's, or an ARN) is about: the policy's own when it
     * exists, else the ARN given, else this account's ARN for that name at the root path.
     */
    public static String arnOf(AccountId account, PolicyState state, String policy) {
        return find(state, policy).map(PolicyView::arn)
                .orElseGet(() -> PolicyShapes.isArn(policy) ? policy : account.policyArn("/", policy == null ? "" : policy));
    }

    public static Lookup<PolicyView> policy(PolicyState state, String policy) {
        return Lookup.of(find(state, policy), () -> PolicyRejections.noSuchPolicy(policy));
    }

    /**
     * {@code ListPolicies}: AWS managed policies first, then the account's own, each in name order; a policy
     * is "attached" when anything uses it, as a permissions policy or a boundary.
     */
    public static Page<PolicyView> listPolicies(PolicyState state, PolicyFilter filter, ListRequest request) {
        List<Keyed<PolicyView>> all = new ArrayList<>();
        if (filter.scope() != Scope.LOCAL) {
            AwsManagedPolicies.all().forEach(p -> all.add(new Keyed<>("0" + NameIndex.nameKey(p.policyName()), view(state, p))));
        }
        if (filter.scope() != Scope.AWS) {
            state.policiesAfter(null).forEachRemaining(p -> all.add(new Keyed<>("1" + NameIndex.nameKey(p.policyName()), view(state, p))));
        }
        Predicate<PolicyView> keep = p -> p.path().startsWith(request.pathPrefix())
                && (!filter.onlyAttached() || p.attachmentCount() + p.permissionsBoundaryUsageCount() > 0)
                && (filter.usage() != Usage.PERMISSIONS_POLICY || p.attachmentCount() > 0)
                && (filter.usage() != Usage.PERMISSIONS_BOUNDARY || p.permissionsBoundaryUsageCount() > 0);
        return unkeyed(Pages.pageOfSorted(all.stream().filter(k -> keep.test(k.value())).toList(), Keyed::key, request));
    }

    public static Lookup<VersionView> policyVersion(PolicyState state, String policy, String versionId) {
        Optional<PolicyView> found = find(state, policy);
        return Lookup.of(found.flatMap(p -> versions(state, p).stream().filter(v -> v.versionId().equals(versionId)).findFirst()),
                () -> PolicyRejections.noSuchVersion(found.map(PolicyView::arn).orElse(policy), versionId));
    }

    /** {@code ListPolicyVersions}: newest first, without documents. */
    public static Lookup<Page<VersionView>> policyVersions(PolicyState state, String policy, ListRequest request) {
        return policy(state, policy).map(p -> Pages.pageByPosition(versions(state, p).stream()
                .sorted(Comparator.comparingInt((VersionView v) -> ManagedPolicy.number(v.versionId())).reversed())
                .map(v -> new VersionView(v.versionId(), null, v.isDefaultVersion(), v.createDate()))
                .toList(), request));
    }

    public static Lookup<Page<Tag>> policyTags(PolicyState state, String policy, ListRequest request) {
        return policy(state, policy).map(p -> Pages.pageByPosition(p.tags(), request));
    }

    // What users and groups hold.

    /** {@code ListAttachedUserPolicies}: in the order attached, whose path starts with the prefix. */
    public static Lookup<Page<AttachedPolicy>> attachedUserPolicies(PolicyState state, Directory directory, String userName,
                                                                    ListRequest request) {
        return user(directory, userName).map(user -> attached(state.user(user.id()), request));
    }

    public static Lookup<Page<AttachedPolicy>> attachedGroupPolicies(PolicyState state, Directory directory, String groupName,
                                                                     ListRequest request) {
        return group(directory, groupName).map(group -> attached(state.group(group.id()), request));
    }

    public static Lookup<InlineView> userPolicy(PolicyState state, Directory directory, String userName, String policyName) {
        return user(directory, userName).flatMap(user -> Lookup.of(state.user(user.id()).inlinePolicy(policyName)
                .map(p -> new InlineView(user.name(), p.policyName(), p.document())), () -> PolicyRejections.noSuchUserPolicy(policyName)));
    }

    public static Lookup<InlineView> groupPolicy(PolicyState state, Directory directory, String groupName, String policyName) {
        return group(directory, groupName).flatMap(group -> Lookup.of(state.group(group.id()).inlinePolicy(policyName)
                .map(p -> new InlineView(group.name(), p.policyName(), p.document())), () -> PolicyRejections.noSuchGroupPolicy(policyName)));
    }

    /** {@code ListUserPolicies}: the names of the user's inline policies, in name order. */
    public static Lookup<Page<String>> userPolicyNames(PolicyState state, Directory directory, String userName, ListRequest request) {
        return user(directory, userName).map(user -> inlineNames(state.user(user.id()), request));
    }

    public static Lookup<Page<String>> groupPolicyNames(PolicyState state, Directory directory, String groupName, ListRequest request) {
        return group(directory, groupName).map(group -> inlineNames(state.group(group.id()), request));
    }

    /** The user's permissions boundary, as GetUser shows it; empty when it has none. */
    public static Optional<String> boundaryOf(PolicyState state, String userId) {
        return state.user(userId).boundary();
    }

    /**
     * {@code ListEntitiesForPolicy}: the users and groups that use the policy (attached or, for users, as
     * boundary, as {@code usage} says), in name order, whose path starts with the prefix.
     */
    public static Lookup<EntitiesForPolicy> entitiesForPolicy(PolicyState state, Directory directory, String policyArn,
                                                              Set<EntityKind> kinds, Usage usage, ListRequest request) {
        return policy(state, policyArn).map(policy -> {
            boolean users = kinds.isEmpty() || kinds.contains(EntityKind.USER);
            boolean groups = kinds.isEmpty() || kinds.contains(EntityKind.GROUP);
            List<Keyed<Object>> all = new ArrayList<>();
            if (users) {
                directory.users().forEachRemaining(user -> {
                    EntityPolicies held = state.user(user.id());
                    boolean attached = usage != Usage.PERMISSIONS_BOUNDARY && held.attached().contains(policy.arn());
                    boolean bounded = usage != Usage.PERMISSIONS_POLICY && policy.arn().equals(held.boundaryArn());
                    if ((attached || bounded) && pathOf(user.arn()).startsWith(request.pathPrefix())) {
                        all.add(new Keyed<>("u" + NameIndex.nameKey(user.name()), new EntityRef(user.name(), user.id())));
                    }
                });
            }
            if (groups && usage != Usage.PERMISSIONS_BOUNDARY) {
                directory.groups().forEachRemaining(group -> {
                    if (state.group(group.id()).attached().contains(policy.arn()) && pathOf(group.arn()).startsWith(request.pathPrefix())) {
                        all.add(new Keyed<>("g" + NameIndex.nameKey(group.name()), new EntityRef(group.name(), group.id())));
                    }
                });
            }
            Page<Keyed<Object>> page = Pages.pageOfSorted(all, Keyed::key, request);
            List<EntityRef> pageUsers = new ArrayList<>();
            List<EntityRef> pageGroups = new ArrayList<>();
            page.items().forEach(k -> (k.key().startsWith("u") ? pageUsers : pageGroups).add((EntityRef) k.value()));
            return new EntitiesForPolicy(pageUsers, pageGroups, page.isTruncated(), page.marker());
        });
    }

    // GetAccountAuthorizationDetails.

    /** One item of the account's authorization details. */
    public sealed interface Detail {
    }

    public record UserDetail(String userName, String userId, String arn, String path, List<String> groupList,
                             List<AttachedPolicy> attachedManagedPolicies, List<InlinePolicy> userPolicyList,
                             String permissionsBoundaryArn) implements Detail {
    }

    public record GroupDetail(String groupName, String groupId, String arn, String path, List<AttachedPolicy> attachedManagedPolicies,
                              List<InlinePolicy> groupPolicyList) implements Detail {
    }

    public record PolicyDetail(PolicyView policy, List<VersionView> versions) implements Detail {
    }

    /**
     * {@code GetAccountAuthorizationDetails}: users, then groups, then the account's own managed policies, then
     * AWS's (each in name order), of the kinds asked for (all when none are); policies with every version.
     * AWS managed policies are listed only when something in the account uses them, as AWS does.
     */
    public static Page<Detail> authorizationDetails(PolicyState state, Directory directory, Set<EntityKind> kinds, ListRequest request) {
        List<Keyed<Detail>> all = new ArrayList<>();
        if (kinds.isEmpty() || kinds.contains(EntityKind.USER)) {
            directory.users().forEachRemaining(user -> {
                EntityPolicies held = state.user(user.id());
                all.add(new Keyed<>("1" + NameIndex.nameKey(user.name()), new UserDetail(user.name(), user.id(), user.arn(),
                        pathOf(user.arn()), directory.groupsOf(user.id()).stream().map(Directory.Entry::name).toList(), attachedOf(held),
                        held.inline(), held.boundaryArn())));
            });
        }
        if (kinds.isEmpty() || kinds.contains(EntityKind.GROUP)) {
            directory.groups().forEachRemaining(group -> {
                EntityPolicies held = state.group(group.id());
                all.add(new Keyed<>("2" + NameIndex.nameKey(group.name()), new GroupDetail(group.name(), group.id(), group.arn(),
                        pathOf(group.arn()), attachedOf(held), held.inline())));
            });
        }
        if (kinds.isEmpty() || kinds.contains(EntityKind.LOCAL_MANAGED_POLICY)) {
            state.policiesAfter(null).forEachRemaining(p -> {
                PolicyView view = view(state, p);
                all.add(new Keyed<>("3" + NameIndex.nameKey(p.policyName()), new PolicyDetail(view, versions(state, view))));
            });
        }
        if (kinds.isEmpty() || kinds.contains(EntityKind.AWS_MANAGED_POLICY)) {
            AwsManagedPolicies.all().stream().map(p -> view(state, p))
                    .filter(p -> p.attachmentCount() + p.permissionsBoundaryUsageCount() > 0)
                    .forEach(p -> all.add(new Keyed<>("4" + NameIndex.nameKey(p.policyName()), new PolicyDetail(p, versions(state, p)))));
        }
        return unkeyed(Pages.pageOfSorted(all, Keyed::key, request));
    }

    // Helpers.

    /** A value with the key it sorts and resumes by. */
    private record Keyed<T>(String key, T value) {
    }

    private static <T> Page<T> unkeyed(Page<Keyed<T>> page) {
        return new Page<>(page.items().stream().map(Keyed::value).toList(), page.isTruncated(), page.marker());
    }

    private static Optional<PolicyView> find(PolicyState state, String policy) {
        if (policy == null) {
            return Optional.empty();
        }
        Optional<AwsManagedPolicy> aws = AwsManagedPolicies.byArn(policy);
        return aws.isPresent() ? aws.map(p -> view(state, p)) : ownPolicy(state, policy).map(p -> view(state, p));
    }

    private static PolicyView view(PolicyState state, ManagedPolicy p) {
        PolicyState.Usage usage = state.usage(p.arn());
        return new PolicyView(p.policyName(), p.policyId(), p.arn(), p.path(), p.defaultVersionId(), usage.attachments(),
                usage.boundaries(), true, p.description(), p.createDate(), p.updateDate(), p.tags(), false);
    }

    private static PolicyView view(PolicyState state, AwsManagedPolicy p) {
        PolicyState.Usage usage = state.usage(p.arn());
        return new PolicyView(p.policyName(), p.policyId(), p.arn(), p.path(), p.defaultVersionId(), usage.attachments(),
                usage.boundaries(), true, p.description(), p.createDate(), p.createDate(), List.of(), true);
    }

    /** Every version of a policy, in the order created, with documents. */
    private static List<VersionView> versions(PolicyState state, PolicyView policy) {
        if (policy.awsManaged()) {
            AwsManagedPolicy aws = AwsManagedPolicies.byArn(policy.arn()).orElseThrow();
            return List.of(new VersionView(aws.defaultVersionId(), aws.document(), true, aws.createDate()));
        }
        ManagedPolicy own = state.policyById(policy.policyId()).orElseThrow();
        return own.versions().stream().map(v -> versionView(own, v)).toList();
    }

    private static VersionView versionView(ManagedPolicy policy, PolicyVersion version) {
        return new VersionView(version.versionId(), version.document(), version.versionId().equals(policy.defaultVersionId()),
                version.createDate());
    }

    private static Page<AttachedPolicy> attached(EntityPolicies held, ListRequest request) {
        return Pages.pageByPosition(attachedOf(held).stream()
                .filter(p -> pathOf(p.policyArn()).startsWith(request.pathPrefix())).toList(), request);
    }

    private static List<AttachedPolicy> attachedOf(EntityPolicies held) {
        return held.attached().stream().map(Arn::parse).flatMap(Optional::stream)
                .map(arn -> new AttachedPolicy(arn.resourceName(), arn.toString())).toList();
    }

    private static Page<String> inlineNames(EntityPolicies held, ListRequest request) {
        return Pages.pageOfSorted(held.inline().stream().map(InlinePolicy::policyName).toList(), Function.identity(), request);
    }

    private static String pathOf(String arn) {
        return Arn.parse(arn).map(Arn::resourcePath).orElse("/");
    }

    private static Lookup<Directory.Entry> user(Directory directory, String userName) {
        return Lookup.of(directory.user(userName), () -> Rejection.noSuchUser(userName));
    }

    private static Lookup<Directory.Entry> group(Directory directory, String groupName) {
        return Lookup.of(directory.group(groupName), () -> Rejection.noSuchGroup(groupName));
    }
}
