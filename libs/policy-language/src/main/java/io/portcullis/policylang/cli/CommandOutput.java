package io.portcullis.policylang.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.policylang.evaluate.Decision;
import io.portcullis.policylang.evaluate.MatchedStatement;
import io.portcullis.policylang.syntax.Diagnostic;
import io.portcullis.policylang.validate.PolicyType;
import io.portcullis.policylang.validate.PolicyWarning;
import io.portcullis.policylang.validate.ValidatedPolicy;
import java.util.List;

/** Renders results as the JSON the commands (and authz-service's simulate endpoint) answer with. */
public final class CommandOutput {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CommandOutput() {
    }

    /** {@code valid}, then {@code errors} for an invalid document or {@code warnings} (maybe empty) for a valid one. */
    public static ObjectNode validation(ValidatedPolicy validated) {
        ObjectNode out = JSON.objectNode();
        out.put("valid", validated.isValid());
        if (!validated.isValid()) {
            out.set("errors", diagnostics(validated.diagnostics()));
        } else {
            out.set("warnings", warnings(validated.warnings()));
        }
        return out;
    }

    public static ArrayNode warnings(List<PolicyWarning> warnings) {
        ArrayNode out = JSON.arrayNode();
        for (PolicyWarning warning : warnings) {
            ObjectNode each = out.addObject();
            each.put("code", warning.code());
            each.put("message", warning.message());
            each.put("location", warning.location());
        }
        return out;
    }

    public static ObjectNode decision(Decision decision) {
        ObjectNode out = JSON.objectNode();
        out.put("decision", decision.name());
        if (decision.blockedBy().isPresent()) {
            out.put("blockedBy", decision.blockedBy().get().jsonName());
        } else {
            out.putNull("blockedBy");
        }
        ArrayNode matched = out.putArray("matchedStatements");
        for (MatchedStatement statement : decision.matchedStatements()) {
            ObjectNode each = matched.addObject();
            each.put("policyType", statement.policyType().jsonName());
            if (statement.policyType() == PolicyType.SCP || statement.policyType() == PolicyType.RCP) {
                each.put("level", statement.level());
            }
            each.put("policyIndex", statement.policyIndex());
            each.put("statementIndex", statement.statementIndex());
            each.put("sid", statement.sid());
            each.put("effect", statement.statementIndex() < 0 ? "InvalidPolicy" : statement.allow() ? "Allow" : "Deny");
        }
        return out;
    }

    public static ArrayNode diagnostics(List<Diagnostic> diagnostics) {
        ArrayNode errors = JSON.arrayNode();
        for (Diagnostic diagnostic : diagnostics) {
            ObjectNode error = errors.addObject();
            error.put("code", diagnostic.code());
            error.put("message", diagnostic.message());
            error.put("location", diagnostic.location());
        }
        return errors;
    }

    public static ObjectNode error(String code, String message) {
        ObjectNode out = JSON.objectNode();
        ObjectNode error = out.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return out;
    }
}
