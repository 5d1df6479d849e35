package io.portcullis.iam;

import java.util.random.RandomGenerator;

/**
 * IAM's unique ids: a four-letter prefix that names the kind of entity, then characters of the base-32
 * alphabet A–Z, 2–7 (17 of them for entities, 16 for access key ids, as AWS issues them). Called by the
 * edge before a command is built, never by a decider; pass a {@link java.security.SecureRandom} in production.
 */
public final class UniqueIds {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private UniqueIds() {
    }

    /** The kinds of id Portcullis issues, with AWS's prefixes and lengths. */
    public enum Kind {
        USER("AIDA", 17),
        GROUP("AGPA", 17),
        ROLE("AROA", 17),
        MANAGED_POLICY("ANPA", 17),
        ACCESS_KEY("AKIA", 16);

        private final String prefix;
        private final int suffixLength;

        Kind(String prefix, int suffixLength) {
            this.prefix = prefix;
            this.suffixLength = suffixLength;
        }

        public String prefix() {
            return prefix;
        }

        /** A regular expression every id of this kind matches, e.g. {@code AIDA[A-Z0-9]{17}}, as AWS's API declares. */
        public String pattern() {
            return prefix + "[A-Z0-9]{" + suffixLength + "}";
        }
    }

    public static String newId(Kind kind, RandomGenerator random) {
        char[] chars = new char[kind.suffixLength];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return kind.prefix + new String(chars);
    }

    public static String newUserId(RandomGenerator random) {
        return newId(Kind.USER, random);
    }

    public static String newGroupId(RandomGenerator random) {
        return newId(Kind.GROUP, random);
    }
}
