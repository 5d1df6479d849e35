package io.portcullis.policylang.compile;

import io.portcullis.policylang.syntax.Principals;
import java.util.List;

/** A resource policy's {@code Principal} or {@code NotPrincipal}, compared with the requester. */
public final class PrincipalMatcher {

    private final boolean wildcard;
    private final String[] aws;
    private final String[] exact;

    private PrincipalMatcher(boolean wildcard, String[] aws, String[] exact) {
        this.wildcard = wildcard;
        this.aws = aws;
        this.exact = exact;
    }

    public static PrincipalMatcher of(Principals principals) {
        boolean wildcard = principals.wildcard() || principals.values("AWS").contains("*");
        List<String> others = new java.util.ArrayList<>();
        others.addAll(principals.values("Service"));
        others.addAll(principals.values("Federated"));
        others.addAll(principals.values("CanonicalUser"));
        wildcard = wildcard || others.contains("*");
        return new PrincipalMatcher(wildcard, principals.values("AWS").toArray(new String[0]), others.toArray(new String[0]));
    }

    public PrincipalMatch match(RequestContext request) {
        PrincipalMatch best = wildcard ? PrincipalMatch.WILDCARD : PrincipalMatch.NONE;
        String arn = request.principalArn();
        for (String value : exact) {
            if (value.equals(arn)) {
                return PrincipalMatch.DIRECT;
            }
        }
        String uniqueId = aws.length == 0 ? "" : uniqueId(request);
        for (String value : aws) {
            if (value.equals(arn)) {
                return request.principalKind() == PrincipalKind.ROLE ? PrincipalMatch.ROLE : PrincipalMatch.DIRECT;
            }
            if (!uniqueId.isEmpty() && value.equals(uniqueId)) {
                // A user's or role's unique ID names it as its ARN would (AWS stores principals by unique ID).
                best = best.strongest(request.principalKind() == PrincipalKind.USER ? PrincipalMatch.DIRECT : PrincipalMatch.ROLE);
                continue;
            }
            if (request.principalKind() == PrincipalKind.ASSUMED_ROLE && namesRole(value, request)) {
                best = best.strongest(PrincipalMatch.ROLE);
            } else if (namesAccount(value, request)) {
                best = best.strongest(PrincipalMatch.ACCOUNT);
            }
        }
        return best;
    }

    /**
     * The user's ({@code AIDA...}) or role's ({@code AROA...}) unique ID from {@code aws:userid}, which for a role
     * session is {@code AROA...:session-name}; empty for any other principal or when the caller did not give it.
     */
    private static String uniqueId(RequestContext request) {
        String userId = request.single("aws:userid");
        PrincipalKind kind = request.principalKind();
        if (userId == null) {
            return "";
        }
        if (kind == PrincipalKind.USER && userId.startsWith("AIDA")) {
            return userId;
        }
        if ((kind == PrincipalKind.ROLE || kind == PrincipalKind.ASSUMED_ROLE) && userId.startsWith("AROA")) {
            int colon = userId.indexOf(':');
            return colon < 0 ? userId : userId.substring(0, colon);
        }
        return "";
    }

    /** {@code arn:aws:iam::111122223333:role/path/Name} names every session of role {@code Name}. */
    private static boolean namesRole(String value, RequestContext request) {
        String role = request.roleArn();
        if (role.isEmpty() || !value.contains(":role/")) {
            return false;
        }
        String account = ":" + request.principalAccount() + ":role/";
        return value.contains(account) && value.endsWith("/" + request.principalName())
                && value.startsWith(role.substring(0, role.indexOf(":role/")));
    }

    private static boolean namesAccount(String value, RequestContext request) {
        String account = request.principalAccount();
        if (account.isEmpty()) {
            return false;
        }
        return value.equals(account) || (value.endsWith(":iam::" + account + ":root") && value.startsWith("arn:"));
    }
}
