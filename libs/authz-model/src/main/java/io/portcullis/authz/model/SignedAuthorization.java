package io.portcullis.authz.model;

/**
 * What a signed request may do: who signed it and the decision for that principal, both read from one snapshot of the
 * model (a key deactivated in the same write as a policy changed is seen with it); or why the signature is refused.
 */
public sealed interface SignedAuthorization {

    /** The signer and one decision per question asked, in order (none when only the signature was asked about). */
    record Decided(Authentication.Authenticated principal, java.util.List<Authorization.Decided> decisions) implements SignedAuthorization {
        public Decided {
            decisions = java.util.List.copyOf(decisions);
        }

        /** The first decision; for a request that asked one question. */
        public Authorization.Decided decision() {
            return decisions.get(0);
        }

        public boolean allAllowed() {
            return decisions.stream().allMatch(Authorization.Decided::isAllowed);
        }
    }

    record Refused(Authentication.Refused refusal) implements SignedAuthorization {
    }
}
