package io.scenicpass.server.measures;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.flow.store.FlowStore.HistoryBooking;
import io.scenicpass.server.flow.store.FlowStore.HistoryEvent;
import io.scenicpass.server.offers.Offer;
import io.scenicpass.server.offers.store.CouponStore;
import io.scenicpass.server.offers.store.OfferStore;
import io.scenicpass.server.offers.store.RedemptionStore;
import io.scenicpass.server.packages.store.PackageStore;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.visitors.segments.SegmentService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small hand-checked data set of the measures' tests, written through the stores into the real server's
 * database (park zone Asia/Shanghai, days 2026-06-01 and 2026-06-02, channels ctrip and shop-test); the hub's feed
 * then links the bookings to visitors (by their contacts' email) and rebuilds the visits from the gate events:
 *
 * <pre>
 * booking channel day        places retail  entry  exit   contact
 * b1      ctrip   06-01      2      200.00  09:00  12:30  alice
 * b2      ctrip   06-01      1      100.00  — (no-show)   bob
 * b3      shop    06-01      3      250.00  10:00  —      carol   (a package: it took a partner's hotel night)
 * b5      ctrip   06-01      1       50.00  11:00  11:30  dave
 * b4      shop    06-02      1       80.00  10:00  11:00  alice
 * b0      ctrip   2026-01-10 1      100.00  10:00  12:00  carol   (within the 12 months before 06-01)
 * b00     ctrip   2025-05-01 1      100.00  10:00  12:00  alice   (more than 12 months before)
 * </pre>
 *
 * Receipts: 60.00 on b1's pass (06-01), 40.00 naming no pass (06-01), 20.00 on b4's pass (06-02). A coupon campaign
 * issued coupons k1, k2, k3 after visits of 06-01: k1 was used in b3, k2 in b2, k3 not at all. Segment
 * {@code regulars}: {@code visits12m >= 2} (alice and carol).
 */
final class MeasureFacts {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY1 = LocalDate.parse("2026-06-01");
    static final LocalDate DAY2 = LocalDate.parse("2026-06-02");

    private MeasureFacts() {}

    static Instant local(LocalDate day, String time) {
        return LocalDateTime.of(day, java.time.LocalTime.parse(time))
                .atZone(ZONE)
                .toInstant();
    }

    /** Creates the channels and writes the bookings, passes and gate events above. */
    static void write(TestServer ts) {
        ts.channel("ctrip", 1000, 1000, null);
        ts.channel("shop-test", 1000, 1000, null);
        List<HistoryBooking> rows = new ArrayList<>();
        rows.add(booking("b1", "ctrip", DAY1, 2, 20000, "09:00", "12:30"));
        rows.add(booking("b2", "ctrip", DAY1, 1, 10000, null, null));
        rows.add(booking("b3", "shop-test", DAY1, 3, 25000, "10:00", null));
        rows.add(booking("b5", "ctrip", DAY1, 1, 5000, "11:00", "11:30"));
        rows.add(booking("b4", "shop-test", DAY2, 1, 8000, "10:00", "11:00"));
        rows.add(booking("b0", "ctrip", LocalDate.parse("2026-01-10"), 1, 10000, "10:00", "12:00"));
        rows.add(booking("b00", "ctrip", LocalDate.parse("2025-05-01"), 1, 10000, "10:00", "12:00"));
        Map<String, String> contacts = Map.of(
                "b1", "alice", "b2", "bob", "b3", "carol", "b5", "dave", "b4", "alice", "b0", "carol", "b00", "alice");
        ts.server.database().tx(c -> {
            new FlowStore().insertHistory(c, rows);
            long t = local(DAY1, "18:00").toEpochMilli();
            new PackageStore()
                    .insertBookingPart(
                            c,
                            new PackageStore.BookingPart(
                                    "b3",
                                    1,
                                    "hotel-room",
                                    "hotel",
                                    DAY1,
                                    3,
                                    30000,
                                    "CNY",
                                    local(DAY1, "00:00"),
                                    "SOLD",
                                    "V-b3",
                                    local(DAY1, "00:00"),
                                    null,
                                    null));
            new OfferStore()
                    .insert(
                            c,
                            new Offer(
                                    "camp",
                                    null,
                                    "Come back",
                                    Offer.Kind.PERCENT,
                                    10,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    Offer.Trigger.EXIT,
                                    30,
                                    Offer.Status.ACTIVE,
                                    t,
                                    t));
            for (int i = 1; i <= 3; i++) { // visitors 1, 2, 3: one coupon each
                new CouponStore()
                        .insert(
                                c,
                                new CouponStore.Coupon("k" + i, "camp", i, null, DAY1, t, t, t + 30 * 86_400_000L, t));
            }
            RedemptionStore redemptions = new RedemptionStore();
            redemptions.insert(c, redemption("b3", "shop-test", "k1", t));
            redemptions.insert(c, redemption("b2", "ctrip", "k2", t));
            for (Map.Entry<String, String> e : contacts.entrySet()) { // the OTA's contact of each booking
                Jdbc.update(
                        c,
                        "UPDATE booking SET contact_json=?, unit_items='[]' WHERE uuid=?",
                        "{\"emailAddress\":\"" + e.getValue() + "@example.com\"}",
                        e.getKey());
            }
            // the partner tills' receipts, as the hub stores them
            receipt(c, "r1", "P-b1", DAY1, 6000, t);
            receipt(c, "r2", null, DAY1, 4000, t);
            receipt(c, "r3", "P-b4", DAY2, 2000, t);
            return null;
        });
        ts.server.visitors().segments().put("regulars", new SegmentService.Input("Regulars", "visits12m >= 2"));
        ts.server.visitors().feed().catchUp();
    }

    static void receipt(java.sql.Connection c, String id, String pass, LocalDate day, long fen, long t)
            throws java.sql.SQLException {
        Jdbc.update(
                c,
                "INSERT INTO visitor_receipt(partner_id, receipt_id, pass_id, receipt_day, amount, currency, body_hash,"
                        + " received_at) VALUES ('till', ?, ?, ?, ?, 'CNY', 'h', ?)",
                id,
                pass,
                day,
                fen,
                t);
    }

    static RedemptionStore.Row redemption(String booking, String channel, String coupon, long t) {
        return new RedemptionStore.Row(
                "camp", booking, channel, 1L, coupon, 1000, List.of(1000L), List.of(900L), "CNY", t);
    }

    static HistoryBooking booking(
            String id, String channel, LocalDate day, int places, long retail, String in, String out) {
        List<HistoryEvent> events = new ArrayList<>();
        if (in != null) {
            events.add(new HistoryEvent(id + "-in", "gate-north", "park", "IN", local(day, in)));
        }
        if (out != null) {
            events.add(new HistoryEvent(id + "-out", "gate-north", "park", "OUT", local(day, out)));
        }
        return new HistoryBooking(
                id,
                channel,
                "park-entry",
                "park-entry-std",
                "slot-" + id,
                null,
                day,
                places,
                retail,
                local(day, "00:00").minusSeconds(86_400),
                "P-" + id,
                local(day, "00:00"),
                local(day, "23:59"),
                false,
                events);
    }
}
