package io.scenicpass.benchmarks.load;

import io.scenicpass.server.testing.TestServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;

/**
 * What a shop load run produced: each visitor's outcome, page times, and what the database says was sold and charged
 * for the hot product (confirmed shop bookings, valid passes, the slot's counters, paid payments per order).
 */
record ShopOutcome(
        int visitors,
        int capacity,
        Map<String, Long> outcomes,
        Map<String, Latencies> times,
        double seconds,
        long booked,
        long passes,
        long slotSold,
        long slotHeld,
        long paidOrders,
        long doubleCharged) {

    /** Exactly the capacity sold, booked, issued and paid once; every other visitor told "sold out"; nothing else. */
    boolean ok() {
        return outcomes.equals(
                        Map.of(ShopVisit.BOOKED, (long) capacity, ShopVisit.SOLD_OUT, (long) visitors - capacity))
                && booked == capacity
                && passes == capacity
                && slotSold == capacity
                && slotHeld == 0
                && paidOrders == capacity
                && doubleCharged == 0;
    }

    static ShopOutcome of(
            TestServer ts,
            int visitors,
            int capacity,
            Map<String, Long> outcomes,
            Map<String, Latencies> times,
            double seconds) {
        return ts.server.database().read(c -> {
            long[] slot = new long[2];
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT sum(sold), sum(held) FROM slot WHERE product_id=?")) {
                ps.setString(1, ShopLoad.HOT);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    slot[0] = rs.getLong(1);
                    slot[1] = rs.getLong(2);
                }
            }
            long booked = count(
                    c, "SELECT count(*) FROM booking WHERE product_id=? AND channel_id='shop' AND status='CONFIRMED'");
            long passes = count(
                    c,
                    "SELECT count(*) FROM pass p JOIN booking b ON b.uuid=p.booking_uuid"
                            + " WHERE b.product_id=? AND NOT p.revoked");
            long paid = 0;
            long twice = 0;
            // the checkout's payment order reference is "shop-" + its ref (CheckoutCompletion)
            try (PreparedStatement ps = c.prepareStatement("SELECT count(p.id) FROM shop_checkout s LEFT JOIN payment p"
                    + " ON p.order_ref=CONCAT('shop-', s.ref) AND p.state IN ('SUCCEEDED','LATE')"
                    + " WHERE s.product_id=? GROUP BY s.ref")) {
                ps.setString(1, ShopLoad.HOT);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long n = rs.getLong(1);
                        paid += n > 0 ? 1 : 0;
                        twice += n > 1 ? 1 : 0;
                    }
                }
            }
            return new ShopOutcome(
                    visitors, capacity, outcomes, times, seconds, booked, passes, slot[0], slot[1], paid, twice);
        });
    }

    private static long count(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ShopLoad.HOT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The outcome counts, the database's numbers and a Markdown table of page times (p99 also as × the floor). */
    String report() {
        double floor = times.get("health").percentile(99);
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "RESULT visitors=%d capacity=%d outcomes=%s in %.1f s%n"
                        + "  database: confirmed shop bookings %d, valid passes %d, slot sold=%d held=%d,"
                        + " orders paid %d, orders paid twice %d%n"
                        + "| page | requests | p50 ms | p95 ms | p99 ms | p99 ÷ floor (/health p99) |%n"
                        + "|---|---:|---:|---:|---:|---:|%n",
                visitors,
                capacity,
                outcomes,
                seconds,
                booked,
                passes,
                slotSold,
                slotHeld,
                paidOrders,
                doubleCharged));
        times.forEach((page, l) -> b.append(String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f× |%n",
                page,
                l.count(),
                l.percentile(50),
                l.percentile(95),
                l.percentile(99),
                floor == 0 ? 0.0 : l.percentile(99) / floor)));
        return b.append(
                        ok()
                                ? "OK: exactly " + capacity + " sold and paid once, every other visitor told sold out"
                                : "FAILED")
                .toString();
    }
}
