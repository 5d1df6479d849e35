package io.portcullis.policylang.evaluate;

import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.validate.PolicyType;
import java.util.List;
import java.util.Objects;

/**
 * The compiled policies that apply to one principal and resource. {@code boundary}, {@code resource} and
 * {@code session} are {@code null} when absent; {@code scps} lists the levels from the organization root
 * down to the account (empty when the account is not in an organization).
 *
 * <p>{@code boundary} is the principal's permissions boundary (for a role session, the role's), so a non-null
 * boundary also says that the principal has one: a resource policy's {@code Deny} with {@code NotPrincipal} then
 * denies it whatever {@code NotPrincipal} names, as AWS documents.
 */
public record PolicySet(List<CompiledPolicy> identity, CompiledPolicy boundary, List<List<CompiledPolicy>> scps,
                        CompiledPolicy resource, CompiledPolicy session) {

    public PolicySet {
        identity = List.copyOf(identity);
        scps = scps.stream().map(List::copyOf).toList();
        requireType(identity, PolicyType.IDENTITY);
        scps.forEach(level -> requireType(level, PolicyType.SCP));
        requireType(boundary, PolicyType.BOUNDARY);
        requireType(resource, PolicyType.RESOURCE);
        requireType(session, PolicyType.SESSION);
    }

    public static PolicySet identityOnly(List<CompiledPolicy> identity) {
        return new PolicySet(identity, null, List.of(), null, null);
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
