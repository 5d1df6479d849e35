package io.portcullis.org.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.org.domain.CreateAccountStatus;
import io.portcullis.org.domain.Handshake;
import io.portcullis.org.domain.MemberAccount;
import io.portcullis.org.domain.OrgEvent;
import io.portcullis.org.domain.OrgPolicy;
import io.portcullis.org.domain.OrgQueries;
import io.portcullis.org.domain.Organization;
import io.portcullis.org.domain.OrganizationalUnit;
import java.time.Instant;
import java.util.List;

/** The bodies org-service answers with: AWS Organizations' shapes, in camelCase. */
public final class OrgResponses {

    private OrgResponses() {
    }

    /** AWS's {@code Organization}, with the root's id as the API's shortcut. */
    public record OrganizationResponse(String id, String arn, String featureSet, String managementAccountId, String managementAccountArn,
                                String rootId) {
        public static OrganizationResponse of(Organization org) {
            return new OrganizationResponse(org.id(), org.arn(), Organization.FEATURE_SET, org.managementAccountId(),
                    org.managementAccountArn(), org.rootId());
        }

        public static OrganizationResponse of(OrgEvent.OrganizationCreated created) {
            return new OrganizationResponse(created.organizationId(), created.arn(), created.featureSet(), created.managementAccountId(),
                    created.managementAccountArn(), created.rootId());
        }
    }

    public record PolicyTypeSummary(String type, String status) {
    }

    public record RootResponse(String id, String arn, String name, List<PolicyTypeSummary> policyTypes) {
        public static RootResponse of(OrgQueries.Root root) {
            return new RootResponse(root.id(), root.arn(), root.name(),
                    root.policyTypes().stream().map(t -> new PolicyTypeSummary(t.name(), "ENABLED")).toList());
        }
    }

    public record RootsResponse(List<RootResponse> roots) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountResponse(String id, String arn, String name, String email, String status, String joinedMethod, Instant joinedTimestamp) {
        public static AccountResponse of(MemberAccount account) {
            return new AccountResponse(account.id(), account.arn(), account.name(), account.email(), MemberAccount.STATUS,
                    account.joinedMethod(), account.joinedTimestamp());
        }
    }

    public record AccountsResponse(List<AccountResponse> accounts) {
        public static AccountsResponse of(List<MemberAccount> accounts) {
            return new AccountsResponse(accounts.stream().map(AccountResponse::of).toList());
        }
    }

    /** AWS's {@code CreateAccountStatus}. */
    public record CreateAccountStatusResponse(String id, String accountName, String state, Instant requestedTimestamp, Instant completedTimestamp,
                                       String accountId) {
        public static CreateAccountStatusResponse of(CreateAccountStatus status) {
            return new CreateAccountStatusResponse(status.id(), status.accountName(), status.state(), status.requestedTimestamp(),
                    status.completedTimestamp(), status.accountId());
        }

        public static CreateAccountStatusResponse of(OrgEvent.AccountCreated created) {
            return new CreateAccountStatusResponse(created.createAccountRequestId(), created.accountName(), CreateAccountStatus.SUCCEEDED,
                    created.joinedTimestamp(), created.joinedTimestamp(), created.accountId());
        }
    }

    public record OrganizationalUnitResponse(String id, String arn, String name) {
        public static OrganizationalUnitResponse of(OrganizationalUnit ou) {
            return new OrganizationalUnitResponse(ou.id(), ou.arn(), ou.name());
        }

        public static OrganizationalUnitResponse of(OrgEvent.OrganizationalUnitCreated created) {
            return new OrganizationalUnitResponse(created.organizationalUnitId(), created.arn(), created.name());
        }
    }

    public record OrganizationalUnitsResponse(List<OrganizationalUnitResponse> organizationalUnits) {
        public static OrganizationalUnitsResponse of(List<OrganizationalUnit> ous) {
            return new OrganizationalUnitsResponse(ous.stream().map(OrganizationalUnitResponse::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelativesResponse(List<OrgQueries.Relative> children, List<OrgQueries.Relative> parents) {
    }

    /** AWS's {@code Policy}: its summary and, for DescribePolicy, CreatePolicy and UpdatePolicy, its content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PolicyResponse(String id, String arn, String name, String description, String type, boolean awsManaged, String content) {
        public static PolicyResponse of(OrgPolicy policy) {
            return new PolicyResponse(policy.id(), policy.arn(), policy.name(), policy.description(), policy.type().name(),
                    policy.awsManaged(), policy.content());
        }

        public static PolicyResponse summary(OrgPolicy policy) {
            return new PolicyResponse(policy.id(), policy.arn(), policy.name(), policy.description(), policy.type().name(),
                    policy.awsManaged(), null);
        }

        public static PolicyResponse of(OrgEvent.OrganizationPolicyCreated created) {
            return new PolicyResponse(created.policyId(), created.arn(), created.name(), created.description(), created.policyType(), false,
                    created.content());
        }
    }

    public record PoliciesResponse(List<PolicyResponse> policies) {
        public static PoliciesResponse of(List<OrgPolicy> policies) {
            return new PoliciesResponse(policies.stream().map(PolicyResponse::summary).toList());
        }
    }

    public record TargetsResponse(List<OrgQueries.Target> targets) {
    }

    public record Party(String id, String type) {
    }

    /** AWS's {@code Handshake} (action {@code INVITE}): the organization and the invited account are its parties. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HandshakeResponse(String id, String arn, String action, String state, List<Party> parties, String notes,
                             Instant requestedTimestamp, Instant expirationTimestamp) {
        public static HandshakeResponse of(Handshake handshake, Instant now) {
            return new HandshakeResponse(handshake.id(), handshake.arn(), Handshake.ACTION, handshake.stateAt(now).name(),
                    List.of(new Party(handshake.organizationId(), "ORGANIZATION"), new Party(handshake.targetAccountId(), "ACCOUNT")),
                    handshake.notes(), handshake.requestedTimestamp(), handshake.expirationTimestamp());
        }

        public static HandshakeResponse of(OrgEvent.HandshakeCreated created) {
            return new HandshakeResponse(created.handshakeId(), created.arn(), Handshake.ACTION, Handshake.State.OPEN.name(),
                    List.of(new Party(created.organizationId(), "ORGANIZATION"), new Party(created.targetAccountId(), "ACCOUNT")),
                    created.notes(), created.requestedTimestamp(), created.expirationTimestamp());
        }
    }

    public record HandshakesResponse(List<HandshakeResponse> handshakes) {
    }
}
