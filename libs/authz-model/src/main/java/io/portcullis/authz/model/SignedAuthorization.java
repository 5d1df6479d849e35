package io.portcullis.authz.model;

/**
 * What a signed request may do: who signed it and the decision for that principal, both read from one snapshot of the
 * model (a key deactivated in the same write as a policy changed is seen with it); or why the signature is refused.
 */
public sealed interface SignedAuthorization {

    record Decided(Authentication.Authenticated principal, Authorization.Decided decision) implements SignedAuthorization {
    }

    record Refused(Authentication.Refused refusal) implements SignedAuthorization {
    }
}
