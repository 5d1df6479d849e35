package io.portcullis.policylang.syntax;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

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
        try {
            return OptionalLong.of(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        } catch (DateTimeParseException notOffset) {
            // fall through to the next accepted form
        }
        try {
            return OptionalLong.of(Instant.parse(text).toEpochMilli());
        } catch (DateTimeParseException notInstant) {
            // fall through
        }
        try {
            return OptionalLong.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException notLocal) {
            // fall through
        }
        try {
            return OptionalLong.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        } catch (DateTimeParseException notDate) {
            return OptionalLong.empty();
        }
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
