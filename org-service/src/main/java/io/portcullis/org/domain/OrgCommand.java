package io.portcullis.org.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.iam.error.Rejection;
import java.time.Instant;
import java.util.Optional;

/**
 * A request to AWS Organizations, made by the account {@code caller}. Every command goes to org-service's one
 * aggregate ({@link OrgIds#AGGREGATE}); the caller is who asks, which decides what it may do (most operations are
 * the management account's). Fresh ids arrive as random tokens made at the edge ({@code idToken}).
 */
public sealed interface OrgCommand extends AccountCommand {

    /** The account that asks (the path's account). */
    String caller();

    @Override
    default AccountId accountId() {
        return OrgIds.AGGREGATE;
    }

    /** {@code CreateOrganization}: the caller becomes the management account. Only the {@code ALL} feature set. */
    record CreateOrganization(String caller, String featureSet, String organizationToken, String rootToken, Instant now) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            if (featureSet != null && !Organization.FEATURE_SET.equals(featureSet)) {
                return Optional.of(OrgRejections.invalidInput("INVALID_ENUM", "You specified an invalid value: this service offers the"
                        + " ALL feature set only.", "featureSet"));
            }
            return Optional.empty();
        }
    }

    /** {@code DeleteOrganization}: only with no member accounts. */
    record DeleteOrganization(String caller) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return Optional.empty();
        }
    }

    /** {@code EnablePolicyType}: attaches the type's AWS managed policy to the root, every OU and every account. */
    record EnablePolicyType(String caller, String rootId, String policyType) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("rootId", rootId, OrgIds.ROOT_ID).policyType("policyType", policyType).result();
        }
    }

    /** {@code DisablePolicyType}: detaches every policy of the type. */
    record DisablePolicyType(String caller, String rootId, String policyType) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("rootId", rootId, OrgIds.ROOT_ID).policyType("policyType", policyType).result();
        }
    }

    /** {@code CreateAccount}: a new account in the root, at once. */
    record CreateAccount(String caller, String accountName, String email, String accountToken, String requestToken, Instant now)
            implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().text("accountName", accountName, 1, 50, OrgInput.ACCOUNT_NAME)
                    .text("email", email, 6, 64, OrgInput.EMAIL).result();
        }
    }

    /** {@code InviteAccountToOrganization} of an account by id (target type {@code ACCOUNT}). */
    record InviteAccount(String caller, String targetType, String targetId, String notes, String handshakeToken, Instant now)
            implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            OrgInput input = OrgInput.check().required("target.type", targetType);
            if (targetType != null && !"ACCOUNT".equals(targetType)) {
                return Optional.of(OrgRejections.invalidInput("INVALID_PARTY_TYPE_TARGET", "You specified the wrong type for the"
                        + " handshake's target: this service invites accounts by id (type ACCOUNT).", "target.type"));
            }
            return input.pattern("target.id", targetId, OrgIds.ACCOUNT_ID).text("notes", notes == null ? "" : notes, 0, 1024,
                    OrgInput.ANY_TEXT).result();
        }
    }

    /** {@code AcceptHandshake}, by the invited account. */
    record AcceptHandshake(String caller, String handshakeId, Instant now) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("handshakeId", handshakeId, OrgIds.HANDSHAKE_ID).result();
        }
    }

    /** {@code DeclineHandshake}, by the invited account. */
    record DeclineHandshake(String caller, String handshakeId, Instant now) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("handshakeId", handshakeId, OrgIds.HANDSHAKE_ID).result();
        }
    }

    /** {@code CancelHandshake}, by the management account that offered it. */
    record CancelHandshake(String caller, String handshakeId, Instant now) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("handshakeId", handshakeId, OrgIds.HANDSHAKE_ID).result();
        }
    }

    /** {@code RemoveAccountFromOrganization}, by the management account. */
    record RemoveAccount(String caller, String memberAccountId) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("accountId", memberAccountId, OrgIds.ACCOUNT_ID).result();
        }
    }

    /** {@code LeaveOrganization}, by a member account. */
    record LeaveOrganization(String caller) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return Optional.empty();
        }
    }

    /** {@code MoveAccount} between the root and OUs. */
    record MoveAccount(String caller, String memberAccountId, String sourceParentId, String destinationParentId) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("accountId", memberAccountId, OrgIds.ACCOUNT_ID)
                    .pattern("sourceParentId", sourceParentId, OrgIds.PARENT_ID)
                    .pattern("destinationParentId", destinationParentId, OrgIds.PARENT_ID).result();
        }
    }

    /** {@code CreateOrganizationalUnit} under the root or an OU. */
    record CreateOrganizationalUnit(String caller, String parentId, String name, String idToken) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("parentId", parentId, OrgIds.PARENT_ID).text("name", name, 1, 128, OrgInput.ANY_TEXT).result();
        }
    }

    /** {@code UpdateOrganizationalUnit}: a new name. */
    record RenameOrganizationalUnit(String caller, String organizationalUnitId, String name) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("organizationalUnitId", organizationalUnitId, OrgIds.OU_ID)
                    .text("name", name, 1, 128, OrgInput.ANY_TEXT).result();
        }
    }

    /** {@code DeleteOrganizationalUnit}: only when it holds no account and no OU. */
    record DeleteOrganizationalUnit(String caller, String organizationalUnitId) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("organizationalUnitId", organizationalUnitId, OrgIds.OU_ID).result();
        }
    }

    /** {@code CreatePolicy} of a type this service keeps; the document is checked by the policy library. */
    record CreatePolicy(String caller, String policyType, String name, String description, String content, String idToken)
            implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().policyType("type", policyType).text("name", name, 1, 128, OrgInput.ANY_TEXT)
                    .text("description", description, 0, 512, OrgInput.ANY_TEXT).required("content", content).result();
        }
    }

    /** {@code UpdatePolicy}: a null value keeps what is set. */
    record UpdatePolicy(String caller, String policyId, String name, String description, String content) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            OrgInput input = OrgInput.check().pattern("policyId", policyId, OrgIds.POLICY_ID);
            if (name != null) {
                input.text("name", name, 1, 128, OrgInput.ANY_TEXT);
            }
            if (description != null) {
                input.text("description", description, 0, 512, OrgInput.ANY_TEXT);
            }
            return input.result();
        }
    }

    /** {@code DeletePolicy}: only when attached nowhere. */
    record DeletePolicy(String caller, String policyId) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("policyId", policyId, OrgIds.POLICY_ID).result();
        }
    }

    /** {@code AttachPolicy} to the root, an OU or an account. */
    record AttachPolicy(String caller, String policyId, String targetId) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("policyId", policyId, OrgIds.POLICY_ID).pattern("targetId", targetId, OrgIds.TARGET_ID).result();
        }
    }

    /** {@code DetachPolicy}: a target keeps at least one policy of each enabled type. */
    record DetachPolicy(String caller, String policyId, String targetId) implements OrgCommand {
        @Override
        public Optional<Rejection> validate() {
            return OrgInput.check().pattern("policyId", policyId, OrgIds.POLICY_ID).pattern("targetId", targetId, OrgIds.TARGET_ID).result();
        }
    }
}
