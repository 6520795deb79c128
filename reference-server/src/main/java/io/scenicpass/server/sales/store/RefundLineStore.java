package io.scenicpass.server.sales.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * {@code refund_line}: what a partial refund gave back (the unit items that left a sold booking), written in the
 * refund's transaction; the reports read it (whole cancellations keep their totals on the booking).
 */
public final class RefundLineStore {
    /** Records the refund of {@code places} places costing {@code retail} / {@code net} fen of booking {@code b}. */
    public void insert(Connection c, Booking b, int places, long retail, long net, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO refund_line(booking_uuid, channel_id, product_id, places, retail, net, currency,"
                        + " created_at) VALUES (?,?,?,?,?,?,?,?)",
                b.uuid(),
                b.channelId(),
                b.productId(),
                places,
                retail,
                net,
                b.currency(),
                now.toEpochMilli());
    }
}
