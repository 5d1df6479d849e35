package io.portcullis.org.domain;

import io.portcullis.iam.AccountId;
import java.util.regex.Pattern;

/**
 * AWS Organizations' ids and ARNs. The random part of a new id is made at the edge ({@code CommandStamps.newToken}),
 * so the decider stays free of random sources; the decider composes the id from it.
 */
public final class OrgIds {

    /**
     * The one aggregate org-service decides in, and the key of its topics. AWS Organizations' rules span
     * organizations (an account belongs to at most one; new account ids and emails are unique everywhere), so every
     * organization is decided by one writer, in one order. A reserved id that no account of the suite has.
     */
    public static final AccountId AGGREGATE = new AccountId("000000000000");

    public static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    public static final String DIGITS = "0123456789";
    public static final int ORGANIZATION_TOKEN = 10;
    public static final int ROOT_TOKEN = 4;
    public static final int OU_TOKEN = 8;
    public static final int POLICY_TOKEN = 8;
    public static final int HANDSHAKE_TOKEN = 10;
    public static final int REQUEST_TOKEN = 10;
    public static final int ACCOUNT_DIGITS = 12;

    static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
    static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    static final Pattern POLICY_ID = Pattern.compile("p-[0-9a-zA-Z_]{8,128}");
    static final Pattern HANDSHAKE_ID = Pattern.compile("h-[0-9a-z]{8,64}");
    static final Pattern REQUEST_ID = Pattern.compile("car-[a-z0-9]{8,32}");
    static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    static final Pattern PARENT_ID = Pattern.compile(ROOT_ID.pattern() + "|" + OU_ID.pattern());
    static final Pattern CHILD_ID = Pattern.compile(ACCOUNT_ID.pattern() + "|" + OU_ID.pattern());
    static final Pattern TARGET_ID = Pattern.compile(ROOT_ID.pattern() + "|" + OU_ID.pattern() + "|" + ACCOUNT_ID.pattern());

    private OrgIds() {
    }

    static String organizationId(String token) {
        return "o-" + token;
    }

    static String rootId(String token) {
        return "r-" + token;
    }

    static String organizationalUnitId(String rootId, String token) {
        return "ou-" + rootId.substring(2) + "-" + token;
    }

    static String policyId(String token) {
        return "p-" + token;
    }

    static String handshakeId(String token) {
        return "h-" + token;
    }

    static String createAccountRequestId(String token) {
        return "car-" + token;
    }

    static String organizationArn(String management, String organizationId) {
        return arn(management, "organization/" + organizationId);
    }

    static String rootArn(String management, String organizationId, String rootId) {
        return arn(management, "root/" + organizationId + "/" + rootId);
    }

    static String organizationalUnitArn(String management, String organizationId, String ouId) {
        return arn(management, "ou/" + organizationId + "/" + ouId);
    }

    static String accountArn(String management, String organizationId, String accountId) {
        return arn(management, "account/" + organizationId + "/" + accountId);
    }

    static String policyArn(String management, String organizationId, OrgPolicyType type, String policyId) {
        return arn(management, "policy/" + organizationId + "/" + type.arnSegment() + "/" + policyId);
    }

    static String handshakeArn(String management, String organizationId, String handshakeId) {
        return arn(management, "handshake/" + organizationId + "/" + Handshake.ACTION.toLowerCase() + "/" + handshakeId);
    }

    private static String arn(String management, String resource) {
        return "arn:aws:organizations::" + management + ":" + resource;
    }
}
