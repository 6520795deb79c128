package io.scenicpass.server.shop.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code shop_order} table: which shop visitor a booking of the {@code shop} channel belongs to. */
public final class ShopOrderStore {
    /** Links a booking to its visitor (once; linking it again to the same visitor is a no-op). */
    public void link(Connection c, String bookingId, long visitorId, long now) throws SQLException {
        Optional<Long> owner = owner(c, bookingId);
        if (owner.isPresent()) {
            if (owner.get() != visitorId) {
                throw new IllegalStateException("booking already belongs to another visitor");
            }
            return;
        }
        Jdbc.update(
                c,
                "INSERT INTO shop_order(booking_id, visitor_id, created_at) VALUES (?,?,?)",
                bookingId,
                visitorId,
                now);
    }

    /** The visitor a booking belongs to. */
    public Optional<Long> owner(Connection c, String bookingId) throws SQLException {
        return Jdbc.one(c, "SELECT visitor_id FROM shop_order WHERE booking_id = ?", rs -> rs.getLong(1), bookingId);
    }

    /** The visitor's bookings, newest first. */
    public List<String> ofVisitor(Connection c, long visitorId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT booking_id FROM shop_order WHERE visitor_id = ? ORDER BY created_at DESC, booking_id",
                rs -> rs.getString(1),
                visitorId);
    }
}
