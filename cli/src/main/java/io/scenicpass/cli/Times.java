package io.scenicpass.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Lenient ISO-8601 times for {@code --at} and the {@code at} field: instant, offset, local (UTC) or date. */
final class Times {
    private Times() {}

    /**
     * @param text e.g. {@code 2026-07-01T09:30:00Z}, {@code 2026-07-01T09:30+08:00}, {@code 2026-07-01}
     * @return the instant
     * @throws IllegalArgumentException when it is none of these
     */
    static Instant parse(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 time: " + t);
        }
    }
}
