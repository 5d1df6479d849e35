package io.portcullis.policylang.compile;

/** How a resource policy's {@code Principal} names the requester, weakest first. */
public enum PrincipalMatch {
    /** Not named. */
    NONE,
    /** Named through its account (account ID or {@code :root} ARN): access is delegated to the account's own policies. */
    ACCOUNT,
    /** Named by {@code "*"}. */
    WILDCARD,
    /** A role session named through its role's ARN. */
    ROLE,
    /** Named by its own ARN (user, role session, federated user) or exact service/federated/canonical id. */
    DIRECT;

    public PrincipalMatch strongest(PrincipalMatch other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
