package io.portcullis.policylang.evaluate;

/**
 * Where the principal's account sits in AWS Organizations, as the engine exposes it: {@code aws:PrincipalOrgID}
 * ({@code o-…}) and {@code aws:PrincipalOrgPaths}, the organization id, the root and the OUs down to the account's
 * parent, each followed by a slash ({@code o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/}).
 */
public record PrincipalOrganization(String organizationId, String path) {
}
