package io.portcullis.authz.model;

import io.portcullis.authz.model.Authorization.Matched;
import io.portcullis.authz.model.ModelEntries.AccessKey;
import io.portcullis.authz.model.ModelEntries.CustomerPolicy;
import io.portcullis.authz.model.ModelEntries.Group;
import io.portcullis.authz.model.ModelEntries.Holdings;
import io.portcullis.authz.model.ModelEntries.Node;
import io.portcullis.authz.model.ModelEntries.Org;
import io.portcullis.authz.model.ModelEntries.OrgPolicy;
import io.portcullis.authz.model.ModelEntries.User;
import io.portcullis.iam.policies.AwsManagedPolicies;
import io.portcullis.iam.policies.AwsManagedPolicy;
import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.evaluate.AuthorizationRequest;
import io.portcullis.policylang.evaluate.Decision;
import io.portcullis.policylang.evaluate.MatchedStatement;
import io.portcullis.policylang.evaluate.PolicyEvaluator;
import io.portcullis.policylang.evaluate.PolicySet;
import io.portcullis.policylang.validate.PolicyKind;
import io.portcullis.policylang.validate.PolicyType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides on the model, as AWS does: the principal's identity policies (its own and its groups', managed at their
 * default version, and inline), its permissions boundary, the SCPs from its organization's root down to its
 * account and the RCPs from the root down to the resource's account (the management accounts exempt), evaluated by
 * the policy library. What the engine derives about the principal ({@code aws:PrincipalArn}, {@code aws:username},
 * {@code aws:userid}, {@code aws:PrincipalTag/*}, …) comes from the model, never from the question.
 */
public final class Authorizer {

    private static final String SCP = "SERVICE_CONTROL_POLICY";
    private static final String RCP = "RESOURCE_CONTROL_POLICY";

    private final ModelStore store;
    private final PolicyCache cache;

    public Authorizer(ModelStore store, int compiledPolicyCapacity) {
        this.store = store;
        this.cache = new PolicyCache(compiledPolicyCapacity);
    }

    /** A policy as evaluated, and where it came from (for the explanation). */
    private record Source(String policy, String version, String attachedThrough) {
    }

    public Authorization authorize(AuthorizationQuestion question) {
        ModelBatch view = new ModelBatch(store);
        Optional<Principal> found = principal(view, question);
        if (found.isEmpty()) {
            return new Authorization.PrincipalNotFound(question.accessKeyId() != null
                    ? "The security token included in the request is invalid."
                    : "The principal " + question.principal() + " does not exist.");
        }
        Principal principal = found.get();
        User user = principal.user();
        Holdings own = view.get(ModelFold.userPoliciesKey(principal.account(), user.id()), Holdings.class).orElse(Holdings.NONE);
        List<CompiledPolicy> identity = new ArrayList<>();
        List<Source> identitySources = new ArrayList<>();
        own.inline().forEach((name, document) -> add(identity, identitySources, compile(document, PolicyKind.INLINE_USER),
                new Source(name, null, "direct")));
        for (String arn : own.attached()) {
            managed(view, arn).ifPresent(doc -> add(identity, identitySources, compile(doc.document(), PolicyKind.MANAGED),
                    new Source(arn, doc.version(), "direct")));
        }
        for (String groupId : user.groups()) {
            Optional<Group> group = view.get(ModelFold.groupKey(principal.account(), groupId), Group.class);
            if (group.isEmpty()) {
                continue;
            }
            String through = "group " + group.get().name();
            Holdings held = view.get(ModelFold.groupPoliciesKey(principal.account(), groupId), Holdings.class).orElse(Holdings.NONE);
            held.inline().forEach((name, document) -> add(identity, identitySources, compile(document, PolicyKind.INLINE_GROUP),
                    new Source(name, null, through)));
            for (String arn : held.attached()) {
                managed(view, arn).ifPresent(doc -> add(identity, identitySources, compile(doc.document(), PolicyKind.MANAGED),
                        new Source(arn, doc.version(), through)));
            }
        }
        Source boundarySource = null;
        CompiledPolicy boundary = null;
        if (own.boundary() != null) {
            Optional<Versioned> doc = managed(view, own.boundary());
            if (doc.isPresent()) {
                boundary = compile(doc.get().document(), PolicyKind.PERMISSIONS_BOUNDARY);
                boundarySource = new Source(own.boundary(), doc.get().version(), "boundary");
            }
        }
        String resourceAccount = question.resourceAccount() == null || question.resourceAccount().isEmpty() ? principal.account()
                : question.resourceAccount();
        Set<String> managementAccounts = new HashSet<>();
        List<List<Source>> scpSources = new ArrayList<>();
        List<List<CompiledPolicy>> scps = chain(view, principal.account(), SCP, PolicyKind.SERVICE_CONTROL_POLICY, scpSources,
                managementAccounts);
        List<List<Source>> rcpSources = new ArrayList<>();
        List<List<CompiledPolicy>> rcps = chain(view, resourceAccount, RCP, PolicyKind.RESOURCE_CONTROL_POLICY, rcpSources,
                managementAccounts);

        PolicySet policies = new PolicySet(identity, boundary, scps, rcps, null, null, managementAccounts);
        AuthorizationRequest request = new AuthorizationRequest(user.arn(), user.tags(), question.action(), question.resource(),
                question.resourceAccount() == null ? "" : question.resourceAccount(), question.context(), user.id());
        Decision decision = PolicyEvaluator.decide(policies, request);

        List<Matched> matched = new ArrayList<>();
        for (MatchedStatement m : decision.matchedStatements()) {
            Source source = switch (m.policyType()) {
                case IDENTITY -> identitySources.get(m.policyIndex());
                case BOUNDARY -> boundarySource;
                case SCP -> scpSources.get(m.level()).get(m.policyIndex());
                case RCP -> rcpSources.get(m.level()).get(m.policyIndex());
                default -> new Source(null, null, m.policyType().jsonName());
            };
            matched.add(new Matched(m.policyType().jsonName(), source.policy(), source.version(), m.statementIndex(), m.sid(), m.allow(),
                    source.attachedThrough()));
        }
        String blockedBy = decision.blockedBy().map(PolicyType::jsonName).orElse(null);
        return new Authorization.Decided(decision.name(), blockedBy, matched,
                decision.isAllowed() ? null : AccessDeniedMessage.of(user.arn(), question.action(), question.resource(), decision),
                user.arn());
    }

    /** The user the question names, by ARN or by an Active access key. */
    private static Optional<Principal> principal(ModelBatch view, AuthorizationQuestion question) {
        if (question.accessKeyId() != null) {
            return view.get(ModelFold.keyKey(question.accessKeyId()), AccessKey.class)
                    .filter(key -> "Active".equals(key.status()))
                    .flatMap(key -> view.get(ModelFold.userKey(key.account(), key.userId()), User.class)
                            .map(user -> new Principal(key.account(), user)));
        }
        String arn = question.principal();
        if (arn == null || !arn.startsWith("arn:aws:iam::") || !arn.contains(":user/")) {
            return Optional.empty();
        }
        String account = arn.substring("arn:aws:iam::".length(), arn.indexOf(':', "arn:aws:iam::".length()));
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        return view.text(ModelFold.userNameKey(account, name))
                .flatMap(userId -> view.get(ModelFold.userKey(account, userId), User.class))
                .filter(user -> user.arn().equals(arn))
                .map(user -> new Principal(account, user));
    }

    private record Principal(String account, User user) {
    }

    private record Versioned(String document, String version) {
    }

    /** A managed policy's default version: the account's customer managed policy, or AWS's. */
    private static Optional<Versioned> managed(ModelBatch view, String arn) {
        Optional<CustomerPolicy> customer = view.get(ModelFold.policyKey(arn), CustomerPolicy.class);
        if (customer.isPresent()) {
            return Optional.ofNullable(customer.get().document()).map(doc -> new Versioned(doc, customer.get().defaultVersion()));
        }
        return AwsManagedPolicies.byArn(arn).map(p -> new Versioned(p.document(), AwsManagedPolicy.VERSION_ID));
    }

    /**
     * The levels of one organization policy type from the root down to the account (empty when the account is in no
     * organization or the type is not enabled), and the organization's management account.
     */
    private List<List<CompiledPolicy>> chain(ModelBatch view, String account, String type, PolicyKind kind, List<List<Source>> sources,
                                             Set<String> managementAccounts) {
        Optional<String> organizationId = view.text(ModelFold.memberKey(account));
        Optional<Org> org = organizationId.flatMap(id -> view.get(ModelFold.orgKey(id), Org.class));
        if (org.isEmpty()) {
            return List.of();
        }
        managementAccounts.add(org.get().managementAccountId());
        if (!org.get().enabledPolicyTypes().contains(type)) {
            return List.of();
        }
        List<String> path = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        String id = account;
        while (id != null && path.size() < 8) {
            Optional<Node> node = view.get(ModelFold.nodeKey(org.get().id(), id), Node.class);
            if (node.isEmpty()) {
                break;
            }
            path.add(0, id);
            nodes.add(0, node.get());
            id = node.get().parent();
        }
        List<List<CompiledPolicy>> levels = new ArrayList<>();
        for (int level = 0; level < nodes.size(); level++) {
            List<CompiledPolicy> compiled = new ArrayList<>();
            List<Source> levelSources = new ArrayList<>();
            for (String policyId : nodes.get(level).attached()) {
                Optional<OrgPolicy> policy = view.get(ModelFold.orgPolicyKey(org.get().id(), policyId), OrgPolicy.class)
                        .filter(p -> p.type().equals(type));
                if (policy.isPresent()) {
                    compiled.add(compile(policy.get().content(), kind));
                    levelSources.add(new Source(policyId, null, (SCP.equals(type) ? "scp " : "rcp ") + path.get(level)));
                }
            }
            levels.add(compiled);
            sources.add(levelSources);
        }
        return levels;
    }

    private CompiledPolicy compile(String document, PolicyKind kind) {
        return cache.compile(document, kind);
    }

    private static void add(List<CompiledPolicy> policies, List<Source> sources, CompiledPolicy policy, Source source) {
        policies.add(policy);
        sources.add(source);
    }

    /** How many compiled policies are cached now (bounded by the capacity given). */
    public int cachedPolicies() {
        return cache.size();
    }
}
