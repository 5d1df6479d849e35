package io.portcullis.identity.domain;

import io.portcullis.iam.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An IAM user as the directory holds it; tags keep the order they were first set in. Tag keys are
 * case-insensitive, as IAM's are: {@code CostCenter} and {@code costcenter} are one tag, spelled as it was
 * last set.
 */
public record User(String userId, String userName, String path, String arn, Instant createDate, List<Tag> tags) {

    public User {
        tags = List.copyOf(tags);
    }

    /**
     * The tags after setting {@code set}: an existing key (ignoring case) keeps its place and takes the new
     * spelling and value, new keys go last.
     */
    public List<Tag> tagsAfterTagging(List<Tag> set) {
        List<Tag> result = new ArrayList<>(tags);
        for (Tag tag : set) {
            int at = indexOfKey(result, tag.key());
            if (at >= 0) {
                result.set(at, tag);
            } else {
                result.add(tag);
            }
        }
        return List.copyOf(result);
    }

    /** The tags after removing these keys, ignoring case. */
    public List<Tag> tagsAfterUntagging(Collection<String> keys) {
        return tags.stream().filter(tag -> keys.stream().noneMatch(key -> key.equalsIgnoreCase(tag.key()))).toList();
    }

    /** The user's tag with this key, ignoring case. */
    public Optional<Tag> tag(String key) {
        int at = indexOfKey(tags, key);
        return at < 0 ? Optional.empty() : Optional.of(tags.get(at));
    }

    User withTags(List<Tag> newTags) {
        return new User(userId, userName, path, arn, createDate, newTags);
    }

    private static int indexOfKey(List<Tag> tags, String key) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).key().equalsIgnoreCase(key)) {
                return i;
            }
        }
        return -1;
    }
}
