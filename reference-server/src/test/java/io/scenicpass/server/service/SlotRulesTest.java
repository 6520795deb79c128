package io.scenicpass.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.sales.SlotRules;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Slot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotRulesTest {

    private static ProductOption option(LocalTime open, LocalTime close, int interval, Set<DayOfWeek> closed) {
        return new ProductOption(
                "o", "p", "o", true, open, close, interval, 100, closed, Set.of(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void twoHourSlotsInShanghai() {
        List<Slot> slots = SlotRules.generate(
                option(LocalTime.of(8, 0), LocalTime.of(18, 0), 120, Set.of()),
                ZoneId.of("Asia/Shanghai"),
                LocalDate.of(2026, 6, 1));
        assertThat(slots)
                .extracting(Slot::localStart)
                .containsExactly(
                        "2026-06-01T08:00:00+08:00",
                        "2026-06-01T10:00:00+08:00",
                        "2026-06-01T12:00:00+08:00",
                        "2026-06-01T14:00:00+08:00",
                        "2026-06-01T16:00:00+08:00");
        assertThat(slots.get(0).startAt()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(slots.get(4).endAt()).isEqualTo(Instant.parse("2026-06-01T10:00:00Z"));
    }

    @Test
    void berlinSpringForwardDayKeepsWallClockTimes() {
        ProductOption o = option(LocalTime.of(8, 0), LocalTime.of(12, 0), 120, Set.of());
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<Slot> before = SlotRules.generate(o, berlin, LocalDate.of(2026, 3, 28));
        List<Slot> dst = SlotRules.generate(o, berlin, LocalDate.of(2026, 3, 29));
        assertThat(before.get(0).startAt()).isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
        assertThat(dst.get(0).startAt()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(dst)
                .extracting(Slot::localStart)
                .containsExactly("2026-03-29T08:00:00+02:00", "2026-03-29T10:00:00+02:00");
    }

    @Test
    void newYorkNightSlotsSkipTheGapAndDoNotDuplicateTheOverlap() {
        ProductOption o = option(LocalTime.of(0, 0), LocalTime.of(5, 0), 60, Set.of());
        ZoneId ny = ZoneId.of("America/New_York");
        List<Slot> spring = SlotRules.generate(o, ny, LocalDate.of(2026, 3, 8));
        assertThat(spring)
                .extracting(Slot::localStart)
                .containsExactly(
                        "2026-03-08T00:00:00-05:00",
                        "2026-03-08T01:00:00-05:00",
                        "2026-03-08T03:00:00-04:00",
                        "2026-03-08T04:00:00-04:00");
        // the 01:00 slot ends at 03:00 EDT, one real hour later
        assertThat(Duration.between(spring.get(1).startAt(), spring.get(1).endAt()))
                .isEqualTo(Duration.ofHours(1));
        List<Slot> autumn = SlotRules.generate(o, ny, LocalDate.of(2026, 11, 1));
        assertThat(autumn).extracting(Slot::localStart).doesNotHaveDuplicates().hasSize(5);
        assertThat(autumn.get(1).localStart()).isEqualTo("2026-11-01T01:00:00-04:00");
        assertThat(autumn).extracting(Slot::id).doesNotHaveDuplicates();
    }

    @Test
    void closedWeekdaysAndDatesHaveNoSlots() {
        ProductOption o = option(LocalTime.of(9, 0), LocalTime.of(17, 0), 60, Set.of(DayOfWeek.MONDAY));
        assertThat(SlotRules.generate(o, ZoneId.of("Asia/Shanghai"), LocalDate.of(2026, 6, 1)))
                .isEmpty(); // Monday
        assertThat(SlotRules.generate(o, ZoneId.of("Asia/Shanghai"), LocalDate.of(2026, 1, 1)))
                .isEmpty();
        assertThat(SlotRules.generate(o, ZoneId.of("Asia/Shanghai"), LocalDate.of(2026, 6, 2)))
                .hasSize(8);
    }
}
