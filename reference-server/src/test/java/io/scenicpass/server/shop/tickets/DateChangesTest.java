package io.scenicpass.server.shop.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Date changes of shop orders on a real server: places moved atomically, old passes revoked, new ones issued, no
 * money moved; refused as sold out (nothing changed), after the cutoff, once a pass was used, for an unknown slot.
 */
class DateChangesTest {
    @TempDir
    Path dir;

    @Test
    void anOrderMovesToAnotherSlotWithNewPasses() {
        try (TestServer ts = TestServer.h2(dir)) {
            ShopOrders shop = new ShopOrders(ts);
            Booking b = shop.order("small", ShopOrders.SLOT, "small-adult", "small-child");
            List<String> old =
                    shop.passes(b.uuid()).stream().map(PassRecord::passId).toList();
            DateChanges changes = ts.server.tickets().changes;

            assertThat(changes.choices(ts.server.tickets().rules.order(b.uuid()), LocalDate.of(2026, 6, 3)))
                    .extracting(v -> v.slot().localStart())
                    .contains(ShopOrders.NEXT_DAY);
            Booking moved = changes.change(b.uuid(), ShopOrders.NEXT_DAY);

            assertThat(moved.status()).isEqualTo(BookingState.CONFIRMED);
            assertThat(moved.localDate()).isEqualTo(LocalDate.of(2026, 6, 3));
            assertThat(old).allMatch(shop::revoked);
            List<PassRecord> now = shop.passes(b.uuid());
            assertThat(now).hasSize(2).noneMatch(PassRecord::revoked);
            assertThat(now).extracting(PassRecord::passId).doesNotContainAnyElementsOf(old);
            assertThat(shop.remaining("small", ShopOrders.SLOT)).isEqualTo(2);
            assertThat(shop.remaining("small", ShopOrders.NEXT_DAY)).isZero();
            assertThat(shop.payment(b.uuid()).refundedFen()).isZero();
        }
    }

    @Test
    void refusedWithItsReasonAndNothingChanged() {
        try (TestServer ts = TestServer.h2(dir)) {
            ShopOrders shop = new ShopOrders(ts);
            Booking b = shop.order("small", ShopOrders.SLOT, "small-adult", "small-child");
            shop.order("small", ShopOrders.LATER, "small-adult"); // one place left at 12:00
            DateChanges changes = ts.server.tickets().changes;

            assertRefused(() -> changes.change(b.uuid(), ShopOrders.LATER), TicketRefusal.Code.SOLD_OUT);
            assertRefused(() -> changes.change(b.uuid(), ShopOrders.SLOT), TicketRefusal.Code.BAD_SLOT);
            assertRefused(() -> changes.change(b.uuid(), "2026-06-02T11:00:00+08:00"), TicketRefusal.Code.BAD_SLOT);
            assertRefused(() -> changes.change(b.uuid(), "not a time"), TicketRefusal.Code.BAD_SLOT);
            assertThat(shop.booking(b.uuid()).slotId()).isEqualTo(b.slotId());
            assertThat(shop.passes(b.uuid())).noneMatch(PassRecord::revoked);
            assertThat(shop.remaining("small", ShopOrders.LATER)).isEqualTo(1);

            ts.clock.set(Instant.parse("2026-06-02T01:30:00Z")); // 09:30, the cutoff was 09:00
            assertRefused(() -> changes.change(b.uuid(), ShopOrders.NEXT_DAY), TicketRefusal.Code.CUTOFF_PASSED);
            ts.clock.set(Instant.parse("2026-06-02T00:30:00Z"));
            shop.enter(b.unitItems().get(1).passId());
            assertRefused(() -> changes.change(b.uuid(), ShopOrders.NEXT_DAY), TicketRefusal.Code.ALREADY_USED);
            assertThat(shop.booking(b.uuid()).slotId()).isEqualTo(b.slotId());
        }
    }

    private static void assertRefused(Runnable r, TicketRefusal.Code code) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(
                        TicketRefusal.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
