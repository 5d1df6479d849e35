package io.portcullis.org.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies org-service takes. */
public final class OrgRequests {

    private OrgRequests() {
    }

    public record CreateOrganizationRequest(@Schema(enumeration = {"ALL"}, description = "ALL (the default) is the only feature set")
                                     String featureSet) {
        static final CreateOrganizationRequest NONE = new CreateOrganizationRequest(null);
    }

    public record PolicyTypeRequest(@Schema(enumeration = {"SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"}, required = true)
                             String policyType) {
        static final PolicyTypeRequest NONE = new PolicyTypeRequest(null);
    }

    public record CreateAccountRequest(@Schema(required = true) String accountName, @Schema(required = true) String email) {
        static final CreateAccountRequest NONE = new CreateAccountRequest(null, null);
    }

    public record MoveAccountRequest(@Schema(required = true) String sourceParentId, @Schema(required = true) String destinationParentId) {
        static final MoveAccountRequest NONE = new MoveAccountRequest(null, null);
    }

    public record HandshakeTarget(@Schema(enumeration = {"ACCOUNT"}, required = true) String type, @Schema(required = true) String id) {
        static final HandshakeTarget NONE = new HandshakeTarget(null, null);
    }

    public record InviteAccountRequest(@Schema(required = true) HandshakeTarget target, String notes) {
        static final InviteAccountRequest NONE = new InviteAccountRequest(null, null);
    }

    public record CreateOrganizationalUnitRequest(@Schema(required = true) String parentId, @Schema(required = true) String name) {
        static final CreateOrganizationalUnitRequest NONE = new CreateOrganizationalUnitRequest(null, null);
    }

    public record RenameOrganizationalUnitRequest(@Schema(required = true) String name) {
        static final RenameOrganizationalUnitRequest NONE = new RenameOrganizationalUnitRequest(null);
    }

    public record CreatePolicyRequest(@Schema(enumeration = {"SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"}, required = true) String type,
                               @Schema(required = true) String name, @Schema(required = true) String description,
                               @Schema(required = true) String content) {
        static final CreatePolicyRequest NONE = new CreatePolicyRequest(null, null, null, null);
    }

    public record UpdatePolicyRequest(String name, String description, String content) {
        static final UpdatePolicyRequest NONE = new UpdatePolicyRequest(null, null, null);
    }

    public record AttachPolicyRequest(@Schema(required = true) String targetId) {
        static final AttachPolicyRequest NONE = new AttachPolicyRequest(null);
    }
}
