package io.portcullis.identity.domain;

import io.portcullis.iam.Tag;
import io.portcullis.iam.Tags;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An IAM user as the directory holds it; tags keep the order they were first set in. Tag keys are
 * case-insensitive, as IAM's are: {@code CostCenter} and {@code costcenter} are one tag, spelled as it was
 * last set. {@code permissionsBoundary} is the boundary it was created with (null: none); policy-service owns it after
 * that.
 */
public record User(String userId, String userName, String path, String arn, Instant createDate, List<Tag> tags,
                   String permissionsBoundary) {

    public User {
        tags = List.copyOf(tags);
    }

    /** The tags after setting {@code set}, by IAM's rule for tags ({@link Tags}). */
    public List<Tag> tagsAfterTagging(List<Tag> set) {
        return Tags.afterTagging(tags, set);
    }

    /** The tags after removing these keys, ignoring case. */
    public List<Tag> tagsAfterUntagging(Collection<String> keys) {
        return Tags.afterUntagging(tags, keys);
    }

    /** The user's tag with this key, ignoring case. */
    public Optional<Tag> tag(String key) {
        return Tags.find(tags, key);
    }

    User withTags(List<Tag> newTags) {
        return new User(userId, userName, path, arn, createDate, newTags, permissionsBoundary);
    }
}
