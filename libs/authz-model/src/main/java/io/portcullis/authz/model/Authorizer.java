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
import io.portcullis.iam.AccountId;
import io.portcullis.iam.Arn;
import io.portcullis.iam.access.SuitePrincipals;
import io.portcullis.iam.policies.AwsManagedPolicies;
import io.portcullis.iam.policies.AwsManagedPolicy;
import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.evaluate.AuthorizationRequest;
import io.portcullis.policylang.evaluate.Decision;
import io.portcullis.policylang.evaluate.MatchedStatement;
import io.portcullis.policylang.evaluate.PolicyEvaluator;
import io.portcullis.policylang.evaluate.PolicySet;
import io.portcullis.policylang.evaluate.PrincipalOrganization;
import io.portcullis.policylang.validate.PolicyKind;
import io.portcullis.policylang.validate.PolicyType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides on the model, as AWS does: the principal's identity policies (its own and its groups', managed at their
 * default version, and inline), its permissions boundary, the SCPs from its organization's root down to its
 * account and the RCPs from the root down to the resource's account (the management accounts exempt), evaluated by
 * the policy library. What the engine derives about the principal ({@code aws:PrincipalArn}, {@code aws:username},
 * {@code aws:userid}, {@code aws:PrincipalTag/*}, {@code aws:PrincipalOrgID}, {@code aws:PrincipalOrgPaths}) comes from the model,
 * and the request's time ({@code aws:CurrentTime}, {@code aws:EpochTime}) from its clock, never from the question.
 */
public final class Authorizer {

    private static final String SCP = "SERVICE_CONTROL_POLICY";
    private static final String RCP = "RESOURCE_CONTROL_POLICY";

    private final ModelStore store;
    private final PolicyCache cache;
    private final Clock clock;

    public Authorizer(ModelStore store, int compiledPolicyCapacity) {
        this(store, compiledPolicyCapacity, Clock.systemUTC());
    }

    /** An authorizer whose requests happen at {@code clock}'s time ({@code aws:CurrentTime}). */
    public Authorizer(ModelStore store, int compiledPolicyCapacity, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.cache = new PolicyCache(compiledPolicyCapacity);
    }

    /** Decides one question on a snapshot of the model. */
    public Authorization authorize(AuthorizationQuestion question) {
        try (ModelStore.View snapshot = store.snapshot()) {
            return authorize(question, new ModelBatch(snapshot));
        }
    }

    /** Decides every question on one snapshot of the model: no change lands between two of them. */
    public List<Authorization> authorizeAll(List<AuthorizationQuestion> questions) {
        try (ModelStore.View snapshot = store.snapshot()) {
            ModelBatch view = new ModelBatch(snapshot);
            return questions.stream().map(question -> authorize(question, view)).toList();
        }
    }

    /** The ARN of the user an Active access key belongs to. */
    public Optional<String> principalOfKey(String accessKeyId) {
        try (ModelStore.View snapshot = store.snapshot()) {
            return principal(new ModelBatch(snapshot), new AuthorizationQuestion(null, accessKeyId, "*", "*", null, Map.of()))
                    .map(Principal::arn);
        }
    }

    /** Every policy in force for the named user, or empty when the account has no such user. */
    public Optional<EffectivePermissions> effectivePermissions(String account, String userName) {
        try (ModelStore.View snapshot = store.snapshot()) {
            ModelBatch view = new ModelBatch(snapshot);
            return view.text(ModelFold.userNameKey(account, userName))
                    .flatMap(userId -> view.get(ModelFold.userKey(account, userId), User.class))
                    .map(user -> {
                        Principal principal = Principal.of(account, user);
                        Set<String> managementAccounts = new HashSet<>();
                        List<List<PolicyInForce>> scps = chain(view, placement(view, account), SCP, managementAccounts);
                        return new EffectivePermissions(user.arn(), identity(view, principal), boundary(view, principal), scps,
                                managementAccounts.contains(account));
                    });
        }
    }

    Authorization authorize(AuthorizationQuestion question, ModelBatch view) {
        Optional<Principal> found = principal(view, question);
        if (found.isEmpty()) {
            return new Authorization.PrincipalNotFound(question.accessKeyId() != null
                    ? "The security token included in the request is invalid."
                    : "The principal " + question.principal() + " does not exist.");
        }
        Principal principal = found.get();
        return decide(view, principal, identity(view, principal), boundary(view, principal), question.action(), question.resource(),
                question.resourceAccount(), withResourceTags(view, question, withRequestTime(question.context(), true)),
                question.resourcePolicy());
    }

    /**
     * {@code aws:ResourceTag/*} of an IAM user the resource names, from the model, when the question gives none: what
     * tag-based access to users ("delete only users of my team") decides on.
     */
    private static Map<String, List<String>> withResourceTags(ModelBatch view, AuthorizationQuestion question,
                                                              Map<String, List<String>> context) {
        String resource = question.resource();
        if (resource == null || !resource.startsWith("arn:aws:iam::") || !resource.contains(":user/")
                || context.keySet().stream().anyMatch(key -> key.regionMatches(true, 0, "aws:ResourceTag/", 0, 16))) {
            return context;
        }
        String account = resource.substring("arn:aws:iam::".length(), resource.indexOf(':', "arn:aws:iam::".length()));
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Optional<User> user = view.text(ModelFold.userNameKey(account, name))
                .flatMap(userId -> view.get(ModelFold.userKey(account, userId), User.class))
                .filter(u -> u.arn().equals(resource));
        if (user.isEmpty() || user.get().tags().isEmpty()) {
            return context;
        }
        Map<String, List<String>> tagged = new HashMap<>(context);
        user.get().tags().forEach((key, value) -> tagged.put("aws:ResourceTag/" + key, List.of(value)));
        return tagged;
    }

    /**
     * AWS's SimulatePrincipalPolicy (a stored user's policies, with extra ones, another boundary, or caller context) and
     * SimulateCustomPolicy (the documents given, no stored principal): one decision per action and resource, on one
     * snapshot. Empty when the simulation names a user the model does not hold.
     */
    public Optional<List<SimulationResult>> simulate(Simulation simulation) {
        try (ModelStore.View snapshot = store.snapshot()) {
            ModelBatch view = new ModelBatch(snapshot);
            Principal principal;
            List<PolicyInForce> identity = new ArrayList<>();
            PolicyInForce boundary;
            if (simulation.policySourceArn() != null) {
                Optional<Principal> found = principal(view, new AuthorizationQuestion(simulation.policySourceArn(), null, "*", "*", null,
                        Map.of()));
                if (found.isEmpty()) {
                    return Optional.empty();
                }
                principal = found.get();
                identity.addAll(identity(view, principal));
                boundary = boundary(view, principal);
            } else {
                principal = null;
                boundary = null;
            }
            for (int i = 0; i < simulation.policyInputList().size(); i++) {
                identity.add(new PolicyInForce("identity", "policyInputList[" + i + "]", SIMULATION_INPUT, "simulation",
                        simulation.policyInputList().get(i)));
            }
            if (simulation.permissionsBoundary() != null) {
                boundary = new PolicyInForce("boundary", "permissionsBoundaryPolicyInputList[0]", SIMULATION_INPUT, "boundary",
                        simulation.permissionsBoundary());
            }
            List<SimulationResult> results = new ArrayList<>();
            Map<String, List<String>> context = withRequestTime(simulation.context(), false);
            for (String action : simulation.actionNames()) {
                for (String resource : simulation.resourceArns()) {
                    Authorization.Decided decided = principal == null
                            ? decide(view, simulation.callerArn(), identity, boundary, action, resource, simulation.resourceOwner(), context)
                            : decide(view, principal, identity, boundary, action, resource, simulation.resourceOwner(), context, null);
                    results.add(new SimulationResult(action, resource, decided));
                }
            }
            return Optional.of(results);
        }
    }

    /**
     * The request's time as {@code aws:CurrentTime} and {@code aws:EpochTime}, from this model's clock. A decision never
     * takes the caller's: a time-bounded policy would otherwise hold whenever the caller says so. A simulation keeps
     * a time it is given, as AWS's policy simulator does, and gets the clock's for the other.
     */
    private Map<String, List<String>> withRequestTime(Map<String, List<String>> context, boolean replaceCallers) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<String>> timed = new HashMap<>(context);
        timed(timed, "aws:CurrentTime", now.toString(), replaceCallers);
        timed(timed, "aws:EpochTime", Long.toString(now.getEpochSecond()), replaceCallers);
        return timed;
    }

    private static void timed(Map<String, List<String>> context, String key, String now, boolean replaceCallers) {
        boolean given = context.keySet().stream().anyMatch(key::equalsIgnoreCase);
        if (given && !replaceCallers) {
            return;
        }
        context.keySet().removeIf(key::equalsIgnoreCase);
        context.put(key, List.of(now));
    }

    /** What a boundary stands for when its policy is not in the model: nothing is allowed through it. */
    private static final String ALLOWS_NOTHING = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"*\",\"Resource\":\"*\"}]}";

    /** What stands for a policy given to a simulation as its version: it is checked as a managed policy. */
    private static final String SIMULATION_INPUT = "input";

    private Authorization.Decided decide(ModelBatch view, Principal principal, List<PolicyInForce> identitySources, PolicyInForce boundarySource,
                                         String action, String resource, String resourceAccountAsked, Map<String, List<String>> context,
                                         String resourcePolicy) {
        boolean askedForAccount = resourceAccountAsked != null && !resourceAccountAsked.isEmpty();
        String resourceAccount = askedForAccount ? resourceAccountAsked : principal.account();
        Set<String> managementAccounts = new HashSet<>();
        Optional<Placement> placement = principal.account().isEmpty() ? Optional.empty() : placement(view, principal.account());
        // A suite service principal has no account: no SCP applies to it, as none applies to AWS's service principals.
        List<List<PolicyInForce>> scpSources = chain(view, placement, SCP, managementAccounts);
        List<List<PolicyInForce>> rcpSources = !rcpsApplyTo(action) || resourceAccount.isEmpty() ? List.of()
                : chain(view, resourceAccount.equals(principal.account()) ? placement : placement(view, resourceAccount), RCP, managementAccounts);
        PolicyInForce resourceSource = resourcePolicy == null ? null
                : new PolicyInForce("resource", "resource policy", null, "resource", resourcePolicy);
        return evaluate(identitySources, boundarySource, scpSources, rcpSources, resourceSource, managementAccounts,
                new AuthorizationRequest(principal.arn(), principal.tags(), action, resource, askedForAccount ? resourceAccountAsked : "",
                        context, principal.id(), placement.map(Placement::principalOrganization).orElse(null)));
    }

    /**
     * RCPs cover the services AWS lists for them (S3, STS, KMS, SQS, Secrets Manager, …), which do not include IAM or
     * Organizations: the suite's own APIs (and its {@code portcullis:} actions) are never limited by an RCP.
     */
    private static boolean rcpsApplyTo(String action) {
        String service = action == null || action.indexOf(':') < 0 ? "" : action.substring(0, action.indexOf(':')).toLowerCase(java.util.Locale.ROOT);
        return !service.equals("iam") && !service.equals("organizations") && !service.equals("portcullis");
    }

    /** A custom-policy simulation: no stored principal, so no tags, groups or organization; the caller ARN as given. */
    private Authorization.Decided decide(ModelBatch view, String callerArn, List<PolicyInForce> identitySources, PolicyInForce boundarySource,
                                         String action, String resource, String resourceAccount, Map<String, List<String>> context) {
        return evaluate(identitySources, boundarySource, List.of(), List.of(), null, Set.of(), new AuthorizationRequest(callerArn, Map.of(),
                action, resource, resourceAccount == null ? "" : resourceAccount, context, null));
    }

    private Authorization.Decided evaluate(List<PolicyInForce> identitySources, PolicyInForce boundarySource,
                                           List<List<PolicyInForce>> scpSources, List<List<PolicyInForce>> rcpSources,
                                           PolicyInForce resourceSource, Set<String> managementAccounts, AuthorizationRequest request) {
        PolicySet policies = new PolicySet(compiled(identitySources), boundarySource == null ? null : compiled(boundarySource),
                scpSources.stream().map(this::compiled).toList(), rcpSources.stream().map(this::compiled).toList(),
                resourceSource == null ? null : compiled(resourceSource), null, managementAccounts);
        Decision decision = PolicyEvaluator.decide(policies, request);
        List<Matched> matched = new ArrayList<>();
        for (MatchedStatement m : decision.matchedStatements()) {
            PolicyInForce source = switch (m.policyType()) {
                case IDENTITY -> identitySources.get(m.policyIndex());
                case BOUNDARY -> boundarySource;
                case SCP -> scpSources.get(m.level()).get(m.policyIndex());
                case RCP -> rcpSources.get(m.level()).get(m.policyIndex());
                case RESOURCE -> resourceSource;
                default -> new PolicyInForce(m.policyType().jsonName(), null, null, m.policyType().jsonName(), null);
            };
            matched.add(new Matched(m.policyType().jsonName(), source.policy(), SIMULATION_INPUT.equals(source.version()) ? null
                    : source.version(), m.statementIndex(), m.sid(), m.allow(), source.attachedThrough()));
        }
        String blockedBy = decision.blockedBy().map(PolicyType::jsonName).orElse(null);
        return new Authorization.Decided(decision.name(), blockedBy, matched,
                decision.isAllowed() ? null : AccessDeniedMessage.of(request.principal(), request.action(), request.resource(), decision),
                request.principal());
    }

    /** The user's own policies (inline, then attached), then each group's, in the order joined. */
    private static List<PolicyInForce> identity(ModelBatch view, Principal principal) {
        List<PolicyInForce> found = new ArrayList<>();
        if (principal.user() == null) {
            return found;
        }
        Holdings own = view.get(ModelFold.userPoliciesKey(principal.account(), principal.user().id()), Holdings.class).orElse(Holdings.NONE);
        held(view, own, "direct", found);
        for (String groupId : principal.user().groups()) {
            Optional<Group> group = view.get(ModelFold.groupKey(principal.account(), groupId), Group.class);
            if (group.isPresent()) {
                Holdings held = view.get(ModelFold.groupPoliciesKey(principal.account(), groupId), Holdings.class).orElse(Holdings.NONE);
                held(view, held, "group " + group.get().name(), found);
            }
        }
        return found;
    }

    /** Inline policies in name order (they have no version), then managed ones at their default version. */
    private static void held(ModelBatch view, Holdings holdings, String through, List<PolicyInForce> found) {
        new TreeMap<>(holdings.inline()).forEach((name, document) -> found.add(new PolicyInForce("identity", name, null, through, document)));
        for (String arn : holdings.attached()) {
            managed(view, arn).ifPresent(doc -> found.add(new PolicyInForce("identity", arn, doc.version(), through, doc.document())));
        }
    }

    private static PolicyInForce boundary(ModelBatch view, Principal principal) {
        if (principal.user() == null) {
            return null;
        }
        Holdings own = view.get(ModelFold.userPoliciesKey(principal.account(), principal.user().id()), Holdings.class).orElse(Holdings.NONE);
        String arn = own.boundarySaid() ? own.boundary() : principal.user().creationBoundary();
        // A boundary whose policy the model does not hold allows nothing: an error never grants (a deleted policy, or
        // one the model has not seen yet).
        return arn == null ? null : managed(view, arn)
                .map(doc -> new PolicyInForce("boundary", arn, doc.version(), "boundary", doc.document()))
                .orElseGet(() -> new PolicyInForce("boundary", arn, null, "boundary", ALLOWS_NOTHING));
    }

    private List<CompiledPolicy> compiled(List<PolicyInForce> policies) {
        return policies.stream().map(this::compiled).toList();
    }

    private CompiledPolicy compiled(PolicyInForce policy) {
        // A managed policy has a version; an inline one has none and counts against its user's or group's quota.
        PolicyKind kind = switch (policy.policyType()) {
            case "identity" -> policy.version() != null ? PolicyKind.MANAGED
                    : policy.attachedThrough().startsWith("group ") ? PolicyKind.INLINE_GROUP : PolicyKind.INLINE_USER;
            case "boundary" -> PolicyKind.PERMISSIONS_BOUNDARY;
            case "scp" -> PolicyKind.SERVICE_CONTROL_POLICY;
            case "rcp" -> PolicyKind.RESOURCE_CONTROL_POLICY;
            case "resource" -> PolicyKind.RESOURCE_POLICY;
            default -> throw new IllegalStateException("No policy kind for " + policy.policyType());
        };
        return cache.compile(policy.document(), kind);
    }

    /**
     * The principal the question names: a user by ARN or by an Active access key, an account's root by its ARN (every
     * account has one), or one of the suite's service principals by name.
     */
    private static Optional<Principal> principal(ModelBatch view, AuthorizationQuestion question) {
        if (question.accessKeyId() != null) {
            return view.get(ModelFold.keyKey(question.accessKeyId()), AccessKey.class)
                    .filter(key -> "Active".equals(key.status()))
                    .flatMap(key -> view.get(ModelFold.userKey(key.account(), key.userId()), User.class)
                            .map(user -> Principal.of(key.account(), user)));
        }
        String arn = question.principal();
        if (SuitePrincipals.serviceOf(arn).isPresent()) {
            return Optional.of(new Principal("", null, arn, Map.of(), null));
        }
        Optional<AccountId> root = Arn.parse(arn).filter(a -> a.service().equals("iam") && a.resource().equals("root"))
                .flatMap(Arn::accountId);
        if (root.isPresent()) {
            return Optional.of(new Principal(root.get().value(), null, arn, Map.of(), root.get().value()));
        }
        if (arn == null || !arn.startsWith("arn:aws:iam::") || !arn.contains(":user/")) {
            return Optional.empty();
        }
        String account = arn.substring("arn:aws:iam::".length(), arn.indexOf(':', "arn:aws:iam::".length()));
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        return view.text(ModelFold.userNameKey(account, name))
                .flatMap(userId -> view.get(ModelFold.userKey(account, userId), User.class))
                .filter(user -> user.arn().equals(arn))
                .map(user -> Principal.of(account, user));
    }

    /**
     * Who a decision is for: its account (empty for a suite service), the user when it is one (null for a root or a
     * service, which hold no identity policies here), its ARN, tags and unique id ({@code aws:userid}: a root's is its
     * account id, as AWS sets it).
     */
    private record Principal(String account, User user, String arn, Map<String, String> tags, String id) {
        static Principal of(String account, User user) {
            return new Principal(account, user, user.arn(), user.tags(), user.id());
        }
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
     * Where an account sits: its organization, and the ids from the root down to the account with their nodes. Empty
     * when the account is in no organization the model holds.
     */
    private record Placement(Org org, List<String> path, List<Node> nodes) {

        /** {@code aws:PrincipalOrgID} and {@code aws:PrincipalOrgPaths}: the root and OUs down to the account's parent. */
        PrincipalOrganization principalOrganization() {
            StringBuilder orgPath = new StringBuilder(org.id()).append('/');
            path.subList(0, Math.max(0, path.size() - 1)).forEach(id -> orgPath.append(id).append('/'));
            return new PrincipalOrganization(org.id(), orgPath.toString());
        }
    }

    private static Optional<Placement> placement(ModelBatch view, String account) {
        Optional<String> organizationId = view.text(ModelFold.memberKey(account));
        Optional<Org> org = organizationId.flatMap(id -> view.get(ModelFold.orgKey(id), Org.class));
        if (org.isEmpty()) {
            return Optional.empty();
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
        return Optional.of(new Placement(org.get(), path, nodes));
    }

    /**
     * The levels of one organization policy type from the root down to the account (empty when the account is in no
     * organization or the type is not enabled); the organization's management account is added to {@code managementAccounts}.
     */
    private static List<List<PolicyInForce>> chain(ModelBatch view, Optional<Placement> placement, String type,
                                                   Set<String> managementAccounts) {
        if (placement.isEmpty()) {
            return List.of();
        }
        Org org = placement.get().org();
        managementAccounts.add(org.managementAccountId());
        if (!org.enabledPolicyTypes().contains(type)) {
            return List.of();
        }
        List<String> path = placement.get().path();
        List<Node> nodes = placement.get().nodes();
        String policyType = SCP.equals(type) ? "scp" : "rcp";
        List<List<PolicyInForce>> levels = new ArrayList<>();
        for (int level = 0; level < nodes.size(); level++) {
            List<PolicyInForce> policies = new ArrayList<>();
            for (String policyId : nodes.get(level).attached()) {
                Optional<OrgPolicy> policy = view.get(ModelFold.orgPolicyKey(org.id(), policyId), OrgPolicy.class)
                        .filter(p -> p.type().equals(type));
                if (policy.isPresent()) {
                    policies.add(new PolicyInForce(policyType, policyId, null, policyType + " " + path.get(level), policy.get().content()));
                }
            }
            levels.add(policies);
        }
        return levels;
    }
}
