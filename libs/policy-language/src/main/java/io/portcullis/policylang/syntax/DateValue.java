package io.portcullis.policylang.syntax;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/** Dates as IAM's date operators read them: ISO 8601 (date, date-time with or without offset) or epoch seconds. */
public final class DateValue {

    private DateValue() {
    }

    public static OptionalLong parseEpochMillis(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return OptionalLong.empty();
        }
        if (isDigits(text)) {
            if (text.length() > 12) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(text) * 1000L);
        }
        return first(text,
                t -> OffsetDateTime.parse(t).toInstant().toEpochMilli(),
                t -> Instant.parse(t).toEpochMilli(),
                t -> LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli(),
                t -> LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    }

    /**
     * The first accepted form that reads the text. A date that parses but has no epoch millisecond (years
     * beyond about ±292 million, such as {@code +999999999-12-31}) is no date: it matches no date condition.
     */
    @SafeVarargs
    private static OptionalLong first(String text, ToLongFunction<String>... forms) {
        for (ToLongFunction<String> form : forms) {
            try {
                return OptionalLong.of(form.applyAsLong(text));
            } catch (DateTimeException | ArithmeticException notThisForm) {
                // try the next accepted form
            }
        }
        return OptionalLong.empty();
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
