package io.portcullis.iam.policies;

import java.time.Instant;

/**
 * One AWS managed policy: present in every account under {@code arn:aws:iam::aws:policy{path}{name}},
 * attachable, never changed by an account. Its one version, {@value #VERSION_ID}, is its default.
 */
public record AwsManagedPolicy(String policyName, String path, String policyId, String arn, String description,
                               String document, Instant createDate) {

    public static final String VERSION_ID = "v1";

    public String defaultVersionId() {
        return VERSION_ID;
    }
}
