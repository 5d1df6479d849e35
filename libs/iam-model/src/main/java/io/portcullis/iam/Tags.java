package io.portcullis.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The tags of any taggable IAM entity (users, policies…), with IAM's one rule for them: keys are
 * case-insensitive, so {@code CostCenter} and {@code costcenter} are one tag, spelled as it was last set, and
 * tags keep the order they were first set in.
 */
public final class Tags {

    private Tags() {
    }

    /** The tags after setting {@code set}: an existing key (ignoring case) keeps its place and takes the new spelling and value, new keys go last. */
    public static List<Tag> afterTagging(List<Tag> current, List<Tag> set) {
        List<Tag> result = new ArrayList<>(current);
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
    public static List<Tag> afterUntagging(List<Tag> current, Collection<String> keys) {
        return current.stream().filter(tag -> keys.stream().noneMatch(key -> key.equalsIgnoreCase(tag.key()))).toList();
    }

    /** The tag with this key, ignoring case. */
    public static Optional<Tag> find(List<Tag> current, String key) {
        int at = indexOfKey(current, key);
        return at < 0 ? Optional.empty() : Optional.of(current.get(at));
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
