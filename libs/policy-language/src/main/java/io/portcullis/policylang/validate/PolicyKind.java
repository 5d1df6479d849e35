package io.portcullis.policylang.validate;

/**
 * Where a policy document is stored, which decides its grammar (through its {@link PolicyType}) and its
 * size quota. IAM counts identity policies without white space; Organizations and STS count every character.
 */
public enum PolicyKind {
    /** A customer managed policy: 6,144 characters not counting white space. */
    MANAGED(PolicyType.IDENTITY, 6_144, false),
    /** An inline policy on a user: 2,048 characters not counting white space. */
    INLINE_USER(PolicyType.IDENTITY, 2_048, false),
    /** An inline policy on a group: 5,120 characters not counting white space. */
    INLINE_GROUP(PolicyType.IDENTITY, 5_120, false),
    /** An inline policy on a role: 10,240 characters not counting white space. */
    INLINE_ROLE(PolicyType.IDENTITY, 10_240, false),
    /** A permissions boundary is a managed policy: 6,144 characters not counting white space. */
    PERMISSIONS_BOUNDARY(PolicyType.BOUNDARY, 6_144, false),
    /** A service control policy: 5,120 characters, white space included. */
    SERVICE_CONTROL_POLICY(PolicyType.SCP, 5_120, true),
    /**
     * A resource control policy: 5,120 characters, white space included (Organizations quotas, "Maximum size of
     * RCPs": all characters count). Customer RCPs deny only; the one Allow is AWS's {@code RCPFullAWSAccess}.
     */
    RESOURCE_CONTROL_POLICY(PolicyType.RCP, 5_120, true),
    /** A resource-based policy; we use the S3 bucket policy quota of 20 KB, white space included. */
    RESOURCE_POLICY(PolicyType.RESOURCE, 20_480, true),
    /** An inline session policy passed to STS: 2,048 characters of plain text. */
    SESSION_POLICY(PolicyType.SESSION, 2_048, true);

    private final PolicyType type;
    private final int maxCharacters;
    private final boolean whitespaceCounts;

    PolicyKind(PolicyType type, int maxCharacters, boolean whitespaceCounts) {
        this.type = type;
        this.maxCharacters = maxCharacters;
        this.whitespaceCounts = whitespaceCounts;
    }

    public PolicyType type() {
        return type;
    }

    public int maxCharacters() {
        return maxCharacters;
    }

    public boolean whitespaceCounts() {
        return whitespaceCounts;
    }

    /** The kind used when only the type is known; identity documents get the managed-policy quota. */
    public static PolicyKind defaultFor(PolicyType type) {
        if (type == PolicyType.IDENTITY) {
            return MANAGED;
        }
        if (type == PolicyType.BOUNDARY) {
            return PERMISSIONS_BOUNDARY;
        }
        if (type == PolicyType.SCP) {
            return SERVICE_CONTROL_POLICY;
        }
        if (type == PolicyType.RCP) {
            return RESOURCE_CONTROL_POLICY;
        }
        if (type == PolicyType.RESOURCE) {
            return RESOURCE_POLICY;
        }
        if (type == PolicyType.SESSION) {
            return SESSION_POLICY;
        }
        throw new IllegalStateException("no default kind for " + type);
    }
}
