package io.portcullis.policylang.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request prepared once for evaluation: the action lower-cased and split at its service prefix,
 * the principal's ARN read, and every context key lower-cased (condition keys are case-insensitive).
 * Keys AWS derives from the principal ({@code aws:PrincipalArn}, {@code aws:PrincipalAccount},
 * {@code aws:username}, {@code aws:PrincipalTag/...}, {@code aws:PrincipalType}, {@code aws:ResourceAccount},
 * {@code aws:userid}, {@code aws:PrincipalOrgID}, {@code aws:PrincipalOrgPaths})
 * are the engine's: whatever the caller put under those names (and the other principal keys the caller cannot
 * vouch for) is dropped, so no caller
 * can claim another principal's identity or tags by passing context through.
 */
public final class RequestContext {

    private final String principalArn;
    private final PrincipalKind principalKind;
    private final String principalAccount;
    private final String principalName;
    private final String roleArn;
    private final String actionLower;
    private final String service;
    private final String actionName;
    private final String resource;
    private final String resourceAccount;
    private final Map<String, String[]> values;

    private RequestContext(String principalArn, String action, String resource, String resourceAccount,
                           Map<String, String[]> values) {
        this.principalArn = principalArn;
        String[] arn = principalArn.split(":", 6);
        String account = arn.length == 6 ? arn[4] : "";
        String path = arn.length == 6 ? arn[5] : "";
        String awsService = arn.length == 6 ? arn[2] : "";
        PrincipalKind kind = PrincipalKind.OTHER;
        String name = "";
        String role = "";
        if (awsService.equals("iam") && path.equals("root")) {
            kind = PrincipalKind.ROOT;
        } else if (awsService.equals("iam") && path.startsWith("user/")) {
            kind = PrincipalKind.USER;
            name = path.substring(path.lastIndexOf('/') + 1);
        } else if (awsService.equals("iam") && path.startsWith("role/")) {
            kind = PrincipalKind.ROLE;
            name = path.substring(path.lastIndexOf('/') + 1);
            role = principalArn;
        } else if (awsService.equals("sts") && path.startsWith("assumed-role/")) {
            kind = PrincipalKind.ASSUMED_ROLE;
            String[] parts = path.split("/", 3);
            name = parts.length > 1 ? parts[1] : "";
            role = "arn:" + arn[1] + ":iam::" + account + ":role/" + name;
        } else if (awsService.equals("sts") && path.startsWith("federated-user/")) {
            kind = PrincipalKind.FEDERATED_USER;
            name = path.substring("federated-user/".length());
        }
        this.principalKind = kind;
        this.principalAccount = account;
        this.principalName = name;
        this.roleArn = role;
        this.actionLower = action.toLowerCase(Locale.ROOT);
        int colon = actionLower.indexOf(':');
        this.service = colon < 0 ? "" : actionLower.substring(0, colon);
        this.actionName = colon < 0 ? actionLower : actionLower.substring(colon + 1);
        this.resource = resource;
        this.resourceAccount = resourceAccount == null || resourceAccount.isEmpty() ? account : resourceAccount;
        this.values = values;
        derive("aws:principalarn", kind == PrincipalKind.ASSUMED_ROLE ? role : principalArn);
        derive("aws:principalaccount", account);
        derive("aws:principaltype", kind.awsName());
        derive("aws:resourceaccount", this.resourceAccount);
        if (kind == PrincipalKind.USER) {
            derive("aws:username", name);
        }
    }

    /**
     * Prepares a request.
     *
     * @param principalTags the principal's tags, exposed as {@code aws:PrincipalTag/key}
     * @param principalId the principal's unique id, exposed as {@code aws:userid}; null when not known
     * @param resourceAccount the account that owns the resource; empty or null means the principal's account
     * @param context further context keys, each with one or more values
     * @param principalOrgId the organization of the principal's account ({@code aws:PrincipalOrgID}); null when none
     * @param principalOrgPath its path there ({@code aws:PrincipalOrgPaths}, {@code o-…/r-…/ou-…/}); null when none
     */
    public static RequestContext of(String principalArn, Map<String, String> principalTags, String principalId, String action,
                                    String resource, String resourceAccount, Map<String, List<String>> context,
                                    String principalOrgId, String principalOrgPath) {
        Map<String, String[]> values = new HashMap<>();
        context.forEach((key, list) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!isEngines(lower)) {
                values.put(lower, list.toArray(new String[0]));
            }
        });
        principalTags.forEach((key, value) ->
                values.put(("aws:principaltag/" + key).toLowerCase(Locale.ROOT), new String[] {value}));
        if (principalId != null && !principalId.isEmpty()) {
            values.put("aws:userid", new String[] {principalId});
        }
        if (principalOrgId != null && !principalOrgId.isEmpty()) {
            values.put("aws:principalorgid", new String[] {principalOrgId});
            values.put("aws:principalorgpaths", new String[] {principalOrgPath});
        }
        return new RequestContext(principalArn, action, resource, resourceAccount, values);
    }

    /** Keys about the principal (and the resource's account) that only the engine, never the caller, may set. */
    private static final java.util.Set<String> ENGINE_KEYS = java.util.Set.of(
            "aws:principalarn", "aws:principalaccount", "aws:principaltype", "aws:resourceaccount", "aws:username",
            "aws:userid", "aws:principalorgid", "aws:principalorgpaths", "aws:principalisawsservice",
            "aws:principalservicename", "aws:principalservicenameslist");

    static boolean isEngines(String lowerKey) {
        return ENGINE_KEYS.contains(lowerKey) || lowerKey.startsWith("aws:principaltag/");
    }

    private void derive(String key, String value) {
        if (!value.isEmpty()) {
            values.put(key, new String[] {value});
        }
    }

    /** The values of a lower-cased key, or {@code null} when the request does not carry it. */
    public String[] values(String lowerKey) {
        return values.get(lowerKey);
    }

    /** The value of a single-valued key, or {@code null} when absent or multivalued. */
    public String single(String lowerKey) {
        String[] found = values.get(lowerKey);
        return found != null && found.length == 1 ? found[0] : null;
    }

    public String principalArn() {
        return principalArn;
    }

    public PrincipalKind principalKind() {
        return principalKind;
    }

    public String principalAccount() {
        return principalAccount;
    }

    /** The user, role or federated user name; empty for other principals. */
    public String principalName() {
        return principalName;
    }

    /** For a role or role session, the role's ARN (without path); otherwise empty. */
    public String roleArn() {
        return roleArn;
    }

    public String actionLower() {
        return actionLower;
    }

    public String service() {
        return service;
    }

    public String actionName() {
        return actionName;
    }

    public String resource() {
        return resource;
    }

    public String resourceAccount() {
        return resourceAccount;
    }

    public boolean sameAccount() {
        return resourceAccount.equals(principalAccount);
    }
}
