package io.portcullis.policylang.validate;

import io.portcullis.policylang.syntax.ConditionClause;
import io.portcullis.policylang.syntax.Diagnostic.LimitExceeded;
import io.portcullis.policylang.syntax.Diagnostic.MalformedPolicyDocument;
import io.portcullis.policylang.syntax.Diagnostic;
import io.portcullis.policylang.syntax.OperatorName;
import io.portcullis.policylang.syntax.ParsedPolicy;
import io.portcullis.policylang.syntax.PolicyDocument;
import io.portcullis.policylang.syntax.PolicyParser;
import io.portcullis.policylang.syntax.PolicyVersion;
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
    /*
     * IAM's unique IDs for users (AIDA) and roles (AROA). AWS writes them into a resource policy in place of the
     * ARN of a principal that was deleted, and accepts them from callers too (Access Analyzer only warns).
     */
    private static final Pattern USER_ID = Pattern.compile("AIDA[A-Z0-9]{12,124}");
    private static final Pattern ROLE_ID = Pattern.compile("AROA[A-Z0-9]{12,124}");

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
        Findings findings = new Findings(new ArrayList<>(parsed.diagnostics()), new ArrayList<>());
        PolicyDocument document = parsed.document();
        checkSize(document, kind, findings.errors);
        checkDocument(document, kind.type(), findings);
        Set<String> sids = new HashSet<>();
        boolean rcpFullAwsAccess = kind.type() == PolicyType.RCP && isRcpFullAwsAccess(document);
        for (Statement statement : document.statements()) {
            checkStatement(document, statement, kind.type(), rcpFullAwsAccess, sids, findings);
        }
        // Warnings describe documents AWS accepts: next to errors they are noise, and a text that could not be
        // read at all would wrongly warn that it has no Version.
        return new ValidatedPolicy(kind, document, findings.errors,
                findings.errors.isEmpty() ? findings.warnings : List.of());
    }

    /** What validation found: errors make the document invalid, warnings never do. */
    private record Findings(List<Diagnostic> errors, List<PolicyWarning> warnings) {

        void error(String message, String location) {
            errors.add(new MalformedPolicyDocument(message, location));
        }

        void warn(String code, String message, String location) {
            PolicyWarning warning = new PolicyWarning(code, message, location);
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
    }

    private static void checkDocument(PolicyDocument document, PolicyType type, Findings findings) {
        if (document.versionText() == null) {
            findings.warn(PolicyWarning.MISSING_VERSION, "No Version: the policy language defaults to 2008-10-17, in which"
                    + " policy variables such as ${aws:username} are literal text; add \"Version\": \"2012-10-17\"", "Version");
        } else if (document.versionText().equals(PolicyVersion.V2008_10_17.text())) {
            findings.warn(PolicyWarning.OUTDATED_VERSION, "Version 2008-10-17 is an earlier version of the policy language;"
                    + " AWS says not to use it for new or updated policies (policy variables are literal text in it)", "Version");
        }
        if (document.id() != null && (type == PolicyType.IDENTITY || type == PolicyType.BOUNDARY)) {
            findings.warn(PolicyWarning.ID_IN_IDENTITY_POLICY, "Id is allowed in resource-based policies, but not in"
                    + " identity-based policies; it has no effect here", "Id");
        }
    }

    private static void checkSize(PolicyDocument document, PolicyKind kind, List<Diagnostic> out) {
        int size = kind.whitespaceCounts() ? document.characters() : document.charactersWithoutWhitespace();
        if (size > kind.maxCharacters()) {
            out.add(new LimitExceeded("Cannot exceed quota for PolicySize: " + kind.maxCharacters()
                    + " (this " + kind.name() + " document has " + size + " characters)", "$"));
        }
    }

    private static void checkStatement(PolicyDocument document, Statement s, PolicyType type, boolean rcpFullAwsAccess,
                                       Set<String> sids, Findings findings) {
        List<Diagnostic> out = findings.errors;
        checkSid(s, type, sids, findings);
        boolean allow = checkEffect(s, out);
        if (type == PolicyType.RCP) {
            checkRcpEffect(s, allow, rcpFullAwsAccess, findings);
            checkRcpActions(s, rcpFullAwsAccess, findings);
        } else {
            checkActions(s, out);
        }
        checkResources(document, s, findings);
        if (type == PolicyType.RCP) {
            checkRcpPrincipal(s, findings);
        } else {
            checkPrincipals(s, type, allow, findings);
        }
        for (ConditionClause clause : s.conditions()) {
            checkCondition(document, clause, findings);
        }
        if (allow && s.notAction() != null) {
            findings.warn(PolicyWarning.ALLOW_WITH_NOT_ACTION, "Allow with NotAction allows every action of every"
                    + " service that is not listed and could grant more than intended; list the actions in Action instead",
                    s.location("NotAction"));
        }
        if (allow && s.notResource() != null) {
            findings.warn(PolicyWarning.ALLOW_WITH_NOT_RESOURCE, "Allow with NotResource allows every resource that is"
                    + " not listed and could grant more than intended; list the resources in Resource instead",
                    s.location("NotResource"));
        }
    }

    /*
     * IAM's own policies (identity, boundary, session, SCP) refuse Sids that are not alphanumeric or that repeat.
     * Resource policies belong to other services, several of which accept spaces and punctuation (the Sid page)
     * and repeated Sids (Access Analyzer: "Unique Sids recommended"), so there both are warnings.
     */
    private static void checkSid(Statement s, PolicyType type, Set<String> sids, Findings findings) {
        if (s.sid() == null) {
            return;
        }
        if (s.sid().isEmpty()) {
            findings.warn(PolicyWarning.EMPTY_SID_VALUE, "The Sid is empty; give the statement an identifier or remove"
                    + " the Sid element", s.location("Sid"));
        } else if (!SID.matcher(s.sid()).matches()) {
            if (type != PolicyType.RESOURCE) {
                findings.error("Statement IDs (SID) must be alpha-numeric; \"" + s.sid() + "\" is not", s.location("Sid"));
            } else {
                findings.warn(PolicyWarning.SID_NOT_ALPHANUMERIC, "Sid \"" + s.sid() + "\" has characters other than"
                        + " A-Z, a-z and 0-9, which IAM policies and some services refuse", s.location("Sid"));
            }
        }
        if (!s.sid().isEmpty() && !sids.add(s.sid())) {
            if (type != PolicyType.RESOURCE) {
                findings.error("Statement IDs (SID) in a single policy must be unique; \"" + s.sid() + "\" repeats",
                        s.location("Sid"));
            } else {
                findings.warn(PolicyWarning.UNIQUE_SIDS_RECOMMENDED, "Sid \"" + s.sid() + "\" repeats; use statement IDs"
                        + " that are unique within the policy", s.location("Sid"));
            }
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
            checkActionFormat(s, action, element, out);
        }
    }

    private static void checkActionFormat(Statement s, String action, String element, List<Diagnostic> out) {
        if (!action.equals("*") && !ACTION.matcher(action).matches()) {
            out.add(new MalformedPolicyDocument("Action \"" + action
                    + "\" must be \"*\" or prefaced by a service prefix, e.g. \"s3:GetObject\"", s.location(element)));
        }
    }

    /*
     * Resource control policies (Organizations, "RCP syntax"). The rules AWS documents there, and only those:
     *  - Effect: "For RCPs that you create, the value must be Deny"; Allow "is only supported for the
     *    RCPFullAWSAccess policy", which AWS manages and attaches everywhere. A validator cannot tell who wrote a
     *    document, so the one document that is RCPFullAWSAccess (a single statement Allow, Principal "*", Action "*",
     *    Resource "*", no Condition) is accepted and every other Allow is refused. Conditions are documented for
     *    deny statements only; an Allow with a Condition is never RCPFullAWSAccess, so it is refused by the same rule.
     *  - Principal: "Each statement must contain the Principal element. You can only specify "*"".
     *  - Action: "Each statement must contain the Action element"; "You cannot use "*" in the Action element of a
     *    customer managed RCP and have to specify the abbreviation for the service". Wildcards elsewhere in an action
     *    are allowed. The list of services RCPs apply to is not a validation rule (AWS documents it as where RCPs
     *    take effect, and it grows), so an action of another service is accepted.
     *  - Unsupported elements: NotPrincipal, NotAction.
     * Sids follow the rules of IAM's own policies, as for SCPs; Resource and NotResource the common rules.
     */
    private static void checkRcpEffect(Statement s, boolean allow, boolean rcpFullAwsAccess, Findings findings) {
        if (allow && !rcpFullAwsAccess) {
            findings.error("Invalid effect \"Allow\" in a resource control policy: Allow is only supported in the AWS"
                    + " managed policy RCPFullAWSAccess; resource control policies you create must use \"Deny\"",
                    s.location("Effect"));
        }
    }

    private static void checkRcpActions(Statement s, boolean rcpFullAwsAccess, Findings findings) {
        List<Diagnostic> out = findings.errors;
        if (s.notAction() != null) {
            findings.error("NotAction is not supported in resource control policies; list the actions in Action",
                    s.location("NotAction"));
        } else if (s.action() == null) {
            findings.error("Missing required field Action", s.location("Action"));
        }
        for (String action : s.action() == null ? List.<String>of() : s.action()) {
            checkActionFormat(s, action, "Action", out);
            if (action.equals("*") && !rcpFullAwsAccess) {
                findings.error("Action \"*\" is not supported in a resource control policy you create; name the service"
                        + " prefix of the actions to restrict, e.g. \"s3:*\"", s.location("Action"));
            }
        }
    }

    private static void checkRcpPrincipal(Statement s, Findings findings) {
        if (s.notPrincipal() != null) {
            findings.error("NotPrincipal is not supported in resource control policies; use \"Principal\": \"*\" and"
                    + " restrict principals with a Condition", s.location("NotPrincipal"));
        } else if (s.principal() == null) {
            findings.error("Missing required field Principal; a resource control policy statement must have"
                    + " \"Principal\": \"*\"", s.location("Principal"));
        }
        if (s.principal() != null && !s.principal().wildcard()) {
            findings.error("Invalid principal in a resource control policy: only \"*\" is supported; restrict principals"
                    + " with a Condition, e.g. on aws:PrincipalOrgID", s.location("Principal"));
        }
    }

    /** The AWS managed RCPFullAWSAccess: one statement allowing every principal every action on every resource. */
    private static boolean isRcpFullAwsAccess(PolicyDocument document) {
        if (document.statements().size() != 1) {
            return false;
        }
        Statement s = document.statements().get(0);
        return "Allow".equals(s.effect())
                && s.principal() != null && s.principal().wildcard() && s.notPrincipal() == null
                && List.of("*").equals(s.action()) && s.notAction() == null
                && List.of("*").equals(s.resource()) && s.notResource() == null
                && s.conditions().isEmpty();
    }

    private static void checkResources(PolicyDocument document, Statement s, Findings findings) {
        List<Diagnostic> out = findings.errors;
        List<String> values = exactlyOne(s, s.resource(), s.notResource(), "Resource", out);
        String element = s.resource() != null ? "Resource" : "NotResource";
        for (String resource : values) {
            if (!resource.equals("*") && !(resource.startsWith("arn:") && colons(resource) >= 5)) {
                out.add(new MalformedPolicyDocument("Resource \"" + resource + "\" must be in ARN format or \"*\"",
                        s.location(element)));
            }
            checkTemplate(document, resource, s.location(element), findings);
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

    private static void checkPrincipals(Statement s, PolicyType type, boolean allow, Findings findings) {
        List<Diagnostic> out = findings.errors;
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
        /*
         * AWS documents both NotPrincipal combinations and only discourages them (Access Analyzer reports Allow
         * with NotPrincipal as a security warning, not an error), so both are accepted with a warning.
         */
        if (s.notPrincipal() != null && allow) {
            findings.warn(PolicyWarning.ALLOW_WITH_NOT_PRINCIPAL, "Allow with NotPrincipal allows every principal that"
                    + " is not listed, anonymous users included; name the principals in Principal instead",
                    s.location("NotPrincipal"));
        } else if (s.notPrincipal() != null && "Deny".equals(s.effect())) {
            findings.warn(PolicyWarning.DENY_WITH_NOT_PRINCIPAL, "Deny with NotPrincipal denies every IAM principal that"
                    + " has a permissions boundary, whatever NotPrincipal lists; use ArnNotEquals on aws:PrincipalArn"
                    + " instead", s.location("NotPrincipal"));
        }
        if (s.principal() != null && allow && s.conditions().isEmpty() && namesEveryone(s.principal())) {
            findings.warn(PolicyWarning.ALLOW_WITH_WILDCARD_PRINCIPAL, "Allow with the wildcard principal grants"
                    + " access to everyone, anonymous users included; name the principals, or restrict them with a"
                    + " Condition", s.location("Principal"));
        }
        checkPrincipalValues(s.principal(), s.location("Principal"), findings);
        checkPrincipalValues(s.notPrincipal(), s.location("NotPrincipal"), findings);
    }

    /** {@code "*"} or {@code "*"} under any principal type: the compiler reads both as everyone. */
    private static boolean namesEveryone(Principals principals) {
        if (principals.wildcard()) {
            return true;
        }
        for (List<String> values : principals.byType().values()) {
            if (values.contains("*")) {
                return true;
            }
        }
        return false;
    }

    private static void checkPrincipalValues(Principals principals, String location, Findings findings) {
        if (principals == null || principals.wildcard()) {
            return;
        }
        for (Map.Entry<String, List<String>> entry : principals.byType().entrySet()) {
            for (String value : entry.getValue()) {
                String where = location + "." + entry.getKey();
                if (value.isEmpty()) {
                    findings.error("Invalid principal in policy: empty " + entry.getKey() + " principal", where);
                } else if (!value.equals("*") && (value.indexOf('*') >= 0 || value.indexOf('?') >= 0)) {
                    findings.error("Invalid principal in policy: \"" + value
                            + "\"; a wildcard may only stand alone as \"*\"", where);
                } else if (entry.getKey().equals("AWS")) {
                    checkAwsPrincipal(value, where, findings);
                }
            }
        }
    }

    private static void checkAwsPrincipal(String value, String where, Findings findings) {
        if (value.equals("*") || ACCOUNT_ID.matcher(value).matches() || (value.startsWith("arn:") && colons(value) >= 5)) {
            return;
        }
        if (ROLE_ID.matcher(value).matches()) {
            findings.warn(PolicyWarning.INVALID_ROLE_REFERENCE, "\"" + value + "\" is an IAM role's unique ID; it"
                    + " never matches a role created again under the same name, so use the role's ARN", where);
        } else if (USER_ID.matcher(value).matches()) {
            findings.warn(PolicyWarning.INVALID_USER_REFERENCE, "\"" + value + "\" is an IAM user's unique ID; it"
                    + " never matches a user created again under the same name, so use the user's ARN", where);
        } else {
            findings.error("Invalid principal in policy: \"" + value
                    + "\" is neither an account ID, an ARN nor an IAM user or role unique ID", where);
        }
    }

    private static void checkCondition(PolicyDocument document, ConditionClause clause, Findings findings) {
        List<Diagnostic> out = findings.errors;
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
                checkTemplate(document, value, clause.location(), findings);
                continue;
            }
            if (name.get().operator().acceptsVariables()) {
                checkTemplate(document, value, clause.location(), findings);
            }
            name.get().operator().checkValue(value).ifPresent(reason -> out.add(new MalformedPolicyDocument(
                    "Condition value \"" + value + "\" for " + clause.operator() + " " + reason, clause.location())));
        }
    }

    /** A value where AWS substitutes variables (Resource, String and Arn conditions) in 2012-10-17 documents. */
    private static void checkTemplate(PolicyDocument document, String value, String location, Findings findings) {
        if (!Template.hasVariables(value)) {
            return;
        }
        if (!document.version().supportsVariables()) {
            findings.warn(PolicyWarning.VARIABLE_UNSUPPORTED_IN_VERSION, "\"" + value + "\" looks like a policy variable,"
                    + " but variables are substituted only in 2012-10-17 documents: here it is literal text", location);
            return;
        }
        Template.ParseOutcome outcome = Template.parse(value);
        if (outcome.template().isEmpty()) {
            findings.error("Invalid policy variable: " + outcome.error(), location);
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
