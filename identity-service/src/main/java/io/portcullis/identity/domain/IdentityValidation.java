package io.portcullis.identity.domain;

import io.portcullis.runtime.domain.Rejection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stateless input rules of the identity API, shared by the decider and the REST layer so a malformed
 * request is refused before it reaches Kafka.
 *
 * <p>Shape violations (null, length, pattern) are collected like AWS does and reported together as one
 * {@code ValidationError}: {@code 2 validation errors detected: Value '' at 'userName' failed to satisfy
 * constraint: Member must have length greater than or equal to 1; Value '' at 'userName' …}. Rules about
 * meaning rather than shape (reserved {@code aws:} tag keys, a key twice in one request) are
 * {@code InvalidInput}; too many tags in one request is {@code LimitExceeded}.
 */
public final class IdentityValidation {

    public static final int MAX_USER_NAME = 64;
    /** APIs that reference an existing user (DeleteUser, TagUser, AddUserToGroup, …) accept up to 128. */
    public static final int MAX_USER_NAME_REFERENCE = 128;
    public static final int MAX_GROUP_NAME = 128;
    public static final int MAX_PATH = 512;
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_KEY = 128;
    public static final int MAX_TAG_VALUE = 256;
    public static final int MAX_ITEMS = 1000;
    public static final String RESERVED_TAG_PREFIX = "aws:";

    static final String NAME_PATTERN = "[\\w+=,.@-]+";
    static final String PATH_PATTERN = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";
    static final String PATH_PREFIX_PATTERN = "\\u002F[\\u0021-\\u007F]*";
    static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    static final String TAG_VALUE_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    static final String ACCOUNT_ID_PATTERN = "\\d{12}";
    static final String USER_ID_PATTERN = "AIDA[A-Z0-9]{17}";
    static final String GROUP_ID_PATTERN = "AGPA[A-Z0-9]{17}";

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Pattern PATH = Pattern.compile(PATH_PATTERN);
    private static final Pattern PATH_PREFIX = Pattern.compile(PATH_PREFIX_PATTERN);
    private static final Pattern TAG_KEY = Pattern.compile(TAG_KEY_PATTERN);
    private static final Pattern TAG_VALUE = Pattern.compile(TAG_VALUE_PATTERN);
    private static final Pattern ACCOUNT_ID = Pattern.compile(ACCOUNT_ID_PATTERN);
    private static final Pattern USER_ID = Pattern.compile(USER_ID_PATTERN);
    private static final Pattern GROUP_ID = Pattern.compile(GROUP_ID_PATTERN);

    private IdentityValidation() {
    }

    /** Starts collecting violations. */
    public static Constraints check() {
        return new Constraints();
    }

    /** The account id of a request, for example a path parameter. */
    public static Optional<Rejection> accountId(String accountId) {
        return check().accountId("accountId", accountId).result();
    }

    /**
     * Rules about a set of tags beyond their shape: no reserved {@code aws:} key, no key twice, at most
     * {@value #MAX_TAGS}. Call after the shape passed.
     */
    public static Optional<Rejection> tagRules(List<Tag> tags, String entityKind) {
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            if (tag.key().toLowerCase(Locale.ROOT).startsWith(RESERVED_TAG_PREFIX)) {
                return Optional.of(IdentityRejections.reservedTagKey(tag.key()));
            }
            if (!keys.add(tag.key())) {
                return Optional.of(IdentityRejections.duplicateTagKey(tag.key()));
            }
        }
        if (tags.size() > MAX_TAGS) {
            return Optional.of(IdentityRejections.tagQuota(entityKind));
        }
        return Optional.empty();
    }

    /** Collects AWS-style constraint violations field by field; {@link #result()} turns them into one rejection. */
    public static final class Constraints {

        private final List<String> violations = new ArrayList<>();

        private Constraints() {
        }

        /** A name for a new user ({@code CreateUser}, {@code UpdateUser}'s new name): 1–64. */
        public Constraints userName(String field, String value) {
            return name(field, value, MAX_USER_NAME);
        }

        /** A name referencing an existing user: 1–128 as the referencing APIs declare. */
        public Constraints userNameReference(String field, String value) {
            return name(field, value, MAX_USER_NAME_REFERENCE);
        }

        public Constraints groupName(String field, String value) {
            return name(field, value, MAX_GROUP_NAME);
        }

        /** Null is allowed (the parameter is optional); otherwise as {@link #userName}. */
        public Constraints optionalUserName(String field, String value) {
            return value == null ? this : userName(field, value);
        }

        public Constraints optionalGroupName(String field, String value) {
            return value == null ? this : groupName(field, value);
        }

        public Constraints path(String field, String value) {
            if (present(field, value)) {
                length(field, value, 1, MAX_PATH);
                pattern(field, value, PATH, PATH_PATTERN);
            }
            return this;
        }

        public Constraints optionalPath(String field, String value) {
            return value == null ? this : path(field, value);
        }

        public Constraints pathPrefix(String field, String value) {
            if (present(field, value)) {
                length(field, value, 1, MAX_PATH);
                pattern(field, value, PATH_PREFIX, PATH_PREFIX_PATTERN);
            }
            return this;
        }

        public Constraints accountId(String field, String value) {
            if (present(field, value)) {
                pattern(field, value, ACCOUNT_ID, ACCOUNT_ID_PATTERN);
            }
            return this;
        }

        public Constraints userId(String field, String value) {
            if (present(field, value)) {
                pattern(field, value, USER_ID, USER_ID_PATTERN);
            }
            return this;
        }

        public Constraints groupId(String field, String value) {
            if (present(field, value)) {
                pattern(field, value, GROUP_ID, GROUP_ID_PATTERN);
            }
            return this;
        }

        /** Each tag's key and value, and at most {@value #MAX_TAGS} tags in the request. */
        public Constraints tags(String field, List<Tag> tags) {
            if (present(field, tags)) {
                listSize(field, tags.size());
                for (int i = 0; i < tags.size(); i++) {
                    String member = field + "." + (i + 1) + ".member";
                    Tag tag = tags.get(i);
                    if (present(member, tag)) {
                        tagKey(member + ".key", tag.key());
                        length(member + ".value", tag.value(), 0, MAX_TAG_VALUE);
                        pattern(member + ".value", tag.value(), TAG_VALUE, TAG_VALUE_PATTERN);
                    }
                }
            }
            return this;
        }

        public Constraints tagKeys(String field, List<String> keys) {
            if (present(field, keys)) {
                listSize(field, keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    tagKey(field + "." + (i + 1) + ".member", keys.get(i));
                }
            }
            return this;
        }

        public Constraints maxItems(String field, int value) {
            if (value < 1) {
                violations.add(violation(field, String.valueOf(value), "Member must have value greater than or equal to 1"));
            } else if (value > MAX_ITEMS) {
                violations.add(violation(field, String.valueOf(value), "Member must have value less than or equal to " + MAX_ITEMS));
            }
            return this;
        }

        /** A marker must be one this service handed out. */
        public Constraints marker(String field, String value) {
            if (value != null && Markers.decode(value).isEmpty()) {
                violations.add(violation(field, value, "Member must be a marker returned by a previous call"));
            }
            return this;
        }

        /** The single ValidationError for everything collected, or empty when the input is well-formed. */
        public Optional<Rejection> result() {
            if (violations.isEmpty()) {
                return Optional.empty();
            }
            int n = violations.size();
            return Optional.of(Rejection.validationError(
                    n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", violations)));
        }

        private Constraints name(String field, String value, int max) {
            if (present(field, value)) {
                length(field, value, 1, max);
                pattern(field, value, NAME, NAME_PATTERN);
            }
            return this;
        }

        private void tagKey(String field, String key) {
            if (present(field, key)) {
                length(field, key, 1, MAX_TAG_KEY);
                pattern(field, key, TAG_KEY, TAG_KEY_PATTERN);
            }
        }

        private void listSize(String field, int size) {
            if (size > MAX_TAGS) {
                violations.add("Value at '" + field + "' failed to satisfy constraint: Member must have length less than or equal to " + MAX_TAGS);
            }
        }

        private boolean present(String field, Object value) {
            if (value == null) {
                violations.add("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
                return false;
            }
            return true;
        }

        private void length(String field, String value, int min, int max) {
            int length = value.codePointCount(0, value.length());
            if (length < min) {
                violations.add(violation(field, value, "Member must have length greater than or equal to " + min));
            } else if (length > max) {
                violations.add(violation(field, value, "Member must have length less than or equal to " + max));
            }
        }

        private void pattern(String field, String value, Pattern pattern, String source) {
            if (!pattern.matcher(value).matches()) {
                violations.add(violation(field, value, "Member must satisfy regular expression pattern: " + source));
            }
        }

        private static String violation(String field, String value, String constraint) {
            return "Value '" + value + "' at '" + field + "' failed to satisfy constraint: " + constraint;
        }
    }
}
