package io.portcullis.credential.domain;

/**
 * What the account password policy checks of a password, computed at the edge so that the password itself
 * never reaches a command: its length, its character classes, and how recently the user used it before
 * ({@code reusedAt}: 0 for the current password, 1 for the one before…; -1 when never, as far as the history
 * the edge checked against goes).
 */
public record PasswordTraits(int length, boolean uppercase, boolean lowercase, boolean digit, boolean symbol, int reusedAt) {

    /** IAM's symbol set: {@code ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '}. */
    public static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

    public static PasswordTraits of(String password, int reusedAt) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            symbol |= SYMBOLS.indexOf(c) >= 0;
        }
        return new PasswordTraits(password.codePointCount(0, password.length()), upper, lower, digit, symbol, reusedAt);
    }

    int classes() {
        return (uppercase ? 1 : 0) + (lowercase ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
