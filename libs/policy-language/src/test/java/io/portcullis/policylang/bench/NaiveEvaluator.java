package io.portcullis.policylang.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.policylang.evaluate.AuthorizationRequest;
import io.portcullis.policylang.syntax.Cidr;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The baseline: re-parses every policy from JSON and builds a regular expression for every pattern on every
 * call. It supports what the benchmark scenario uses (identity, boundary and SCP policies; StringEquals,
 * StringNotEquals, StringLike, Bool and IpAddress) and nothing more.
 */
public final class NaiveEvaluator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NaiveEvaluator() {
    }

    public static String decide(BenchmarkScenario policies, AuthorizationRequest request) {
        boolean denied = false;
        boolean scpsAllow = true;
        for (List<String> level : policies.scps) {
            boolean levelAllows = false;
            for (String doc : level) {
                int effect = evaluate(doc, request);
                denied |= effect < 0;
                levelAllows |= effect > 0;
            }
            scpsAllow &= levelAllows;
        }
        boolean identityAllows = false;
        for (String doc : policies.identity) {
            int effect = evaluate(doc, request);
            denied |= effect < 0;
            identityAllows |= effect > 0;
        }
        int boundary = evaluate(policies.boundary, request);
        denied |= boundary < 0;
        if (denied) {
            return "explicitDeny";
        }
        return scpsAllow && identityAllows && boundary > 0 ? "allowed" : "implicitDeny";
    }

    /** -1 when a deny applies, 1 when only allows apply, 0 when nothing applies. */
    private static int evaluate(String document, AuthorizationRequest request) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode statements = root.get("Statement");
        int result = 0;
        for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
            if (anyMatches(statement.get("Action"), request.action(), true)
                    && anyMatches(statement.get("Resource"), request.resource(), false)
                    && conditionsHold(statement.get("Condition"), request)) {
                if (statement.get("Effect").asText().equals("Deny")) {
                    return -1;
                }
                result = 1;
            }
        }
        return result;
    }

    private static boolean anyMatches(JsonNode patterns, String value, boolean ignoreCase) {
        for (JsonNode pattern : patterns.isArray() ? patterns : JSON.createArrayNode().add(patterns)) {
            if (regex(pattern.asText(), ignoreCase).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern regex(String glob, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL);
    }

    private static boolean conditionsHold(JsonNode condition, AuthorizationRequest request) {
        if (condition == null) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> ops = condition.properties().iterator(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().properties().iterator(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                if (!holds(op.getKey(), key.getKey(), key.getValue(), request)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean holds(String operator, String key, JsonNode values, AuthorizationRequest request) {
        String actual = lookup(key, request);
        boolean negated = operator.equals("StringNotEquals");
        if (actual == null) {
            return negated;
        }
        boolean any = false;
        for (JsonNode value : values.isArray() ? values : JSON.createArrayNode().add(values)) {
            String expected = value.asText();
            any |= switchless(operator, expected, actual);
        }
        return negated != any;
    }

    private static boolean switchless(String operator, String expected, String actual) {
        if (operator.equals("StringEquals") || operator.equals("StringNotEquals")) {
            return expected.equals(actual);
        }
        if (operator.equals("StringLike")) {
            return regex(expected, false).matcher(actual).matches();
        }
        if (operator.equals("Bool")) {
            return expected.equalsIgnoreCase(actual);
        }
        if (operator.equals("IpAddress")) {
            return Cidr.parse(expected).orElseThrow().contains(Cidr.parse(actual).orElseThrow());
        }
        throw new IllegalArgumentException("the naive evaluator does not support " + operator);
    }

    private static String lookup(String key, AuthorizationRequest request) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("aws:principaltag/")) {
            for (Map.Entry<String, String> tag : request.principalTags().entrySet()) {
                if (("aws:principaltag/" + tag.getKey()).equalsIgnoreCase(lower)) {
                    return tag.getValue();
                }
            }
            return null;
        }
        for (Map.Entry<String, List<String>> entry : request.context().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
