package io.portcullis.iam;

import java.util.Objects;
import java.util.Optional;

/**
 * An Amazon Resource Name, {@code arn:partition:service:region:account:resource}, as IAM, STS and
 * Organizations use them. IAM and Organizations ARNs have no region; Organizations ARNs name the
 * management account (or {@code aws} for AWS-owned policies). Only the {@code aws} partition is issued.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public static final String PARTITION = "aws";

    public Arn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(resource, "resource");
        if (partition.isEmpty() || service.isEmpty() || resource.isEmpty()) {
            throw new IllegalArgumentException("An ARN needs a partition, a service and a resource");
        }
    }

    /** {@code arn:aws:iam::{account}:{resource}}, e.g. {@code user/eng/alice} or {@code root}. */
    public static Arn iam(AccountId account, String resource) {
        return new Arn(PARTITION, "iam", "", account.value(), resource);
    }

    /** An AWS managed IAM policy: {@code arn:aws:iam::aws:policy{path}{name}}. */
    public static Arn awsManagedPolicy(String path, String policyName) {
        return new Arn(PARTITION, "iam", "", "aws", "policy" + path + policyName);
    }

    /** {@code arn:aws:sts::{account}:{resource}}, e.g. {@code assumed-role/admin/session}. */
    public static Arn sts(AccountId account, String resource) {
        return new Arn(PARTITION, "sts", "", account.value(), resource);
    }

    /**
     * {@code arn:aws:organizations::{managementAccount}:{resource}}, e.g. {@code ou/o-abc/ou-abc-12345678};
     * AWS-owned policies use the account {@code aws}.
     */
    public static Arn organizations(String managementAccountOrAws, String resource) {
        return new Arn(PARTITION, "organizations", "", managementAccountOrAws, resource);
    }

    /**
     * Reads an ARN: six colon-separated parts, the last of which (the resource) may itself hold colons.
     * Empty when the text is not an ARN.
     */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** The account as an {@link AccountId}, when this ARN names a 12-digit account. */
    public Optional<AccountId> accountId() {
        return AccountId.isValid(account) ? Optional.of(new AccountId(account)) : Optional.empty();
    }

    /** The resource's type: what comes before its first {@code /} (or {@code :}), e.g. {@code user}, {@code policy}, {@code root}. */
    public String resourceType() {
        int end = resource.length();
        for (int i = 0; i < resource.length(); i++) {
            char c = resource.charAt(i);
            if (c == '/' || c == ':') {
                end = i;
                break;
            }
        }
        return resource.substring(0, end);
    }

    /** For IAM path-style resources ({@code user/eng/alice}): the last segment, {@code alice}. */
    public String resourceName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** For IAM path-style resources ({@code user/eng/alice}): the path, {@code /eng/}; {@code /} when there is none. */
    public String resourcePath() {
        int first = resource.indexOf('/');
        int last = resource.lastIndexOf('/');
        return first < 0 || first == last ? "/" : resource.substring(first, last + 1);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
