package io.portcullis.policylang.syntax;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.portcullis.policylang.syntax.Diagnostic.MalformedPolicyDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads policy JSON into a {@link PolicyDocument}. Never throws for any input: JSON that cannot be read,
 * unknown elements and values of the wrong shape all become {@link MalformedPolicyDocument} diagnostics.
 */
public final class PolicyParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of(
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
            "Resource", "NotResource", "Condition");

    private PolicyParser() {
    }

    /**
     * Longer texts are not read at all: no policy kind allows more than 20,480 characters, and reading
     * megabytes of JSON only to refuse it would let one request hold a thread for seconds.
     */
    public static final int MAX_TEXT = 1 << 20;

    public static ParsedPolicy parse(String text) {
        int withoutWhitespace = countWithoutWhitespace(text);
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (text.length() > MAX_TEXT) {
            diagnostics.add(new Diagnostic.LimitExceeded("Cannot read a policy of " + text.length()
                    + " characters; no policy may be larger than " + MAX_TEXT, "$"));
            return new ParsedPolicy(PolicyDocument.empty(text.length(), withoutWhitespace), diagnostics);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            diagnostics.add(new MalformedPolicyDocument(
                    "Syntax errors in policy: " + firstLine(e.getOriginalMessage()), where(e.getLocation())));
            return new ParsedPolicy(PolicyDocument.empty(text.length(), withoutWhitespace), diagnostics);
        }
        if (root == null || !root.isObject()) {
            diagnostics.add(new MalformedPolicyDocument("Syntax errors in policy: the document must be a JSON object", "$"));
            return new ParsedPolicy(PolicyDocument.empty(text.length(), withoutWhitespace), diagnostics);
        }
        return new ParsedPolicy(readDocument(root, text, withoutWhitespace, diagnostics), diagnostics);
    }

    private static PolicyDocument readDocument(JsonNode root, String text, int withoutWhitespace, List<Diagnostic> out) {
        rejectUnknown(root, TOP_LEVEL, "", out);
        PolicyVersion version = PolicyVersion.V2008_10_17;
        String versionText = null;
        JsonNode versionNode = root.get("Version");
        if (versionNode != null) {
            versionText = text(versionNode, "Version", out);
            if (versionText != null) {
                version = versionOf(versionText, out);
            }
        }
        String id = root.has("Id") ? text(root.get("Id"), "Id", out) : null;
        List<Statement> statements = new ArrayList<>();
        JsonNode statementNode = root.get("Statement");
        if (statementNode == null) {
            out.add(new MalformedPolicyDocument("Missing required field Statement", "Statement"));
        } else if (statementNode.isObject()) {
            statements.add(readStatement(statementNode, 0, out));
        } else if (statementNode.isArray()) {
            if (statementNode.isEmpty()) {
                out.add(new MalformedPolicyDocument("Statement must contain at least one statement", "Statement"));
            }
            for (int i = 0; i < statementNode.size(); i++) {
                JsonNode each = statementNode.get(i);
                if (each.isObject()) {
                    statements.add(readStatement(each, i, out));
                } else {
                    out.add(new MalformedPolicyDocument(
                            "Statement must be an object, found " + describe(each), "Statement[" + i + "]"));
                }
            }
        } else {
            out.add(new MalformedPolicyDocument(
                    "Statement must be an object or an array of objects, found " + describe(statementNode), "Statement"));
        }
        return new PolicyDocument(version, versionText, id, statements, text.length(), withoutWhitespace);
    }

    private static PolicyVersion versionOf(String text, List<Diagnostic> out) {
        for (PolicyVersion v : PolicyVersion.values()) {
            if (v.text().equals(text)) {
                return v;
            }
        }
        out.add(new MalformedPolicyDocument(
                "The policy version \"" + text + "\" is not supported; use \"2012-10-17\" or \"2008-10-17\"", "Version"));
        return PolicyVersion.V2008_10_17;
    }

    private static Statement readStatement(JsonNode node, int index, List<Diagnostic> out) {
        String base = "Statement[" + index + "]";
        rejectUnknown(node, STATEMENT_ELEMENTS, base + ".", out);
        String sid = node.has("Sid") ? text(node.get("Sid"), base + ".Sid", out) : null;
        String effect = node.has("Effect") ? text(node.get("Effect"), base + ".Effect", out) : null;
        return new Statement(
                index,
                sid,
                effect,
                principals(node.get("Principal"), base + ".Principal", out),
                principals(node.get("NotPrincipal"), base + ".NotPrincipal", out),
                strings(node.get("Action"), base + ".Action", out),
                strings(node.get("NotAction"), base + ".NotAction", out),
                strings(node.get("Resource"), base + ".Resource", out),
                strings(node.get("NotResource"), base + ".NotResource", out),
                conditions(node.get("Condition"), base + ".Condition", out));
    }

    private static Principals principals(JsonNode node, String location, List<Diagnostic> out) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            if (!node.textValue().equals("*")) {
                out.add(new MalformedPolicyDocument(
                        "Invalid principal in policy: \"" + node.textValue() + "\"; use \"*\" or an object keyed by principal type", location));
            }
            return new Principals(true, Map.of());
        }
        if (!node.isObject()) {
            out.add(new MalformedPolicyDocument("Invalid principal in policy: found " + describe(node), location));
            return new Principals(false, Map.of());
        }
        if (node.isEmpty()) {
            out.add(new MalformedPolicyDocument("Invalid principal in policy: no principal given", location));
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String type = entry.getKey();
            if (!Principals.TYPES.contains(type)) {
                out.add(new MalformedPolicyDocument(
                        "Invalid principal type \"" + type + "\"; use one of " + Principals.TYPES, location + "." + type));
                continue;
            }
            List<String> values = strings(entry.getValue(), location + "." + type, out);
            byType.put(type, values == null ? List.of() : values);
        }
        return new Principals(false, byType);
    }

    private static List<ConditionClause> conditions(JsonNode node, String location, List<Diagnostic> out) {
        if (node == null) {
            return List.of();
        }
        if (!node.isObject()) {
            out.add(new MalformedPolicyDocument("Condition must be an object, found " + describe(node), location));
            return List.of();
        }
        List<ConditionClause> clauses = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.properties().iterator(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            String opLocation = location + "." + op.getKey();
            if (!op.getValue().isObject()) {
                out.add(new MalformedPolicyDocument(
                        "Condition operator \"" + op.getKey() + "\" must map condition keys to values, found " + describe(op.getValue()),
                        opLocation));
                continue;
            }
            if (op.getValue().isEmpty()) {
                out.add(new MalformedPolicyDocument("Condition operator \"" + op.getKey() + "\" has no condition keys", opLocation));
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().properties().iterator(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                String keyLocation = opLocation + "." + key.getKey();
                List<String> values = conditionValues(key.getValue(), keyLocation, out);
                if (values != null) {
                    clauses.add(new ConditionClause(op.getKey(), key.getKey(), values, keyLocation));
                }
            }
        }
        return clauses;
    }

    private static List<String> conditionValues(JsonNode node, String location, List<Diagnostic> out) {
        if (node.isValueNode() && !node.isNull()) {
            return List.of(node.asText());
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                out.add(new MalformedPolicyDocument("Condition values must not be an empty array", location));
                return null;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode each : node) {
                if (!each.isValueNode() || each.isNull()) {
                    out.add(new MalformedPolicyDocument(
                            "Condition values must be strings, numbers or booleans, found " + describe(each), location));
                    return null;
                }
                values.add(each.asText());
            }
            return values;
        }
        out.add(new MalformedPolicyDocument(
                "Condition values must be a string, number, boolean or an array of them, found " + describe(node), location));
        return null;
    }

    private static List<String> strings(JsonNode node, String location, List<Diagnostic> out) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                out.add(new MalformedPolicyDocument(elementName(location) + " must not be an empty array", location));
            }
            List<String> values = new ArrayList<>();
            for (JsonNode each : node) {
                if (each.isTextual()) {
                    values.add(each.textValue());
                } else {
                    out.add(new MalformedPolicyDocument(
                            elementName(location) + " values must be strings, found " + describe(each), location));
                }
            }
            return values;
        }
        out.add(new MalformedPolicyDocument(
                elementName(location) + " must be a string or an array of strings, found " + describe(node), location));
        return List.of();
    }

    private static String text(JsonNode node, String location, List<Diagnostic> out) {
        if (node.isTextual()) {
            return node.textValue();
        }
        out.add(new MalformedPolicyDocument(elementName(location) + " must be a string, found " + describe(node), location));
        return null;
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String prefix, List<Diagnostic> out) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String hint = known.stream()
                        .filter(k -> k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                        .findFirst()
                        .map(k -> "; did you mean \"" + k + "\"?")
                        .orElse("");
                out.add(new MalformedPolicyDocument("Policy document contains an unknown element \"" + name + "\"" + hint,
                        prefix + name));
            }
        }
    }

    private static String elementName(String location) {
        int dot = location.lastIndexOf('.');
        return dot < 0 ? location : location.substring(dot + 1);
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "string \"" + node.textValue() + "\"";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node.asText();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "$";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The characters IAM counts against an identity policy's size quota: all but white space outside JSON strings. */
    public static int countWithoutWhitespace(String text) {
        int count = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                count++;
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (!Character.isWhitespace(c)) {
                count++;
                if (c == '"') {
                    inString = true;
                }
            }
        }
        return count;
    }

}
