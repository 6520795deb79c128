package io.scenicpass.server.shop.waitlist;

import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry;
import io.scenicpass.server.testing.TestServer;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A product "park" whose 10:00 slot on 2026-06-02 has {@code capacity} places, the shop channel, and helpers. */
final class WaitlistFixture {
    static final String AVAILABILITY = "2026-06-02T10:00:00+08:00";
    static final String SLOT = "park-opt|" + AVAILABILITY;
    static final String ADULT = "park-adult";
    static final String CHILD = "park-child";

    final TestServer t;
    final WaitlistModule waitlist;
    private int sold;

    WaitlistFixture(TestServer t, int capacity, boolean create) {
        this.t = t;
        if (create) {
            t.product("park", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, capacity, false, 60, null);
            // shop visitors 101..110 (an offer is a shop order, linked to its visitor); ids far above those sign-in
            // gives in a test
            t.server.database().tx(c -> {
                for (long v = 101; v <= 110; v++) {
                    io.scenicpass.server.db.Jdbc.update(
                            c,
                            "INSERT INTO shop_visitor(id, address_hash, address_kind, contact_enc, lang, created_at)"
                                    + " VALUES (?,?,'EMAIL','-','en',0)",
                            v,
                            "test-" + v);
                }
                return null;
            });
        }
        this.waitlist = t.server.waitlist();
    }

    Channel shop() {
        return t.server.channels().find("shop").orElseThrow();
    }

    /** Sells {@code n} single-adult bookings of the slot through the shop (confirmed); returns their uuids. */
    List<String> sell(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String uuid = "sold-" + sold++;
            t.server
                    .bookings()
                    .reserve(
                            shop(),
                            new BookingCommands.Reserve(
                                    uuid,
                                    uuid,
                                    "park",
                                    "park-opt",
                                    AVAILABILITY,
                                    List.of(new BookingCommands.Item(ADULT, null)),
                                    null,
                                    null));
            t.server.bookings().confirm(shop(), uuid, new BookingCommands.Confirm(null));
            out.add(uuid);
        }
        return out;
    }

    void cancel(String uuid) {
        t.server.bookings().cancel(shop(), uuid, new BookingCommands.Cancel("changed plans"));
    }

    /** Visitor {@code visitor} joins with {@code adults} adults. */
    WaitlistEntry join(long visitor, int adults) {
        return waitlist.lists
                .join(visitor, SLOT, Map.of(ADULT, Integer.toString(adults)))
                .entry();
    }

    WaitlistService.Placed get(long visitor, WaitlistEntry e) {
        return waitlist.lists.get(visitor, e.id());
    }

    Booking booking(String uuid) {
        return t.server.bookings().get(shop(), uuid);
    }

    /** The kinds of the messages queued to a visitor, oldest first. */
    List<String> messages(long visitor) {
        return t.server
                .database()
                .read(c -> io.scenicpass.server.db.Jdbc.list(
                        c,
                        "SELECT kind FROM message_outbox WHERE visitor_id=? ORDER BY id",
                        rs -> rs.getString(1),
                        visitor));
    }

    int held() {
        return t.server.inventory().findSlot(SLOT).orElseThrow().held();
    }
}
