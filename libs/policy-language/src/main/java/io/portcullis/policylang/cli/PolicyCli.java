package io.portcullis.policylang.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.evaluate.Decision;
import io.portcullis.policylang.evaluate.PolicyEvaluator;
import io.portcullis.policylang.evaluate.PolicySet;
import io.portcullis.policylang.syntax.Diagnostic;
import io.portcullis.policylang.validate.PolicyKind;
import io.portcullis.policylang.validate.PolicyType;
import io.portcullis.policylang.validate.PolicyValidator;
import io.portcullis.policylang.validate.ValidatedPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code PolicyCli validate FILE} and {@code PolicyCli simulate FILE} ({@code -} reads standard input).
 * Prints one JSON object. Exit 0 when the command ran (the verdict is in the JSON), 2 for malformed input
 * or usage ({@code InvalidInput}) and for a simulation whose policy documents are invalid
 * ({@code MalformedPolicyDocument}, every diagnostic listed), 3 for an internal error.
 */
public final class PolicyCli {

    static final int OK = 0;
    static final int INVALID_INPUT = 2;
    static final int INTERNAL_ERROR = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VALIDATE_FIELDS = Set.of("policyType", "policyKind", "document");

    private PolicyCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out));
    }

    static int run(String[] args, InputStream stdin, PrintStream out) {
        try {
            if (args.length != 2 || !(args[0].equals("validate") || args[0].equals("simulate"))) {
                return fail(out, INVALID_INPUT, "InvalidInput", "usage: PolicyCli validate|simulate FILE (- for standard input)");
            }
            JsonNode input = JSON.readTree(read(args[1], stdin));
            ObjectNode answer = args[0].equals("validate") ? validate(input) : simulate(input);
            out.println(answer.toString());
            return OK;
        } catch (InvalidInputException e) {
            return fail(out, INVALID_INPUT, "InvalidInput", e.getMessage());
        } catch (MalformedPolicyDocumentException e) {
            ObjectNode answer = CommandOutput.error("MalformedPolicyDocument", e.getMessage());
            ((ObjectNode) answer.get("error")).set("errors", e.errors());
            out.println(answer.toString());
            return INVALID_INPUT;
        } catch (JsonProcessingException e) {
            return fail(out, INVALID_INPUT, "InvalidInput", "the input is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return fail(out, INVALID_INPUT, "InvalidInput", "cannot read " + args[1] + ": " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return fail(out, INTERNAL_ERROR, "InternalError", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Answers a validate request; throws {@code InvalidInputException} for input of the wrong shape. */
    public static ObjectNode validate(JsonNode input) {
        SimulationInput.requireObject(input, "the request");
        SimulationInput.rejectUnknown(input, VALIDATE_FIELDS, "");
        PolicyType type = SimulationInput.policyType(input);
        PolicyKind kind = input.has("policyKind") ? kind(SimulationInput.requiredText(input, "policyKind"), type)
                : PolicyKind.defaultFor(type);
        JsonNode document = input.get("document");
        if (document == null) {
            throw new InvalidInputException("\"document\" is required");
        }
        ValidatedPolicy validated = PolicyValidator.validate(SimulationInput.documentText(document, "document"), kind);
        return CommandOutput.validation(validated);
    }

    /**
     * Answers a simulate request. Throws {@code InvalidInputException} for input of the wrong shape and
     * {@link MalformedPolicyDocumentException} when any policy document is invalid: like AWS's
     * {@code SimulateCustomPolicy}, nothing is decided then (the evaluator would fail the invalid documents
     * closed, an answer that looks like an ordinary explicit deny).
     */
    public static ObjectNode simulate(JsonNode input) {
        SimulationInput simulation = SimulationInput.read(input);
        rejectInvalidPolicies(simulation.policies());
        Decision decision = PolicyEvaluator.decide(simulation.policies(), simulation.request());
        return CommandOutput.decision(decision);
    }

    private static void rejectInvalidPolicies(PolicySet set) {
        ArrayNode errors = JsonNodeFactory.instance.arrayNode();
        int invalid = 0;
        for (int i = 0; i < set.identity().size(); i++) {
            invalid += describeInvalid(errors, set.identity().get(i), "policies.identity[" + i + "]", -1, i);
        }
        invalid += describeInvalidLevels(errors, set.scps(), "policies.scps");
        invalid += describeInvalidLevels(errors, set.rcps(), "policies.rcps");
        invalid += describeInvalid(errors, set.boundary(), "policies.permissionsBoundary", -1, 0);
        invalid += describeInvalid(errors, set.resource(), "policies.resource", -1, 0);
        invalid += describeInvalid(errors, set.session(), "policies.session", -1, 0);
        if (invalid > 0) {
            throw new MalformedPolicyDocumentException((invalid == 1 ? "1 policy document is" : invalid + " policy documents are")
                    + " invalid; nothing was simulated (first: " + errors.get(0).get("policy").asText() + " "
                    + errors.get(0).get("location").asText() + ": " + errors.get(0).get("message").asText() + ")", errors);
        }
    }

    private static int describeInvalidLevels(ArrayNode out, List<List<CompiledPolicy>> levels, String field) {
        int invalid = 0;
        for (int level = 0; level < levels.size(); level++) {
            for (int i = 0; i < levels.get(level).size(); i++) {
                invalid += describeInvalid(out, levels.get(level).get(i), field + "[" + level + "][" + i + "]", level, i);
            }
        }
        return invalid;
    }

    /** Adds one entry per diagnostic of an invalid policy; returns 1 when the policy was invalid. */
    private static int describeInvalid(ArrayNode out, CompiledPolicy policy, String field, int level, int index) {
        if (policy == null || !policy.failedClosed()) {
            return 0;
        }
        for (Diagnostic diagnostic : policy.diagnostics()) {
            ObjectNode each = out.addObject();
            each.put("policy", field);
            each.put("policyType", policy.type().jsonName());
            if (level >= 0) {
                each.put("level", level);
            }
            each.put("policyIndex", index);
            each.put("code", diagnostic.code());
            each.put("message", diagnostic.message());
            each.put("location", diagnostic.location());
        }
        return 1;
    }

    private static PolicyKind kind(String name, PolicyType type) {
        String normalized = name.replace('-', '_').toUpperCase(Locale.ROOT);
        for (PolicyKind kind : PolicyKind.values()) {
            if (kind.name().equals(normalized) && kind.type() == type) {
                return kind;
            }
        }
        throw new InvalidInputException("policyKind \"" + name + "\" is not a kind of " + type.jsonName() + " policy");
    }

    private static String read(String file, InputStream stdin) throws IOException {
        if (file.equals("-")) {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static int fail(PrintStream out, int status, String code, String message) {
        out.println(CommandOutput.error(code, message).toString());
        return status;
    }

}
