package io.portcullis.identity.domain;

import java.util.random.RandomGenerator;

/**
 * Generates IAM unique ids ({@code AIDA…} for users, {@code AGPA…} for groups: a 4-letter prefix and 17
 * characters of the base-32 alphabet A–Z, 2–7). Called by the edge before a command is built, never by
 * the decider; pass a {@link java.security.SecureRandom} in production.
 */
public final class IamIds {

    static final String USER_PREFIX = "AIDA";
    static final String GROUP_PREFIX = "AGPA";
    static final int SUFFIX_LENGTH = 17;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private IamIds() {
    }

    public static String newUserId(RandomGenerator random) {
        return USER_PREFIX + suffix(random);
    }

    public static String newGroupId(RandomGenerator random) {
        return GROUP_PREFIX + suffix(random);
    }

    private static String suffix(RandomGenerator random) {
        char[] chars = new char[SUFFIX_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
