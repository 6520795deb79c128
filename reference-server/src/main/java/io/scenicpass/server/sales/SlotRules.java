package io.scenicpass.server.sales;

import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.SlotRuleStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates an option's slots for one local date from its rule: opening hours, interval, closed days.
 *
 * <p>Slots are laid out on the local wall clock of the product's IANA zone. A local start time that does
 * not exist (spring-forward gap) produces no slot; an ambiguous one (autumn overlap) uses the earlier
 * offset. The availability id is the ISO local start with its offset, e.g. {@code 2026-03-29T08:00:00+02:00},
 * which is unique per option and stable across restarts.
 */
public final class SlotRules {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SlotRules() {}

    /** The slots of {@code option} on {@code date} (empty when the day is closed). */
    public static List<Slot> generate(ProductOption option, ZoneId zone, LocalDate date) {
        List<Slot> out = new ArrayList<>();
        if (option.closedWeekdays().contains(date.getDayOfWeek())
                || option.closedDates().contains(date)) {
            return out;
        }
        LocalDateTime close = date.atTime(option.closeTime());
        Duration step = Duration.ofMinutes(option.intervalMinutes());
        for (LocalDateTime t = date.atTime(option.openTime()); t.isBefore(close); t = t.plus(step)) {
            if (!zone.getRules().isValidOffset(t, zone.getRules().getOffset(t))
                    || zone.getRules().getValidOffsets(t).isEmpty()) {
                continue; // in a DST gap: this wall-clock time does not exist today
            }
            LocalDateTime endLocal = t.plus(step).isAfter(close) ? close : t.plus(step);
            ZonedDateTime start = ZonedDateTime.ofLocal(t, zone, null);
            ZonedDateTime end = ZonedDateTime.ofLocal(endLocal, zone, null);
            if (!end.isAfter(start)) {
                continue;
            }
            String availabilityId = start.toOffsetDateTime().format(ISO);
            out.add(new Slot(
                    slotId(option.id(), availabilityId),
                    option.id(),
                    option.productId(),
                    date,
                    availabilityId,
                    end.toOffsetDateTime().format(ISO),
                    start.toInstant(),
                    end.toInstant(),
                    option.slotCapacity(),
                    0,
                    0,
                    false));
        }
        return out;
    }

    /**
     * The slots of {@code option} on {@code date} under its rule changes (the latest one from on or before the date,
     * else the option's own rule), closed when an active closure covers the day.
     */
    public static List<Slot> generate(
            ProductOption option,
            List<SlotRuleStore.SlotRule> changes,
            List<SlotRuleStore.Closure> closures,
            ZoneId zone,
            LocalDate date) {
        ProductOption rule = option;
        for (SlotRuleStore.SlotRule r : changes) {
            if (!r.validFrom().isAfter(date)) {
                rule = r.applyTo(option);
            }
        }
        boolean closed = closures.stream().anyMatch(k -> k.covers(option.id(), date));
        List<Slot> out = new ArrayList<>();
        for (Slot s : generate(rule, zone, date)) {
            out.add(closed ? closedCopy(s) : s);
        }
        return out;
    }

    private static Slot closedCopy(Slot s) {
        return new Slot(
                s.id(),
                s.optionId(),
                s.productId(),
                s.localDate(),
                s.localStart(),
                s.localEnd(),
                s.startAt(),
                s.endAt(),
                s.capacity(),
                s.held(),
                s.sold(),
                true);
    }

    /** Database id of a slot: option id + "|" + availability id. */
    public static String slotId(String optionId, String availabilityId) {
        return optionId + "|" + availabilityId;
    }
}
