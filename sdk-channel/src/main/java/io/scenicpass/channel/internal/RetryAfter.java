package io.scenicpass.channel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses an HTTP {@code Retry-After} header: delta-seconds or an HTTP-date. */
public final class RetryAfter {
    private RetryAfter() {}

    /**
     * @param header the header value, or null
     * @param clock the clock to measure an HTTP-date against
     * @return the wait (never negative), or null when absent or unreadable
     */
    public static Duration parse(String header, Clock clock) {
        if (header == null || header.trim().isEmpty()) {
            return null;
        }
        String h = header.trim();
        try {
            long seconds = Long.parseLong(h);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
