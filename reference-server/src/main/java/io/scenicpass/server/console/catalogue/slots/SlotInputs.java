package io.scenicpass.server.console.catalogue.slots;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.sales.SlotSchedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Text given by the admin API or a page form, parsed into the services' types; bad text is a typed 400. */
final class SlotInputs {
    private SlotInputs() {}

    static LocalDate date(String field, String s) {
        if (s == null || s.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must be a date YYYY-MM-DD");
        }
    }

    static LocalTime time(String field, String s) {
        if (s == null || s.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " is required (HH:MM)");
        }
        try {
            return LocalTime.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must be a time HH:MM");
        }
    }

    static int number(String field, String s) {
        if (s == null || !s.trim().matches("[0-9]{1,7}")) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must be a whole number");
        }
        return Integer.parseInt(s.trim());
    }

    static Set<DayOfWeek> weekdays(Collection<String> names) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        if (names != null) {
            for (String n : names) {
                try {
                    out.add(DayOfWeek.valueOf(n == null ? "" : n.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new ServiceException(
                            Problem.BAD_REQUEST, "closedWeekdays holds MONDAY..SUNDAY (was '" + n + "')");
                }
            }
        }
        return out;
    }

    static SlotSchedule.RuleSpec rule(
            String from, String open, String close, String interval, String capacity, Collection<String> weekdays) {
        return new SlotSchedule.RuleSpec(
                date("from", from),
                time("openTime", open),
                time("closeTime", close),
                number("intervalMinutes", interval),
                number("slotCapacity", capacity),
                weekdays(weekdays));
    }
}
