package io.portcullis.credential.domain;

import java.util.Optional;

/**
 * An account's password policy, as {@code UpdateAccountPasswordPolicy} sets it. {@code maxPasswordAge} and
 * {@code passwordReusePrevention} are null when not set. With no policy set, AWS's default rules apply
 * ({@link #check} with a null policy): at least 8 characters and three of the four character classes.
 */
public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercaseCharacters, boolean requireLowercaseCharacters, boolean allowUsersToChangePassword,
                             Integer maxPasswordAge, Integer passwordReusePrevention, boolean hardExpiry) {

    /** AWS's default rules' minimum length, when no policy is set. */
    public static final int DEFAULT_MINIMUM_LENGTH = 8;
    /** The minimum length a policy gets when UpdateAccountPasswordPolicy leaves it out (AWS's documented default), and its bounds. */
    public static final int POLICY_DEFAULT_MINIMUM_LENGTH = 6;
    public static final int MIN_LENGTH_FLOOR = 6;
    public static final int MIN_LENGTH_CEILING = 128;

    /** Why the password breaks the policy in force (or AWS's default rules when {@code policy} is null); empty when it does not. */
    public static Optional<String> check(PasswordPolicy policy, PasswordTraits password) {
        if (policy == null) {
            if (password.length() < DEFAULT_MINIMUM_LENGTH || password.classes() < 3) {
                return Optional.of("it must have at least " + DEFAULT_MINIMUM_LENGTH
                        + " characters and three of: uppercase letters, lowercase letters, numbers, symbols");
            }
            return Optional.empty();
        }
        if (password.length() < policy.minimumPasswordLength()) {
            return Optional.of("it must have at least " + policy.minimumPasswordLength() + " characters");
        }
        if (policy.requireSymbols() && !password.symbol()) {
            return Optional.of("it must contain a symbol");
        }
        if (policy.requireNumbers() && !password.digit()) {
            return Optional.of("it must contain a number");
        }
        if (policy.requireUppercaseCharacters() && !password.uppercase()) {
            return Optional.of("it must contain an uppercase letter");
        }
        if (policy.requireLowercaseCharacters() && !password.lowercase()) {
            return Optional.of("it must contain a lowercase letter");
        }
        if (policy.passwordReusePrevention() != null && password.reusedAt() >= 0
                && password.reusedAt() < policy.passwordReusePrevention()) {
            return Optional.of("it was one of the last " + policy.passwordReusePrevention() + " passwords");
        }
        return Optional.empty();
    }
}
