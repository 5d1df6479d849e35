package io.portcullis.policy.domain;

import io.portcullis.iam.Arn;
import java.util.Set;

/**
 * The AWS managed policies present in every account ({@code arn:aws:iam::aws:policy/...}): attachable,
 * never editable. Their names only, for now; their documents, written for this suite's actions, come with
 * the policy documents themselves.
 */
public final class AwsManagedPolicies {

    static final Set<String> NAMES = Set.of(
            "AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "IAMFullAccess", "IAMReadOnlyAccess",
            "IAMUserChangePassword");

    private AwsManagedPolicies() {
    }

    /** True when the ARN names one of them, e.g. {@code arn:aws:iam::aws:policy/ReadOnlyAccess}. */
    public static boolean isOne(String policyArn) {
        return Arn.parse(policyArn)
                .filter(arn -> arn.service().equals("iam") && arn.account().equals("aws") && arn.resourceType().equals("policy"))
                .filter(arn -> arn.resourcePath().equals("/") && NAMES.contains(arn.resourceName()))
                .isPresent();
    }
}
