package io.portcullis.policylang.evaluate;

import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.validate.PolicyType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The compiled policies that apply to one principal and resource. {@code boundary}, {@code resource} and
 * {@code session} are {@code null} when absent.
 *
 * <p>The organization's policies come in levels, each level the list of policies attached there, from the
 * organization root (level 0) down through the OUs to the account:
 * <ul>
 *   <li>{@code scps}: the service control policies of the <em>principal's</em> account, whose account is read from
 *       the principal's ARN ({@code arn:aws:iam::ACCOUNT:…}); empty when that account is not in an organization.</li>
 *   <li>{@code rcps}: the resource control policies of the <em>resource's</em> account, which is the request's
 *       {@code resourceAccount} ({@link AuthorizationRequest}; empty there means the principal's own account); empty
 *       when that account is not in an organization. Across accounts the two lists may come from two
 *       organizations.</li>
 *   <li>{@code managementAccounts}: the management account of each organization the levels come from (one id when
 *       the principal and the resource are in the same organization, or none). AWS exempts a management account
 *       from both: "SCPs don't affect users or roles in the management account", and "RCPs don't affect resources
 *       in the management account". So the SCP levels are skipped when the principal's account is one of these,
 *       and the RCP levels when the resource's account is. A set rather than one id, because across organizations
 *       the principal's management account and the resource's differ; any superset (every management account the
 *       caller knows) decides the same, since an account is the management account of its own organization
 *       only.</li>
 * </ul>
 *
 * <p>{@code boundary} is the principal's permissions boundary (for a role session, the role's), so a non-null
 * boundary also says that the principal has one: a resource policy's {@code Deny} with {@code NotPrincipal} then
 * denies it whatever {@code NotPrincipal} names, as AWS documents.
 */
public record PolicySet(List<CompiledPolicy> identity, CompiledPolicy boundary, List<List<CompiledPolicy>> scps,
                        List<List<CompiledPolicy>> rcps, CompiledPolicy resource, CompiledPolicy session,
                        Set<String> managementAccounts) {

    /**
     * @param rcps {@code null} is read as no levels
     * @param managementAccounts {@code null} is read as none
     */
    public PolicySet {
        identity = List.copyOf(identity);
        scps = scps.stream().map(List::copyOf).toList();
        rcps = rcps == null ? List.of() : rcps.stream().map(List::copyOf).toList();
        managementAccounts = managementAccounts == null ? Set.of() : Set.copyOf(managementAccounts);
        requireType(identity, PolicyType.IDENTITY);
        scps.forEach(level -> requireType(level, PolicyType.SCP));
        rcps.forEach(level -> requireType(level, PolicyType.RCP));
        requireType(boundary, PolicyType.BOUNDARY);
        requireType(resource, PolicyType.RESOURCE);
        requireType(session, PolicyType.SESSION);
    }

    /** Policies without resource control policies and without a management account (as before RCPs existed). */
    public PolicySet(List<CompiledPolicy> identity, CompiledPolicy boundary, List<List<CompiledPolicy>> scps,
                     CompiledPolicy resource, CompiledPolicy session) {
        this(identity, boundary, scps, List.of(), resource, session, Set.of());
    }

    public static PolicySet identityOnly(List<CompiledPolicy> identity) {
        return new PolicySet(identity, null, List.of(), null, null);
    }

    /** True when {@code account} is one of {@link #managementAccounts()}; never for an empty or null account. */
    public boolean isManagementAccount(String account) {
        return account != null && !account.isEmpty() && managementAccounts.contains(account);
    }

    private static void requireType(List<CompiledPolicy> policies, PolicyType type) {
        policies.forEach(p -> requireType(Objects.requireNonNull(p), type));
    }

    private static void requireType(CompiledPolicy policy, PolicyType type) {
        if (policy != null && policy.type() != type) {
            throw new IllegalArgumentException("a " + policy.type().jsonName() + " policy was given as " + type.jsonName());
        }
    }
}
