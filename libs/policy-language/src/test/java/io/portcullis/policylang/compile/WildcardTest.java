package io.portcullis.policylang.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTest {

    @ParameterizedTest
    @CsvSource({
            "*, anything, true",
            "s3:get*, s3:getobject, true",
            "*object, s3:getobject, true",
            "*access*key*, createaccesskey, true",
            "get?, get, false",
            "get?, getx, true",
            "a*b*c, aXbYc, true",
            "a*b*c, aXcYb, false",
            "exact, exact, true",
            "exact, Exact, false",
            "'', '', true",
            "**, '', true"
    })
    void globMatchesStarsAndQuestionMarks(String pattern, String text, boolean expected) {
        // When
        boolean matches = Wildcard.glob(pattern).matches(text);

        // Then
        assertThat(matches).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "arn:aws:s3:::bucket/*, arn:aws:s3:::bucket/a:b/c, true",
            "arn:aws:sqs:*:*:queue, arn:aws:sqs:us-east-1:111122223333:queue, true",
            "arn:aws:sqs:u*1:*:queue, arn:aws:sqs:us-east-1:111122223333:queue, true",
            "arn:aws:logs:*:*:log-group:a*, arn:aws:logs:r:1:log-group:app:log-stream:x, true",
            "arn:aws:s3:::*/key, arn:aws:s3:::bucket:x/key, false",
            "arn:aws:s3:::b?t, arn:aws:s3:::b:t, false",
            "arn:aws:s3:::b?t, arn:aws:s3:::bat, true"
    })
    void arnWildcardsStayInTheirSegmentUnlessTheyEndIt(String pattern, String arn, boolean expected) {
        // When
        boolean matches = Wildcard.arn(pattern).matches(arn);

        // Then
        assertThat(matches).isEqualTo(expected);
    }

    @Test
    void literalPiecesKeepStarsLiteral() {
        // Given
        Wildcard pattern = Wildcard.of(List.of(new Wildcard.Piece("a/", true), new Wildcard.Piece("*", false)), true);

        // When / Then
        assertThat(pattern.matches("a/*")).isTrue();
        assertThat(pattern.matches("a/b")).isFalse();
    }

    @Test
    void matchesPatternsLongerThanOneMachineWord() {
        // Given
        Wildcard pattern = Wildcard.glob("a*".repeat(40) + "z");

        // When / Then
        assertThat(pattern.matches("a".repeat(60) + "z")).isTrue();
        assertThat(pattern.matches("a".repeat(39) + "z")).isFalse();
        assertThat(pattern.matches("a".repeat(60) + "b")).isFalse();
    }
}
