package io.portcullis.policy.compile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import io.portcullis.policy.syntax.Cidr;

/** Properties of the matchers, checked against straightforward regular-expression models. */
class MatcherPropertiesTest {

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars('a', 'b', ':', '*', '?', '/').ofMaxLength(9);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'b', ':', '/', '*').ofMaxLength(12);
    }

    @Property(tries = 2000)
    boolean globAgreesWithARegexModel(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        // Given
        Pattern model = Pattern.compile(globRegex(pattern), Pattern.DOTALL);

        // When
        boolean matches = Wildcard.glob(pattern).matches(text);

        // Then
        return matches == model.matcher(text).matches();
    }

    @Property(tries = 2000)
    boolean arnMatchingAgreesWithASegmentModel(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        // Given
        Pattern model = Pattern.compile(arnRegex(pattern), Pattern.DOTALL);

        // When
        boolean matches = Wildcard.arn(pattern).matches(text);

        // Then
        return matches == model.matcher(text).matches();
    }

    @Property
    boolean everyLiteralMatchesItselfOnly(@ForAll("texts") String text, @ForAll("texts") String other) {
        // Given
        Wildcard literal = Wildcard.of(List.of(new Wildcard.Piece(text, false)), true);

        // When / Then
        return literal.matches(text) && literal.matches(other) == text.equals(other);
    }

    @Property
    boolean actionsMatchWhateverTheirCase(@ForAll("actionNames") String name, @ForAll long caseSeed) {
        // Given
        String written = "s3:" + name;
        String requested = "S3:" + flipCase(name, caseSeed);
        ActionMatcher matcher = ActionMatcher.of(List.of(written));

        // When
        boolean matches = matcher.matches(request(requested));

        // Then
        return matches;
    }

    @Property
    boolean aPrefixPatternMatchesEveryActionItPrefixes(@ForAll("actionNames") String prefix, @ForAll("actionNames") String rest) {
        // Given
        ActionMatcher matcher = ActionMatcher.of(List.of("ec2:" + prefix + "*"));

        // When / Then
        return matcher.matches(request("ec2:" + prefix + rest)) && !matcher.matches(request("s3:" + prefix + rest));
    }

    @Provide
    Arbitrary<String> actionNames() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
    }

    @Property
    boolean everyIpv4AddressLiesInEachOfItsBlocks(@ForAll @IntRange(min = 0, max = 255) int a,
                                                 @ForAll @IntRange(min = 0, max = 255) int b,
                                                 @ForAll @IntRange(min = 0, max = 255) int c,
                                                 @ForAll @IntRange(min = 0, max = 255) int d,
                                                 @ForAll @IntRange(min = 0, max = 32) int prefix) {
        // Given
        String address = a + "." + b + "." + c + "." + d;
        Cidr block = Cidr.parse(address + "/" + prefix).orElseThrow();
        Cidr next = Cidr.parse(((a + 128) % 256) + "." + b + "." + c + "." + d).orElseThrow();

        // When / Then
        return block.contains(Cidr.parse(address).orElseThrow()) && (prefix == 0 || !block.contains(next));
    }

    private static RequestContext request(String action) {
        return RequestContext.of("arn:aws:iam::111122223333:user/alice", Map.of(), action, "*", "", Map.of());
    }

    private static String flipCase(String text, long seed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean upper = ((seed >>> (i % 64)) & 1) == 1;
            out.append(upper ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
        }
        return out.toString().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT)) ? out.toString() : text;
    }

    private static String globRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }

    /** The documented rule: wildcards stay within a colon-separated segment; a star that ends a segment may run on. */
    private static String arnRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                int j = i;
                while (j + 1 < pattern.length() && pattern.charAt(j + 1) == '*') {
                    j++;
                }
                boolean endsSegment = j + 1 == pattern.length() || pattern.charAt(j + 1) == ':';
                regex.append(endsSegment ? ".*" : "[^:]*");
                i = j;
            } else if (c == '?') {
                regex.append("[^:]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
