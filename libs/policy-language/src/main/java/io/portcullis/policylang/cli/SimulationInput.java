package io.portcullis.policylang.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.compile.PolicyCompiler;
import io.portcullis.policylang.evaluate.AuthorizationRequest;
import io.portcullis.policylang.evaluate.PolicySet;
import io.portcullis.policylang.validate.PolicyKind;
import io.portcullis.policylang.validate.PolicyType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code simulate} request: principal, action, resource, context and the policies by type. Each policy
 * document (a JSON object or a string holding one) is validated and compiled; an invalid one compiles
 * fail-closed, and {@link PolicyCli#simulate} refuses a request holding one. {@code policies.scps} and
 * {@code policies.rcps} are arrays of levels (root first), each an array of documents; {@code
 * policies.managementAccounts} lists the management accounts of the organizations they come from
 * ({@link PolicySet}).
 */
public record SimulationInput(AuthorizationRequest request, PolicySet policies) {

    private static final Set<String> FIELDS = Set.of(
            "principal", "principalId", "principalTags", "action", "resource", "resourceAccount", "context", "policies");
    private static final Set<String> POLICY_FIELDS = Set.of(
            "identity", "permissionsBoundary", "scps", "rcps", "resource", "session", "managementAccounts");

    /** Reads the documented shape; throws {@link InvalidInputException} naming the first field that breaks it. */
    public static SimulationInput read(JsonNode root) {
        requireObject(root, "the request");
        rejectUnknown(root, FIELDS, "");
        AuthorizationRequest request = new AuthorizationRequest(
                requiredText(root, "principal"),
                tags(root.get("principalTags")),
                requiredText(root, "action"),
                requiredText(root, "resource"),
                optionalText(root, "resourceAccount"),
                context(root.get("context")),
                optionalText(root, "principalId"));
        JsonNode policies = root.get("policies");
        if (policies == null || policies.isNull()) {
            return new SimulationInput(request, PolicySet.identityOnly(List.of()));
        }
        requireObject(policies, "policies");
        rejectUnknown(policies, POLICY_FIELDS, "policies.");
        List<CompiledPolicy> identity = list(policies.get("identity"), "policies.identity", PolicyKind.MANAGED);
        return new SimulationInput(request, new PolicySet(
                identity,
                single(policies.get("permissionsBoundary"), "policies.permissionsBoundary", PolicyKind.PERMISSIONS_BOUNDARY),
                levels(policies.get("scps"), "policies.scps", PolicyKind.SERVICE_CONTROL_POLICY),
                levels(policies.get("rcps"), "policies.rcps", PolicyKind.RESOURCE_CONTROL_POLICY),
                single(policies.get("resource"), "policies.resource", PolicyKind.RESOURCE_POLICY),
                single(policies.get("session"), "policies.session", PolicyKind.SESSION_POLICY),
                accounts(policies.get("managementAccounts"), "policies.managementAccounts")));
    }

    /** Organization policies by level, from the root down: an array of arrays of documents. */
    private static List<List<CompiledPolicy>> levels(JsonNode node, String field, PolicyKind kind) {
        List<List<CompiledPolicy>> levels = new ArrayList<>();
        if (node == null || node.isNull()) {
            return levels;
        }
        requireArray(node, field);
        for (int level = 0; level < node.size(); level++) {
            levels.add(list(node.get(level), field + "[" + level + "]", kind));
        }
        return levels;
    }

    private static Set<String> accounts(JsonNode node, String field) {
        Set<String> accounts = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return accounts;
        }
        requireArray(node, field);
        for (int i = 0; i < node.size(); i++) {
            JsonNode account = node.get(i);
            if (!account.isTextual() || !account.textValue().matches("\\d{12}")) {
                throw new InvalidInputException(field + "[" + i + "] must be a 12-digit account ID");
            }
            accounts.add(account.textValue());
        }
        return accounts;
    }

    /** The policy text of a DOC: a JSON object, or a string holding the policy JSON. */
    static String documentText(JsonNode document, String field) {
        if (document.isTextual()) {
            return document.textValue();
        }
        if (document.isObject()) {
            return document.toString();
        }
        throw new InvalidInputException(field + " must be a policy document (a JSON object or a string)");
    }

    static PolicyType policyType(JsonNode root) {
        String name = requiredText(root, "policyType");
        return PolicyType.fromJsonName(name).orElseThrow(() -> new InvalidInputException(
                "policyType \"" + name + "\" must be one of identity, resource, scp, rcp, boundary, session"));
    }

    private static List<CompiledPolicy> list(JsonNode node, String field, PolicyKind kind) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        requireArray(node, field);
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            compiled.add(PolicyCompiler.compile(documentText(node.get(i), field + "[" + i + "]"), kind));
        }
        return compiled;
    }

    private static CompiledPolicy single(JsonNode node, String field, PolicyKind kind) {
        if (node == null || node.isNull()) {
            return null;
        }
        return PolicyCompiler.compile(documentText(node, field), kind);
    }

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        requireObject(node, "principalTags");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            if (!tag.getValue().isTextual()) {
                throw new InvalidInputException("principalTags." + tag.getKey() + " must be a string");
            }
            tags.put(tag.getKey(), tag.getValue().textValue());
        }
        return tags;
    }

    private static Map<String, List<String>> context(JsonNode node) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return context;
        }
        requireObject(node, "context");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> key = it.next();
            JsonNode value = key.getValue();
            List<String> values = new ArrayList<>();
            if (value.isArray()) {
                for (JsonNode each : value) {
                    values.add(scalar(each, "context." + key.getKey()));
                }
            } else {
                values.add(scalar(value, "context." + key.getKey()));
            }
            context.put(key.getKey(), values);
        }
        return context;
    }

    private static String scalar(JsonNode node, String field) {
        if (!node.isValueNode() || node.isNull()) {
            throw new InvalidInputException(field + " values must be strings, numbers or booleans");
        }
        return node.asText();
    }

    static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new InvalidInputException("\"" + field + "\" is required and must be a string");
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new InvalidInputException("\"" + field + "\" must be a string");
        }
        return node.textValue();
    }

    static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(what + " must be a JSON object");
        }
    }

    private static void requireArray(JsonNode node, String what) {
        if (!node.isArray()) {
            throw new InvalidInputException(what + " must be a JSON array");
        }
    }

    static void rejectUnknown(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidInputException("unknown field \"" + prefix + name + "\"");
            }
        }
    }
}
