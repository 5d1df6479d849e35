package io.portcullis.org.domain;

import io.portcullis.policylang.validate.PolicyKind;
import java.util.Optional;

/**
 * The authorization policy types of AWS Organizations this service keeps, each with the AWS managed policy that
 * enabling the type attaches everywhere (it allows everything, so enabling a type changes no decision until a
 * narrower policy replaces it).
 */
public enum OrgPolicyType {
    SERVICE_CONTROL_POLICY("service_control_policy", PolicyKind.SERVICE_CONTROL_POLICY, "p-FullAWSAccess", "FullAWSAccess",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"),
    RESOURCE_CONTROL_POLICY("resource_control_policy", PolicyKind.RESOURCE_CONTROL_POLICY, "p-RCPFullAWSAccess", "RCPFullAWSAccess",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

    /** AWS's description of both default policies. */
    public static final String DEFAULT_POLICY_DESCRIPTION = "Allows access to every operation";

    private final String arnSegment;
    private final PolicyKind kind;
    private final String defaultPolicyId;
    private final String defaultPolicyName;
    private final String defaultPolicyContent;

    OrgPolicyType(String arnSegment, PolicyKind kind, String defaultPolicyId, String defaultPolicyName, String defaultPolicyContent) {
        this.arnSegment = arnSegment;
        this.kind = kind;
        this.defaultPolicyId = defaultPolicyId;
        this.defaultPolicyName = defaultPolicyName;
        this.defaultPolicyContent = defaultPolicyContent;
    }

    public static Optional<OrgPolicyType> parse(String name) {
        for (OrgPolicyType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** How the policy library checks a document of this type. */
    public PolicyKind kind() {
        return kind;
    }

    /** The type as it appears in a policy's ARN, for example {@code service_control_policy}. */
    public String arnSegment() {
        return arnSegment;
    }

    public String defaultPolicyId() {
        return defaultPolicyId;
    }

    public String defaultPolicyArn() {
        return "arn:aws:organizations::aws:policy/" + arnSegment + "/" + defaultPolicyId;
    }

    /** The AWS managed policy of this type, as DescribePolicy shows it. */
    public OrgPolicy defaultPolicy() {
        return new OrgPolicy(null, defaultPolicyId, defaultPolicyArn(), defaultPolicyName, DEFAULT_POLICY_DESCRIPTION, this,
                defaultPolicyContent, true);
    }
}
