package io.portcullis.policylang.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern with {@code *} (any run of characters) and {@code ?} (one character), built once and matched
 * without allocation. In ARN mode a wildcard stays inside its colon-separated segment, except that a
 * {@code *} that ends a segment may run past colons, as IAM documents for resource ARNs.
 * Matching is case-sensitive; callers lower-case both sides for case-insensitive matching.
 */
public final class Wildcard {

    private static final byte LITERAL = 0;
    private static final byte ONE = 1;
    private static final byte ONE_IN_SEGMENT = 2;
    private static final byte STAR = 3;
    private static final byte STAR_IN_SEGMENT = 4;

    private enum Shape { ANY, EXACT, PREFIX, SUFFIX, GENERAL }

    /** A piece of pattern text; {@code wildcards} false means {@code *} and {@code ?} in it are literal. */
    public record Piece(String text, boolean wildcards) {
    }

    private final String source;
    private final Shape shape;
    private final String literal;
    private final char[] chars;
    private final byte[] kinds;
    private final long starMask;

    private Wildcard(String source, char[] chars, byte[] kinds) {
        this.source = source;
        this.chars = chars;
        this.kinds = kinds;
        int stars = 0;
        int others = 0;
        long mask = 0;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == STAR || kinds[i] == STAR_IN_SEGMENT) {
                stars++;
                if (i < 64) {
                    mask |= 1L << i;
                }
            } else if (kinds[i] != LITERAL) {
                others++;
            }
        }
        this.starMask = mask;
        int n = kinds.length;
        if (stars == 1 && others == 0 && n == 1) {
            shape = kinds[0] == STAR ? Shape.ANY : Shape.GENERAL;
            literal = "";
        } else if (stars == 0 && others == 0) {
            shape = Shape.EXACT;
            literal = new String(chars);
        } else if (stars == 1 && others == 0 && kinds[n - 1] == STAR) {
            shape = Shape.PREFIX;
            literal = new String(chars, 0, n - 1);
        } else if (stars == 1 && others == 0 && kinds[0] == STAR) {
            shape = Shape.SUFFIX;
            literal = new String(chars, 1, n - 1);
        } else {
            shape = Shape.GENERAL;
            literal = "";
        }
    }

    /** {@code *} and {@code ?} match any characters. */
    public static Wildcard glob(String pattern) {
        return of(List.of(new Piece(pattern, true)), false);
    }

    /** Segment-aware matching for ARNs. */
    public static Wildcard arn(String pattern) {
        return of(List.of(new Piece(pattern, true)), true);
    }

    /** Builds a pattern from pieces, some of which may hold literal {@code *} or {@code ?}. */
    public static Wildcard of(List<Piece> pieces, boolean arnMode) {
        StringBuilder source = new StringBuilder();
        List<Character> chars = new ArrayList<>();
        List<Byte> kinds = new ArrayList<>();
        for (Piece piece : pieces) {
            source.append(piece.text());
            for (int i = 0; i < piece.text().length(); i++) {
                char c = piece.text().charAt(i);
                byte kind = LITERAL;
                if (piece.wildcards() && c == '*') {
                    kind = STAR;
                } else if (piece.wildcards() && c == '?') {
                    kind = arnMode ? ONE_IN_SEGMENT : ONE;
                }
                if (kind == STAR && !kinds.isEmpty() && kinds.get(kinds.size() - 1) == STAR) {
                    continue;
                }
                chars.add(c);
                kinds.add(kind);
            }
        }
        char[] charArray = new char[chars.size()];
        byte[] kindArray = new byte[kinds.size()];
        for (int i = 0; i < charArray.length; i++) {
            charArray[i] = chars.get(i);
            kindArray[i] = kinds.get(i);
        }
        if (arnMode) {
            for (int i = 0; i < kindArray.length; i++) {
                boolean endsSegment = i == kindArray.length - 1
                        || (kindArray[i + 1] == LITERAL && charArray[i + 1] == ':');
                if (kindArray[i] == STAR && !endsSegment) {
                    kindArray[i] = STAR_IN_SEGMENT;
                }
            }
        }
        return new Wildcard(source.toString(), charArray, kindArray);
    }

    public String source() {
        return source;
    }

    public boolean matches(String text) {
        if (shape == Shape.ANY) {
            return true;
        }
        if (shape == Shape.EXACT) {
            return literal.equals(text);
        }
        if (shape == Shape.PREFIX) {
            return text.startsWith(literal);
        }
        if (shape == Shape.SUFFIX) {
            return text.endsWith(literal);
        }
        return kinds.length < 64 ? matchSmall(text) : matchLarge(text);
    }

    /** Simulates the pattern's automaton with one bit per position. */
    private boolean matchSmall(String text) {
        int m = kinds.length;
        long states = close(1L);
        for (int t = 0; t < text.length() && states != 0; t++) {
            char c = text.charAt(t);
            long next = 0;
            long remaining = states & ~(1L << m);
            while (remaining != 0) {
                int i = Long.numberOfTrailingZeros(remaining);
                remaining &= remaining - 1;
                if (accepts(i, c)) {
                    next |= isStar(kinds[i]) ? 1L << i : 1L << (i + 1);
                }
            }
            states = close(next);
        }
        return (states & (1L << m)) != 0;
    }

    private long close(long states) {
        long stars = starMask & states;
        if (stars == 0) {
            return states;
        }
        long result = states;
        long remaining = starMask;
        while (remaining != 0) {
            int i = Long.numberOfTrailingZeros(remaining);
            remaining &= remaining - 1;
            if ((result & (1L << i)) != 0) {
                result |= 1L << (i + 1);
            }
        }
        return result;
    }

    private boolean matchLarge(String text) {
        int m = kinds.length;
        boolean[] states = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        states[0] = true;
        closeLarge(states);
        for (int t = 0; t < text.length(); t++) {
            char c = text.charAt(t);
            java.util.Arrays.fill(next, false);
            boolean any = false;
            for (int i = 0; i < m; i++) {
                if (states[i] && accepts(i, c)) {
                    next[isStar(kinds[i]) ? i : i + 1] = true;
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
            closeLarge(next);
            boolean[] swap = states;
            states = next;
            next = swap;
        }
        return states[m];
    }

    private void closeLarge(boolean[] states) {
        for (int i = 0; i < kinds.length; i++) {
            if (states[i] && isStar(kinds[i])) {
                states[i + 1] = true;
            }
        }
    }

    private boolean accepts(int i, char c) {
        byte kind = kinds[i];
        if (kind == LITERAL) {
            return chars[i] == c;
        }
        if (kind == ONE || kind == STAR) {
            return true;
        }
        return c != ':';
    }

    private static boolean isStar(byte kind) {
        return kind == STAR || kind == STAR_IN_SEGMENT;
    }

    @Override
    public String toString() {
        return source;
    }
}
