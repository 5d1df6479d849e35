package io.portcullis.runtime.api;

/**
 * A user's permissions boundary as IAM's API shows it ({@code AttachedPermissionsBoundary}): in GetUser
 * (identity-service) and GetAccountAuthorizationDetails (policy-service). The type is the value AWS's API
 * reference lists, the one its SDKs model.
 */
public record PermissionsBoundary(String permissionsBoundaryType, String permissionsBoundaryArn) {

    public static final String POLICY_TYPE = "PermissionsBoundaryPolicy";

    /** The boundary set to this managed policy; null for none, so a body without one has no member. */
    public static PermissionsBoundary ofArn(String policyArn) {
        return policyArn == null ? null : new PermissionsBoundary(POLICY_TYPE, policyArn);
    }
}
