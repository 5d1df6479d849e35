package io.portcullis.policylang.compile;

import static io.portcullis.policylang.PropertyCases.cases;
import static io.portcullis.policylang.PropertyCases.describe;
import static io.portcullis.policylang.PropertyCases.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.policylang.PropertyCases;
import io.portcullis.policylang.syntax.Cidr;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the matchers, checked against straightforward regular-expression models on seeded random
 * inputs ({@link PropertyCases}: a failure prints the seed that replays it).
 */
class MatcherPropertiesTest {

    private static final String PATTERN_CHARS = "ab:*?/";
    private static final String TEXT_CHARS = "ab:/*";
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static Stream<Arguments> patternsAndTexts() {
        return cases(2000, random -> List.of(pattern(random), text(random)));
    }

    static Stream<Arguments> textPairs() {
        return cases(1500, random -> List.of(text(random), text(random)));
    }

    static Stream<Arguments> actionNamesInAnyCase() {
        return cases(1500, random -> {
            String name = actionName(random);
            return List.of(name, inRandomCase(random, name));
        });
    }

    static Stream<Arguments> actionNamePairs() {
        return cases(1500, random -> List.of(actionName(random), actionName(random)));
    }

    static Stream<Arguments> ipv4Blocks() {
        return cases(1500, random -> List.of(random.nextInt(256), random.nextInt(256), random.nextInt(256),
                random.nextInt(256), random.nextInt(33)));
    }

    @ParameterizedTest(name = PropertyCases.NAME)
    @MethodSource("patternsAndTexts")
    void globAgreesWithARegexModel(long seed, String pattern, String text) {
        // Given
        Pattern model = Pattern.compile(globRegex(pattern), Pattern.DOTALL);

        // When
        boolean matches = Wildcard.glob(pattern).matches(text);

        // Then
        assertThat(matches).as(() -> describe(seed, pattern, text)).isEqualTo(model.matcher(text).matches());
    }

    @ParameterizedTest(name = PropertyCases.NAME)
    @MethodSource("patternsAndTexts")
    void arnMatchingAgreesWithASegmentModel(long seed, String pattern, String text) {
        // Given
        Pattern model = Pattern.compile(arnRegex(pattern), Pattern.DOTALL);

        // When
        boolean matches = Wildcard.arn(pattern).matches(text);

        // Then
        assertThat(matches).as(() -> describe(seed, pattern, text)).isEqualTo(model.matcher(text).matches());
    }

    @ParameterizedTest(name = PropertyCases.NAME)
    @MethodSource("textPairs")
    void everyLiteralMatchesItselfOnly(long seed, String text, String other) {
        // Given
        Wildcard literal = Wildcard.of(List.of(new Wildcard.Piece(text, false)), true);

        // When / Then
        assertThat(literal.matches(text)).as(() -> describe(seed, text)).isTrue();
        assertThat(literal.matches(other)).as(() -> describe(seed, text, other)).isEqualTo(text.equals(other));
    }

    @ParameterizedTest(name = PropertyCases.NAME)
    @MethodSource("actionNamesInAnyCase")
    void actionsMatchWhateverTheirCase(long seed, String name, String recased) {
        // Given
        String written = "s3:" + name;
        String requested = "S3:" + recased;
        ActionMatcher matcher = ActionMatcher.of(List.of(written));

        // When
        boolean matches = matcher.matches(request(requested));

        // Then
        assertThat(matches).as(() -> describe(seed, written, requested)).isTrue();
    }

    @ParameterizedTest(name = PropertyCases.NAME)
    @MethodSource("actionNamePairs")
    void aPrefixPatternMatchesEveryActionItPrefixes(long seed, String prefix, String rest) {
        // Given
        ActionMatcher matcher = ActionMatcher.of(List.of("ec2:" + prefix + "*"));

        // When / Then
        assertThat(matcher.matches(request("ec2:" + prefix + rest))).as(() -> describe(seed, prefix, rest)).isTrue();
        assertThat(matcher.matches(request("s3:" + prefix + rest))).as(() -> describe(seed, prefix, rest)).isFalse();
    }

    @ParameterizedTest(name = PropertyCases.NAME)
    @MethodSource("ipv4Blocks")
    void everyIpv4AddressLiesInEachOfItsBlocks(long seed, int a, int b, int c, int d, int prefix) {
        // Given
        String address = a + "." + b + "." + c + "." + d;
        Cidr block = Cidr.parse(address + "/" + prefix).orElseThrow();
        String next = ((a + 128) % 256) + "." + b + "." + c + "." + d;

        // When / Then
        assertThat(block.contains(Cidr.parse(address).orElseThrow())).as(() -> describe(seed, address, prefix)).isTrue();
        if (prefix > 0) {
            assertThat(block.contains(Cidr.parse(next).orElseThrow())).as(() -> describe(seed, address, prefix, next))
                    .isFalse();
        }
    }

    private static String pattern(SplittableRandom random) {
        return string(random, PATTERN_CHARS, 0, 9);
    }

    private static String text(SplittableRandom random) {
        return string(random, TEXT_CHARS, 0, 12);
    }

    private static String actionName(SplittableRandom random) {
        return string(random, LETTERS, 1, 12);
    }

    private static String inRandomCase(SplittableRandom random, String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char ch : name.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
        }
        return out.toString();
    }

    private static RequestContext request(String action) {
        return RequestContext.of("arn:aws:iam::111122223333:user/alice", Map.of(), null, action, "*", "", Map.of(), null, null);
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
