package io.scenicpass.server.shop.tickets;

import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.counter.CounterFixture;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.shop.account.store.ShopVisitorStore;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.terminal.TerminalFixtures;
import io.scenicpass.server.testing.TestServer;
import java.time.LocalTime;
import java.util.List;

/**
 * Paid shop orders on a real server, made through the shop's checkout (simulated provider): the counter fixture's product "tour" (slots of 2 h from
 * 08:00, 100 places, cutoff 60 min, Asia/Shanghai) and its gate, plus "small" (the same with 2 places a slot). An order
 * is held, paid and confirmed as the shop's pay page does it.
 */
final class ShopOrders {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final String LATER = "2026-06-02T12:00:00+08:00";
    static final String NEXT_DAY = "2026-06-03T10:00:00+08:00";

    final TestServer ts;
    final CounterFixture counter;
    /** A shop visitor as sign-in makes one: the orders of {@link #order(String, String, String...)} are theirs. */
    final long visitor;

    ShopOrders(TestServer ts) {
        this.ts = ts;
        counter = new CounterFixture(ts);
        visitor = ts.server.database().tx(c -> new ShopVisitorStore().insert(c, "tickets", "EMAIL", "x", "zh-CN", 0));
        ts.product("small", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 2, false, 60, null);
    }

    Channel shop() {
        return ts.server.channels().find("shop").orElseThrow();
    }

    /** A paid, confirmed shop order of {@link #visitor}: {@code units} (unit ids) of {@code product} in {@code slot}. */
    Booking order(String product, String slot, String... units) {
        return order(
                visitor,
                product,
                slot,
                java.util.Arrays.stream(units)
                        .map(u -> new ShopCheckout.Line(u, null))
                        .toList());
    }

    /** A paid, confirmed shop order of {@code visitor} (the checkout links it to them in {@code shop_order}). */
    Booking order(long visitor, String product, String slot, List<ShopCheckout.Line> lines) {
        return io.scenicpass.server.testing.PaidShopOrder.of(ts, visitor, product, slot, lines);
    }

    /** The order reference of a shop booking (its page is /shop/orders/{ref}). */
    static String ref(Booking b) {
        return b.uuid().substring(ShopCheckout.bookingUuid("").length());
    }

    Booking booking(String uuid) {
        return ts.server.bookings().get(shop(), uuid);
    }

    /** The payment of the shop order whose booking is {@code uuid}. */
    Payment payment(String uuid) {
        String ref = uuid.substring(ShopCheckout.bookingUuid("").length());
        return ts.server.payments().payments.list("shop-" + ref, Payment.State.SUCCEEDED, 5).stream()
                .findFirst()
                .orElseGet(() -> ts.server
                        .payments()
                        .payments
                        .list("shop-" + ref, Payment.State.REFUNDED, 5)
                        .get(0));
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
