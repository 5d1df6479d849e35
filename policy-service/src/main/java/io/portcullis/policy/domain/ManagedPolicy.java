package io.portcullis.policy.domain;

import io.portcullis.iam.Tag;
import io.portcullis.iam.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A customer managed policy of one account: its versions (at most {@value PolicyRules#VERSIONS_PER_POLICY}, in
 * the order created), which of them is in force, and its tags. Version numbers only grow: a deleted
 * {@code v2} is never issued again.
 */
public record ManagedPolicy(String policyId, String policyName, String path, String arn, String description, Instant createDate,
                            Instant updateDate, String defaultVersionId, List<PolicyVersion> versions, int lastVersionNumber,
                            List<Tag> tags) {

    /** One version of a managed policy's document, exactly as submitted. */
    public record PolicyVersion(String versionId, String document, Instant createDate) {
    }

    public ManagedPolicy {
        versions = List.copyOf(versions);
        tags = List.copyOf(tags);
    }

    public Optional<PolicyVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    public PolicyVersion defaultVersion() {
        return version(defaultVersionId).orElseThrow();
    }

    /** The id the next version gets: {@code v} and one more than the highest ever issued. */
    public String nextVersionId() {
        return "v" + (lastVersionNumber + 1);
    }

    ManagedPolicy withVersion(PolicyVersion version, boolean asDefault) {
        List<PolicyVersion> after = new ArrayList<>(versions);
        after.add(version);
        return new ManagedPolicy(policyId, policyName, path, arn, description, createDate,
                asDefault ? version.createDate() : updateDate, asDefault ? version.versionId() : defaultVersionId, after,
                Math.max(lastVersionNumber, number(version.versionId())), tags);
    }

    ManagedPolicy withDefault(String versionId, Instant when) {
        return new ManagedPolicy(policyId, policyName, path, arn, description, createDate, when, versionId, versions,
                lastVersionNumber, tags);
    }

    ManagedPolicy withoutVersion(String versionId) {
        return new ManagedPolicy(policyId, policyName, path, arn, description, createDate, updateDate, defaultVersionId,
                versions.stream().filter(v -> !v.versionId().equals(versionId)).toList(), lastVersionNumber, tags);
    }

    ManagedPolicy withTags(UnaryOperator<List<Tag>> change) {
        return new ManagedPolicy(policyId, policyName, path, arn, description, createDate, updateDate, defaultVersionId, versions,
                lastVersionNumber, change.apply(tags));
    }

    /** The tags after setting these, by IAM's rule for tags ({@link Tags}). */
    public List<Tag> tagsAfterTagging(List<Tag> added) {
        return Tags.afterTagging(tags, added);
    }

    public List<Tag> tagsAfterUntagging(List<String> keys) {
        return Tags.afterUntagging(tags, keys);
    }

    public Optional<Tag> tag(String key) {
        return Tags.find(tags, key);
    }

    static int number(String versionId) {
        return Integer.parseInt(versionId.substring(1));
    }
}
