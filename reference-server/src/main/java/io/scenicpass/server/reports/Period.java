package io.scenicpass.server.reports;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The period [from, to) of an operator's report or list, from the query's {@code from} / {@code to}: dates in the
 * park's zone (both days included) or ISO-8601 instants; default today. Bad input is a typed BAD_REQUEST.
 */
public record Period(Instant from, Instant to, ZoneId zone) {
    /** Most days one report covers. */
    public static final int MAX_DAYS = 366;

    /** Parses the query's from/to at {@code clock}'s now in {@code zone}. */
    public static Period parse(String from, String to, ZoneId zone, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant start = from == null || from.isBlank() ? dayStart(today, zone) : instant(from, "from", false, zone);
        Instant end = to == null || to.isBlank()
                ? dayStart(LocalDate.ofInstant(start, zone).plusDays(1), zone) // the day from is in
                : instant(to, "to", true, zone);
        if (!end.isAfter(start)) {
            throw new ServiceException(Problem.BAD_REQUEST, "to must be after from");
        }
        if (Duration.between(start, end).toDays() > MAX_DAYS) {
            throw new ServiceException(Problem.BAD_REQUEST, "a period of at most " + MAX_DAYS + " days");
        }
        return new Period(start, end, zone);
    }

    /** The day {@code t} falls on in the park's zone. */
    public LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    /** The first day of the period (for names of exported files). */
    public LocalDate firstDay() {
        return day(from);
    }

    /** The last day of the period (its end is exclusive). */
    public LocalDate lastDay() {
        return day(to.minusMillis(1));
    }

    private static Instant instant(String s, String name, boolean endOfDay, ZoneId zone) {
        if (s.contains("T")) {
            try {
                return Instant.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new ServiceException(Problem.BAD_REQUEST, name + " must be YYYY-MM-DD or an ISO-8601 instant");
            }
        }
        LocalDate d;
        try {
            d = LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "from and to must be YYYY-MM-DD or ISO-8601 instants");
        }
        return dayStart(endOfDay ? d.plusDays(1) : d, zone);
    }

    private static Instant dayStart(LocalDate d, ZoneId zone) {
        return d.atStartOfDay(zone).toInstant();
    }
}
