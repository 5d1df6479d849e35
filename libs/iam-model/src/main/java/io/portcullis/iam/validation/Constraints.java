package io.portcullis.iam.validation;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import io.portcullis.iam.UniqueIds;
import io.portcullis.iam.error.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shapes IAM's API declares for its parameters (names, paths, tags, ids, paging), checked the way AWS
 * reports them: every violation is collected, then reported together as one {@code ValidationError},
 * {@code 2 validation errors detected: Value '' at 'userName' failed to satisfy constraint: Member must
 * have length greater than or equal to 1; Value '' at 'userName' …}.
 *
 * <p>Shared by every service's commands (which check their input with it) and by the HTTP edge (which
 * checks path and query parameters before anything is read). Rules about meaning rather than shape are
 * not here: see {@link TagRules} and each service's rejections.
 */
public final class Constraints {

    /** {@code CreateUser}'s and {@code UpdateUser}'s new user name. */
    public static final int MAX_USER_NAME = 64;
    /** APIs that reference an existing user (DeleteUser, TagUser, AddUserToGroup, …) accept up to 128. */
    public static final int MAX_USER_NAME_REFERENCE = 128;
    public static final int MAX_GROUP_NAME = 128;
    public static final int MAX_POLICY_NAME = 128;
    public static final int MAX_PATH = 512;
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_KEY = 128;
    public static final int MAX_TAG_VALUE = 256;
    public static final int MAX_ITEMS = 1000;
    public static final int MIN_POLICY_ARN = 20;
    public static final int MAX_POLICY_ARN = 2048;
    /** How many violations one answer quotes (all are counted). */
    public static final int MAX_QUOTED = 10;

    /** User, group, role and policy names. */
    public static final String NAME_PATTERN = "[\\w+=,.@-]+";
    public static final String PATH_PATTERN = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";
    public static final String PATH_PREFIX_PATTERN = "\\u002F[\\u0021-\\u007F]*";
    public static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    public static final String TAG_VALUE_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Pattern PATH = Pattern.compile(PATH_PATTERN);
    private static final Pattern PATH_PREFIX = Pattern.compile(PATH_PREFIX_PATTERN);
    private static final Pattern TAG_KEY = Pattern.compile(TAG_KEY_PATTERN);
    private static final Pattern TAG_VALUE = Pattern.compile(TAG_VALUE_PATTERN);
    private static final Pattern ACCOUNT_ID = Pattern.compile(AccountId.PATTERN);

    private final List<String> violations = new ArrayList<>();

    private Constraints() {
    }

    /** Starts collecting violations. */
    public static Constraints check() {
        return new Constraints();
    }

    /** The account id of a request, for example a path parameter. */
    public static Optional<Rejection> accountId(String accountId) {
        return check().accountId("accountId", accountId).result();
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

    /** A name of IAM's name alphabet ({@value #NAME_PATTERN}) of 1 to {@code max} characters. */
    public Constraints name(String field, String value, int max) {
        if (present(field, value)) {
            length(field, value, 1, max);
            pattern(field, value, NAME, NAME_PATTERN);
        }
        return this;
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
            pattern(field, value, ACCOUNT_ID, AccountId.PATTERN);
        }
        return this;
    }

    /** An IAM unique id of the given kind, e.g. {@code AIDA…} for a user. */
    public Constraints uniqueId(String field, String value, UniqueIds.Kind kind) {
        if (present(field, value)) {
            pattern(field, value, Pattern.compile(kind.pattern()), kind.pattern());
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

    /** {@code PolicyArn} (and a permissions boundary's ARN): 20 to 2,048 characters, as AWS declares it, and an ARN. */
    public Constraints policyArn(String field, String value) {
        if (value == null) {
            return violated(field, null, "Member must not be null");
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_POLICY_ARN) {
            violated(field, value, "Member must have length greater than or equal to " + MIN_POLICY_ARN);
        } else if (length > MAX_POLICY_ARN) {
            violated(field, value, "Member must have length less than or equal to " + MAX_POLICY_ARN);
        } else if (io.portcullis.iam.Arn.parse(value).isEmpty()) {
            violated(field, value, "Member must be an ARN");
        }
        return this;
    }

    /** A violation the caller worked out itself, worded as AWS words them. */
    public Constraints violated(String field, String value, String constraint) {
        violations.add(violation(field, value, constraint));
        return this;
    }

    /**
     * The single ValidationError for everything collected, or empty when the input is well-formed. It counts
     * every violation but quotes at most {@value #MAX_QUOTED}, so a request with thousands of bad values gets
     * a short answer.
     */
    public Optional<Rejection> result() {
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        int n = violations.size();
        String quoted = String.join("; ", violations.subList(0, Math.min(n, MAX_QUOTED)));
        return Optional.of(Rejection.validationError(n + " validation error" + (n == 1 ? "" : "s") + " detected: " + quoted
                + (n > MAX_QUOTED ? "; and " + (n - MAX_QUOTED) + " more" : "")));
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
