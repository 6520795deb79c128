package io.scenicpass.server.shop.tickets;

import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.counter.CounterFixture;
import io.scenicpass.server.payments.Money;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.terminal.TerminalFixtures;
import io.scenicpass.server.testing.TestServer;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Paid shop orders on a real server: channel {@code shop}, the counter fixture's product "tour" (slots of 2 h from
 * 08:00, 100 places, cutoff 60 min, Asia/Shanghai) and its gate, plus "small" (the same with 2 places a slot). An order
 * is held on the shop channel, paid through the simulated provider (order reference: the booking uuid), confirmed.
 */
final class ShopOrders {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final String LATER = "2026-06-02T12:00:00+08:00";
    static final String NEXT_DAY = "2026-06-03T10:00:00+08:00";

    final TestServer ts;
    final CounterFixture counter;

    ShopOrders(TestServer ts) {
        this.ts = ts;
        ts.channel("shop", 1000, 1000, null);
        counter = new CounterFixture(ts);
        ts.product("small", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 2, false, 60, null);
    }

    Channel shop() {
        return ts.server.channels().find("shop").orElseThrow();
    }

    /** A paid, confirmed shop order of {@code units} (unit ids) of {@code product} in {@code slot}. */
    Booking order(String product, String slot, String... units) {
        List<BookingCommands.Item> items = java.util.Arrays.stream(units)
                .map(u -> new BookingCommands.Item(u, null))
                .toList();
        Booking held = ts.server
                .bookings()
                .reserve(
                        shop(),
                        new BookingCommands.Reserve(
                                UUID.randomUUID().toString(),
                                "test",
                                product,
                                product + "-opt",
                                slot,
                                items,
                                null,
                                null));
        Payment p = ts.server
                .payments()
                .payments
                .payByCode(held.uuid(), new Money(held.totalRetail(), "CNY"), "shop order", "134567890123456789");
        if (p.state() != Payment.State.SUCCEEDED) {
            throw new AssertionError(p);
        }
        return ts.server.bookings().confirm(shop(), held.uuid(), new BookingCommands.Confirm(null));
    }

    Booking booking(String uuid) {
        return ts.server.bookings().get(shop(), uuid);
    }

    Payment payment(String uuid) {
        return ts.server.payments().payments.list(uuid, null, 5).get(0);
    }

    List<PassRecord> passes(String uuid) {
        return booking(uuid).unitItems().stream()
                .map(Booking.UnitItem::passId)
                .distinct()
                .map(id -> ts.server.passes().find(id).orElseThrow())
                .toList();
    }

    /** Whether pass {@code id} is revoked now. */
    boolean revoked(String id) {
        return ts.server.passes().find(id).orElseThrow().revoked();
    }

    /** Places left in {@code slot} of {@code product} for the shop. */
    int remaining(String product, String slot) {
        var pv = ts.server.catalogue().product(product, "shop");
        return ts.server
                .inventory()
                .slot(pv.product(), pv.option(product + "-opt").option(), slot, "shop")
                .orElseThrow()
                .vacancies();
    }

    /** Pass {@code passId} enters at the counter fixture's gate now. */
    void enter(String passId) {
        var gate = ts.server.devices().authenticate("Device " + counter.gate);
        ts.server
                .entries()
                .ingest(
                        gate,
                        new EntryBatch(
                                gate.id(),
                                List.of(TerminalFixtures.admit(passId, gate.id(), "gate-a", ts.clock.instant()))));
    }
}
