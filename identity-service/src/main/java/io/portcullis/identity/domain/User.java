package io.portcullis.identity.domain;

import io.portcullis.iam.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An IAM user as the directory holds it; tags keep the order they were first set in. */
public record User(String userId, String userName, String path, String arn, Instant createDate, List<Tag> tags) {

    public User {
        tags = List.copyOf(tags);
    }

    /** The tags after setting {@code set}: an existing key keeps its place and takes the new value, new keys go last. */
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

    public List<Tag> tagsAfterUntagging(Collection<String> keys) {
        return tags.stream().filter(tag -> !keys.contains(tag.key())).toList();
    }

    User withTags(List<Tag> newTags) {
        return new User(userId, userName, path, arn, createDate, newTags);
    }

    private static int indexOfKey(List<Tag> tags, String key) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
