package io.portcullis.identity.projection;

import io.portcullis.events.policy.GroupInlinePolicyDeleted;
import io.portcullis.events.policy.GroupInlinePolicyPut;
import io.portcullis.events.policy.GroupPolicyAttached;
import io.portcullis.events.policy.GroupPolicyDetached;
import io.portcullis.events.policy.UserInlinePolicyDeleted;
import io.portcullis.events.policy.UserInlinePolicyPut;
import io.portcullis.events.policy.UserPermissionsBoundaryDeleted;
import io.portcullis.events.policy.UserPermissionsBoundarySet;
import io.portcullis.events.policy.UserPolicyAttached;
import io.portcullis.events.policy.UserPolicyDetached;
import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.identity.domain.PolicyHoldings;
import io.portcullis.runtime.projection.ForeignFacts;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The {@link PolicyHoldings} identity-service decides deletes on, folded from policy-service's events (its
 * published contract). Policies themselves (documents, versions, tags) are not facts identity decides on.
 */
public final class PolicyHoldingsProjection {

    private PolicyHoldingsProjection() {
    }

    public static ForeignFacts<PolicyHoldings> facts() {
        return new ForeignFacts<>(List.of(OwningService.POLICY), PolicyHoldings.none(), PolicyHoldingsProjection::apply);
    }

    static PolicyHoldings apply(PolicyHoldings holdings, SpecificRecord event) {
        if (event instanceof UserPolicyAttached e) {
            return holdings.withAttached(e.getUserId(), e.getPolicyArn(), true);
        } else if (event instanceof UserPolicyDetached e) {
            return holdings.withAttached(e.getUserId(), e.getPolicyArn(), false);
        } else if (event instanceof GroupPolicyAttached e) {
            return holdings.withAttached(e.getGroupId(), e.getPolicyArn(), true);
        } else if (event instanceof GroupPolicyDetached e) {
            return holdings.withAttached(e.getGroupId(), e.getPolicyArn(), false);
        } else if (event instanceof UserInlinePolicyPut e) {
            return holdings.withInline(e.getUserId(), e.getPolicyName(), true);
        } else if (event instanceof UserInlinePolicyDeleted e) {
            return holdings.withInline(e.getUserId(), e.getPolicyName(), false);
        } else if (event instanceof GroupInlinePolicyPut e) {
            return holdings.withInline(e.getGroupId(), e.getPolicyName(), true);
        } else if (event instanceof GroupInlinePolicyDeleted e) {
            return holdings.withInline(e.getGroupId(), e.getPolicyName(), false);
        } else if (event instanceof UserPermissionsBoundarySet e) {
            return holdings.withBoundary(e.getUserId(), e.getPolicyArn());
        } else if (event instanceof UserPermissionsBoundaryDeleted e) {
            return holdings.withBoundary(e.getUserId(), null);
        }
        // Policies, their versions and tags: not facts identity-service decides on.
        return holdings;
    }
}
