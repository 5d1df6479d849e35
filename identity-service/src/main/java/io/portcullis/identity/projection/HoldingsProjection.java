package io.portcullis.identity.projection;

import io.portcullis.events.credential.AccessKeyCreated;
import io.portcullis.events.credential.AccessKeyDeleted;
import io.portcullis.events.credential.KeyRotated;
import io.portcullis.events.credential.LoginProfileCreated;
import io.portcullis.events.credential.LoginProfileDeleted;
import io.portcullis.events.policy.GroupInlinePolicyDeleted;
import io.portcullis.events.policy.GroupInlinePolicyPut;
import io.portcullis.events.policy.GroupPolicyAttached;
import io.portcullis.events.policy.GroupPolicyDetached;
import io.portcullis.events.policy.UserInlinePolicyDeleted;
import io.portcullis.events.policy.UserInlinePolicyPut;
import io.portcullis.events.policy.PolicyCreated;
import io.portcullis.events.policy.PolicyDeleted;
import io.portcullis.events.policy.UserPermissionsBoundaryDeleted;
import io.portcullis.events.policy.UserPermissionsBoundarySet;
import io.portcullis.events.policy.UserPolicyAttached;
import io.portcullis.events.policy.UserPolicyDetached;
import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.identity.domain.Holdings;
import io.portcullis.runtime.projection.ForeignFacts;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The {@link Holdings} identity-service decides deletes on, folded from policy-service's and
 * credential-service's events (their published contracts). Policies themselves (documents, versions, tags)
 * and key status are not facts identity decides on.
 */
public final class HoldingsProjection {

    private HoldingsProjection() {
    }

    public static ForeignFacts<Holdings> facts() {
        return new ForeignFacts<>(List.of(OwningService.POLICY, OwningService.CREDENTIAL), Holdings.none(), HoldingsProjection::apply);
    }

    static Holdings apply(Holdings holdings, SpecificRecord event) {
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
        } else if (event instanceof PolicyCreated e) {
            return holdings.withManagedPolicy(e.getArn(), true);
        } else if (event instanceof PolicyDeleted e) {
            return holdings.withManagedPolicy(e.getPolicyArn(), false);
        } else if (event instanceof AccessKeyCreated e) {
            return holdings.withAccessKey(e.getUserId(), e.getAccessKeyId(), true);
        } else if (event instanceof KeyRotated e) {
            return holdings.withAccessKey(e.getUserId(), e.getNewAccessKeyId(), true);
        } else if (event instanceof AccessKeyDeleted e) {
            return holdings.withAccessKey(e.getUserId(), e.getAccessKeyId(), false);
        } else if (event instanceof LoginProfileCreated e) {
            return holdings.withLoginProfile(e.getUserId(), true);
        } else if (event instanceof LoginProfileDeleted e) {
            return holdings.withLoginProfile(e.getUserId(), false);
        }
        // Policies' documents, versions and tags, key status: not facts identity-service decides on.
        return holdings;
    }
}
