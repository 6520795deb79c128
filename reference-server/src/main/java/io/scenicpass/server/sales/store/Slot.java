package io.scenicpass.server.sales.store;

import java.time.Instant;
import java.time.LocalDate;

/** One time slot of an option: capacity with held and sold counters. */
public record Slot(
        String id,
        String optionId,
        String productId,
        LocalDate localDate,
        String localStart,
        String localEnd,
        Instant startAt,
        Instant endAt,
        int capacity,
        int held,
        int sold,
        boolean closed) {
    public int vacancies() {
        return closed ? 0 : Math.max(0, capacity - held - sold);
    }
}
