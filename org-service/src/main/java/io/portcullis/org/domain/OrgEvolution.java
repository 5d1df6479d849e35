package io.portcullis.org.domain;

import io.portcullis.org.domain.OrgEvent.AccountCreated;
import io.portcullis.org.domain.OrgEvent.AccountJoined;
import io.portcullis.org.domain.OrgEvent.AccountMoved;
import io.portcullis.org.domain.OrgEvent.AccountRemoved;
import io.portcullis.org.domain.OrgEvent.HandshakeAccepted;
import io.portcullis.org.domain.OrgEvent.HandshakeCanceled;
import io.portcullis.org.domain.OrgEvent.HandshakeCreated;
import io.portcullis.org.domain.OrgEvent.HandshakeDeclined;
import io.portcullis.org.domain.OrgEvent.OrganizationCreated;
import io.portcullis.org.domain.OrgEvent.OrganizationDeleted;
import io.portcullis.org.domain.OrgEvent.OrganizationPolicyCreated;
import io.portcullis.org.domain.OrgEvent.OrganizationPolicyDeleted;
import io.portcullis.org.domain.OrgEvent.OrganizationPolicyUpdated;
import io.portcullis.org.domain.OrgEvent.OrganizationalUnitCreated;
import io.portcullis.org.domain.OrgEvent.OrganizationalUnitDeleted;
import io.portcullis.org.domain.OrgEvent.OrganizationalUnitRenamed;
import io.portcullis.org.domain.OrgEvent.PolicyAttachedToTarget;
import io.portcullis.org.domain.OrgEvent.PolicyDetachedFromTarget;
import io.portcullis.org.domain.OrgEvent.PolicyTypeDisabled;
import io.portcullis.org.domain.OrgEvent.PolicyTypeEnabled;
import java.util.ArrayList;
import java.util.List;

/** {@link OrgDecider#evolve}: what each event does to the state. Total: an event about something gone changes nothing. */
final class OrgEvolution {

    private OrgEvolution() {
    }

    static OrgState apply(OrgState state, OrgEvent event) {
        if (event instanceof OrganizationCreated e) {
            return state.withOrganization(new Organization(e.organizationId(), e.arn(), e.managementAccountId(), e.managementAccountArn(),
                    e.rootId(), e.rootArn(), List.of()))
                    .withAccount(new MemberAccount(e.organizationId(), e.managementAccountId(), e.managementAccountArn(),
                            e.managementAccountId(), null, e.rootId(), MemberAccount.INVITED, e.createdTimestamp()), false);
        } else if (event instanceof OrganizationDeleted e) {
            return state.withoutOrganization(e.organizationId());
        } else if (event instanceof PolicyTypeEnabled e) {
            return withPolicyTypes(state, e.organizationId(), OrgPolicyType.parse(e.policyType()).orElseThrow(), true);
        } else if (event instanceof PolicyTypeDisabled e) {
            return withPolicyTypes(state, e.organizationId(), OrgPolicyType.parse(e.policyType()).orElseThrow(), false);
        } else if (event instanceof AccountCreated e) {
            return state.withAccount(new MemberAccount(e.organizationId(), e.accountId(), e.arn(), e.accountName(), e.email(), e.parentId(),
                    MemberAccount.CREATED, e.joinedTimestamp()), true)
                    .withCreateAccountStatus(new CreateAccountStatus(e.organizationId(), e.createAccountRequestId(), e.accountName(),
                            CreateAccountStatus.SUCCEEDED, e.joinedTimestamp(), e.joinedTimestamp(), e.accountId()));
        } else if (event instanceof HandshakeCreated e) {
            return state.withHandshake(new Handshake(e.organizationId(), e.handshakeId(), e.arn(), e.managementAccountId(), e.targetAccountId(),
                    e.notes(), Handshake.State.OPEN, e.requestedTimestamp(), e.expirationTimestamp()));
        } else if (event instanceof HandshakeAccepted e) {
            return inState(state, e.handshakeId(), Handshake.State.ACCEPTED);
        } else if (event instanceof HandshakeDeclined e) {
            return inState(state, e.handshakeId(), Handshake.State.DECLINED);
        } else if (event instanceof HandshakeCanceled e) {
            return inState(state, e.handshakeId(), Handshake.State.CANCELED);
        } else if (event instanceof AccountJoined e) {
            return state.withAccount(new MemberAccount(e.organizationId(), e.accountId(), e.arn(), e.accountId(), null, e.parentId(),
                    MemberAccount.INVITED, e.joinedTimestamp()), false);
        } else if (event instanceof AccountRemoved e) {
            return state.withoutAccount(e.organizationId(), e.accountId());
        } else if (event instanceof AccountMoved e) {
            return state.withAccountMoved(e.organizationId(), e.accountId(), e.destinationParentId());
        } else if (event instanceof OrganizationalUnitCreated e) {
            int depth = state.organizationalUnit(e.organizationId(), e.parentId()).map(parent -> parent.depth() + 1).orElse(1);
            return state.withOrganizationalUnit(new OrganizationalUnit(e.organizationId(), e.organizationalUnitId(), e.arn(), e.name(),
                    e.parentId(), depth));
        } else if (event instanceof OrganizationalUnitRenamed e) {
            return state.withOrganizationalUnitRenamed(e.organizationId(), e.organizationalUnitId(), e.name());
        } else if (event instanceof OrganizationalUnitDeleted e) {
            return state.withoutOrganizationalUnit(e.organizationId(), e.organizationalUnitId());
        } else if (event instanceof OrganizationPolicyCreated e) {
            return state.withPolicy(new OrgPolicy(e.organizationId(), e.policyId(), e.arn(), e.name(), e.description(),
                    OrgPolicyType.parse(e.policyType()).orElseThrow(), e.content(), false));
        } else if (event instanceof OrganizationPolicyUpdated e) {
            return state.policy(e.organizationId(), e.policyId()).filter(p -> !p.awsManaged())
                    .map(p -> state.withPolicy(p.updated(e.name(), e.description(), e.content()))).orElse(state);
        } else if (event instanceof OrganizationPolicyDeleted e) {
            return state.withoutPolicy(e.organizationId(), e.policyId());
        } else if (event instanceof PolicyAttachedToTarget e) {
            return state.withAttachment(e.organizationId(), e.policyId(), e.targetId());
        } else if (event instanceof PolicyDetachedFromTarget e) {
            return state.withoutAttachment(e.organizationId(), e.policyId(), e.targetId());
        }
        throw new IllegalStateException("Unhandled org event " + event.getClass().getName());
    }

    private static OrgState withPolicyTypes(OrgState state, String organizationId, OrgPolicyType type, boolean enabled) {
        return state.organizationById(organizationId).map(org -> {
            List<OrgPolicyType> types = new ArrayList<>(org.enabledPolicyTypes());
            types.remove(type);
            if (enabled) {
                types.add(type);
            }
            return state.withOrganization(org.withPolicyTypes(types));
        }).orElse(state);
    }

    private static OrgState inState(OrgState state, String handshakeId, Handshake.State to) {
        return state.handshake(handshakeId).map(h -> state.withHandshake(h.in(to))).orElse(state);
    }
}
