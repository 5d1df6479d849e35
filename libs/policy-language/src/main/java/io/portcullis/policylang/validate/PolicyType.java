package io.portcullis.policylang.validate;

import java.util.Optional;

/**
 * The policy types that take part in a decision, named as the simulate API names them, in the order of AWS's
 * evaluation flowchart (resource control policies, service control policies, resource-based, identity-based,
 * permissions boundary, session policy).
 */
public enum PolicyType {
    /** An AWS Organizations resource control policy, one list per level from the root to the resource's account. */
    RCP("rcp"),
    /** An AWS Organizations service control policy, one list per level from the root to the principal's account. */
    SCP("scp"),
    RESOURCE("resource"),
    IDENTITY("identity"),
    BOUNDARY("boundary"),
    SESSION("session");

    private final String jsonName;

    PolicyType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<PolicyType> fromJsonName(String name) {
        for (PolicyType type : values()) {
            if (type.jsonName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
