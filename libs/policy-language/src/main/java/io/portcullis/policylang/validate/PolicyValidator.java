package io.portcullis.policylang.validate;

import io.portcullis.policylang.syntax.ConditionClause;
import io.portcullis.policylang.syntax.Diagnostic.LimitExceeded;
import io.portcullis.policylang.syntax.Diagnostic.MalformedPolicyDocument;
import io.portcullis.policylang.syntax.Diagnostic;
import io.portcullis.policylang.syntax.OperatorName;
import io.portcullis.policylang.syntax.ParsedPolicy;
import io.portcullis.policylang.syntax.PolicyDocument;
import io.portcullis.policylang.syntax.PolicyParser;
import io.portcullis.policylang.syntax.Principals;
import io.portcullis.policylang.syntax.Statement;
import io.portcullis.policylang.syntax.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Applies IAM's rules for a policy kind to a parsed document and reports every breach with its location. */
public final class PolicyValidator {

    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9*?-]+:[^\\s]+");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private PolicyValidator() {
    }

    /**
     * Parses and validates {@code text} as a policy of {@code kind}. Never throws for any input. A text over
     * the kind's size quota is refused before it is parsed (counting is linear; parsing a 14 MB document took 5 s).
     */
    public static ValidatedPolicy validate(String text, PolicyKind kind) {
        int withoutWhitespace = PolicyParser.countWithoutWhitespace(text);
        PolicyDocument unread = PolicyDocument.empty(text.length(), withoutWhitespace);
        List<Diagnostic> tooLarge = new ArrayList<>();
        checkSize(unread, kind, tooLarge);
        if (!tooLarge.isEmpty()) {
            return new ValidatedPolicy(kind, unread, tooLarge);
        }
        return validate(PolicyParser.parse(text), kind);
    }

    public static ValidatedPolicy validate(ParsedPolicy parsed, PolicyKind kind) {
        List<Diagnostic> out = new ArrayList<>(parsed.diagnostics());
        PolicyDocument document = parsed.document();
        checkSize(document, kind, out);
        Set<String> sids = new HashSet<>();
        for (Statement statement : document.statements()) {
            checkStatement(document, statement, kind.type(), sids, out);
        }
        return new ValidatedPolicy(kind, document, out);
    }

    private static void checkSize(PolicyDocument document, PolicyKind kind, List<Diagnostic> out) {
        int size = kind.whitespaceCounts() ? document.characters() : document.charactersWithoutWhitespace();
        if (size > kind.maxCharacters()) {
            out.add(new LimitExceeded("Cannot exceed quota for PolicySize: " + kind.maxCharacters()
                    + " (this " + kind.name() + " document has " + size + " characters)", "$"));
        }
    }

    private static void checkStatement(PolicyDocument document, Statement s, PolicyType type, Set<String> sids,
                                       List<Diagnostic> out) {
        checkSid(s, type, sids, out);
        boolean allow = checkEffect(s, out);
        checkActions(s, out);
        checkResources(document, s, out);
        checkPrincipals(s, type, allow, out);
        for (ConditionClause clause : s.conditions()) {
            checkCondition(document, clause, out);
        }
    }

    private static void checkSid(Statement s, PolicyType type, Set<String> sids, List<Diagnostic> out) {
        if (s.sid() == null) {
            return;
        }
        if (type != PolicyType.RESOURCE && !SID.matcher(s.sid()).matches()) {
            out.add(new MalformedPolicyDocument("Statement IDs (SID) must be alpha-numeric; \"" + s.sid() + "\" is not",
                    s.location("Sid")));
        }
        if (!s.sid().isEmpty() && !sids.add(s.sid())) {
            out.add(new MalformedPolicyDocument("Statement IDs (SID) in a single policy must be unique; \"" + s.sid()
                    + "\" repeats", s.location("Sid")));
        }
    }

    private static boolean checkEffect(Statement s, List<Diagnostic> out) {
        if (s.effect() == null) {
            out.add(new MalformedPolicyDocument("Missing required field Effect", s.location("Effect")));
            return false;
        }
        if (!s.effect().equals("Allow") && !s.effect().equals("Deny")) {
            out.add(new MalformedPolicyDocument("Invalid effect \"" + s.effect() + "\"; use \"Allow\" or \"Deny\"",
                    s.location("Effect")));
        }
        return s.effect().equals("Allow");
    }

    private static void checkActions(Statement s, List<Diagnostic> out) {
        List<String> values = exactlyOne(s, s.action(), s.notAction(), "Action", out);
        String element = s.action() != null ? "Action" : "NotAction";
        for (String action : values) {
            if (!action.equals("*") && !ACTION.matcher(action).matches()) {
                out.add(new MalformedPolicyDocument("Action \"" + action
                        + "\" must be \"*\" or prefaced by a service prefix, e.g. \"s3:GetObject\"", s.location(element)));
            }
        }
    }

    private static void checkResources(PolicyDocument document, Statement s, List<Diagnostic> out) {
        List<String> values = exactlyOne(s, s.resource(), s.notResource(), "Resource", out);
        String element = s.resource() != null ? "Resource" : "NotResource";
        for (String resource : values) {
            if (!resource.equals("*") && !(resource.startsWith("arn:") && colons(resource) >= 5)) {
                out.add(new MalformedPolicyDocument("Resource \"" + resource + "\" must be in ARN format or \"*\"",
                        s.location(element)));
            }
            checkTemplate(document, resource, s.location(element), out);
        }
    }

    private static List<String> exactlyOne(Statement s, List<String> positive, List<String> negative, String name,
                                           List<Diagnostic> out) {
        if (positive != null && negative != null) {
            out.add(new MalformedPolicyDocument("Statement must not contain both " + name + " and Not" + name,
                    s.location("Not" + name)));
            return positive;
        }
        if (positive == null && negative == null) {
            out.add(new MalformedPolicyDocument("Missing required field " + name + " (or Not" + name + ")",
                    s.location(name)));
            return List.of();
        }
        return positive != null ? positive : negative;
    }

    private static void checkPrincipals(Statement s, PolicyType type, boolean allow, List<Diagnostic> out) {
        boolean any = s.principal() != null || s.notPrincipal() != null;
        if (type != PolicyType.RESOURCE) {
            if (any) {
                String element = s.principal() != null ? "Principal" : "NotPrincipal";
                out.add(new MalformedPolicyDocument("Policy document should not specify a principal: "
                        + element + " is only allowed in resource-based policies", s.location(element)));
            }
            return;
        }
        if (s.principal() != null && s.notPrincipal() != null) {
            out.add(new MalformedPolicyDocument("Statement must not contain both Principal and NotPrincipal",
                    s.location("NotPrincipal")));
        } else if (!any) {
            out.add(new MalformedPolicyDocument("Missing required field Principal (or NotPrincipal)", s.location("Principal")));
        }
        if (s.notPrincipal() != null && allow) {
            out.add(new MalformedPolicyDocument("NotPrincipal must not be used with \"Effect\": \"Allow\"",
                    s.location("NotPrincipal")));
        }
        checkPrincipalValues(s.principal(), s.location("Principal"), out);
        checkPrincipalValues(s.notPrincipal(), s.location("NotPrincipal"), out);
    }

    private static void checkPrincipalValues(Principals principals, String location, List<Diagnostic> out) {
        if (principals == null || principals.wildcard()) {
            return;
        }
        for (Map.Entry<String, List<String>> entry : principals.byType().entrySet()) {
            for (String value : entry.getValue()) {
                String where = location + "." + entry.getKey();
                if (value.isEmpty()) {
                    out.add(new MalformedPolicyDocument("Invalid principal in policy: empty " + entry.getKey() + " principal", where));
                } else if (!value.equals("*") && (value.indexOf('*') >= 0 || value.indexOf('?') >= 0)) {
                    out.add(new MalformedPolicyDocument("Invalid principal in policy: \"" + value
                            + "\"; a wildcard may only stand alone as \"*\"", where));
                } else if (entry.getKey().equals("AWS") && !value.equals("*") && !ACCOUNT_ID.matcher(value).matches()
                        && !(value.startsWith("arn:") && colons(value) >= 5)) {
                    out.add(new MalformedPolicyDocument("Invalid principal in policy: \"" + value
                            + "\" is neither an account ID nor an ARN", where));
                }
            }
        }
    }

    private static void checkCondition(PolicyDocument document, ConditionClause clause, List<Diagnostic> out) {
        Optional<OperatorName> name = OperatorName.parse(clause.operator());
        if (name.isEmpty()) {
            out.add(new MalformedPolicyDocument("Invalid Condition type : " + clause.operator(), clause.location()));
            return;
        }
        if (clause.key().isBlank()) {
            out.add(new MalformedPolicyDocument("Condition key must not be empty", clause.location()));
        }
        boolean variables = document.version().supportsVariables() && name.get().operator().acceptsVariables();
        for (String value : clause.values()) {
            if (variables && Template.hasVariables(value)) {
                checkTemplate(document, value, clause.location(), out);
                continue;
            }
            name.get().operator().checkValue(value).ifPresent(reason -> out.add(new MalformedPolicyDocument(
                    "Condition value \"" + value + "\" for " + clause.operator() + " " + reason, clause.location())));
        }
    }

    private static void checkTemplate(PolicyDocument document, String value, String location, List<Diagnostic> out) {
        if (!document.version().supportsVariables() || !Template.hasVariables(value)) {
            return;
        }
        Template.ParseOutcome outcome = Template.parse(value);
        if (outcome.template().isEmpty()) {
            out.add(new MalformedPolicyDocument("Invalid policy variable: " + outcome.error(), location));
        }
    }

    private static int colons(String value) {
        int count = 0;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == ':') {
                count++;
            }
        }
        return count;
    }
}
