package io.portcullis.policylang.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A {@code simulate} request whose policy documents are not all valid. Like AWS's {@code SimulateCustomPolicy},
 * which answers {@code MalformedPolicyDocument} for an invalid input policy, the command then decides nothing:
 * a decision computed with the broken policies failing closed would read as an ordinary deny.
 */
public final class MalformedPolicyDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ArrayNode errors;

    MalformedPolicyDocumentException(String message, ArrayNode errors) {
        super(message, null, false, false);
        this.errors = errors;
    }

    /**
     * Every diagnostic of every invalid document, each with {@code policy} (its field in the request, e.g.
     * {@code policies.identity[1]}), {@code policyType}, {@code level} (SCPs only), {@code policyIndex},
     * {@code code}, {@code message} and {@code location}.
     */
    public ArrayNode errors() {
        return errors.deepCopy();
    }
}
