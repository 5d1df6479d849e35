package io.portcullis.policylang.compile;

/** What kind of principal made a request, read from its ARN. */
public enum PrincipalKind {
    USER("User"),
    ROLE("Role"),
    ASSUMED_ROLE("AssumedRole"),
    FEDERATED_USER("FederatedUser"),
    ROOT("Account"),
    OTHER("Other");

    private final String awsName;

    PrincipalKind(String awsName) {
        this.awsName = awsName;
    }

    /** The value of {@code aws:PrincipalType}. */
    public String awsName() {
        return awsName;
    }
}
