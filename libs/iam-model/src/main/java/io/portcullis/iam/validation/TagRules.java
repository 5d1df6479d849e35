package io.portcullis.iam.validation;

import io.portcullis.iam.Tag;
import io.portcullis.iam.error.Rejection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rules about a set of tags beyond their shape, the same for every taggable IAM entity: no reserved
 * {@code aws:} key, no key twice in one request (keys are case-insensitive, so {@code Team} and {@code team}
 * are the same key), at most {@value Constraints#MAX_TAGS} on one entity.
 */
public final class TagRules {

    public static final String RESERVED_TAG_PREFIX = "aws:";

    private TagRules() {
    }

    /** Checks the tags of one request; call after their shape passed {@link Constraints#tags}. */
    public static Optional<Rejection> check(List<Tag> tags, String entityKind) {
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            if (tag.key().toLowerCase(Locale.ROOT).startsWith(RESERVED_TAG_PREFIX)) {
                return Optional.of(reservedKey(tag.key()));
            }
            if (!keys.add(tag.key().toLowerCase(Locale.ROOT))) {
                return Optional.of(duplicateKey(tag.key()));
            }
        }
        if (tags.size() > Constraints.MAX_TAGS) {
            return Optional.of(quota(entityKind));
        }
        return Optional.empty();
    }

    /** {@code entityKind} is {@code User}, {@code Group}, {@code Policy}…, as in AWS's quota names ({@code TagsPerUser}). */
    public static Rejection quota(String entityKind) {
        return Rejection.limitExceeded("Cannot exceed quota for TagsPer" + entityKind + ": " + Constraints.MAX_TAGS + ".");
    }

    public static Rejection reservedKey(String key) {
        return Rejection.invalidInput("Tag key '" + key + "' uses the prefix 'aws:', which is reserved for AWS use.");
    }

    public static Rejection duplicateKey(String key) {
        return Rejection.invalidInput("Duplicate tag key '" + key + "' in the request.");
    }
}
