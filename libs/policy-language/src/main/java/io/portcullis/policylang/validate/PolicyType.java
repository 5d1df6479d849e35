package io.portcullis.policylang.validate;

import java.util.Optional;

/** The policy types that take part in a decision, named as the simulate API names them. */
public enum PolicyType {
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
