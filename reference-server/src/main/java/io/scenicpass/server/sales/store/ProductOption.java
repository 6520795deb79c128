package io.scenicpass.server.sales.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/** A product option with the rule its time slots are generated from. */
public record ProductOption(
        String id,
        String productId,
        String internalName,
        boolean isDefault,
        LocalTime openTime,
        LocalTime closeTime,
        int intervalMinutes,
        int slotCapacity,
        Set<DayOfWeek> closedWeekdays,
        Set<LocalDate> closedDates) {}
