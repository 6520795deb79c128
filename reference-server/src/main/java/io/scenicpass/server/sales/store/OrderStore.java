package io.scenicpass.server.sales.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cart orders and which bookings they hold (V64). Status changes are compare-and-set on the status. */
public final class OrderStore {

    public void insert(Connection c, Order o) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO booking_order (id, channel_id, supplier_reference, status, contact_json, expires_at,"
                        + " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                o.id(),
                o.channelId(),
                o.supplierReference(),
                o.status().name(),
                o.contactJson(),
                o.expiresAt().toEpochMilli(),
                o.createdAt().toEpochMilli(),
                o.createdAt().toEpochMilli());
    }

    public Optional<Order> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM booking_order WHERE id=?", OrderStore::order, id);
    }

    /** {@link #find} with the row locked until the transaction ends: one confirm, cancel or addition at a time. */
    public Optional<Order> findForUpdate(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM booking_order WHERE id=? FOR UPDATE", OrderStore::order, id);
    }

    /** The order a booking belongs to, if any. */
    public Optional<String> orderOf(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.one(
                c, "SELECT order_id FROM order_booking WHERE booking_uuid=?", rs -> rs.getString(1), bookingUuid);
    }

    /** The uuids of an order's bookings, in the order they were added (the first is the primary booking). */
    public List<String> bookings(Connection c, String orderId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT booking_uuid FROM order_booking WHERE order_id=? ORDER BY position",
                rs -> rs.getString(1),
                orderId);
    }

    /** Adds a booking as the order's last; the caller holds the order's row lock ({@link #findForUpdate}). */
    public void addBooking(Connection c, String orderId, String bookingUuid) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO order_booking (booking_uuid, order_id, position)"
                        + " SELECT ?, ?, COALESCE(MAX(position), -1) + 1 FROM order_booking WHERE order_id=?",
                bookingUuid,
                orderId,
                orderId);
    }

    /** Moves the order from {@code from} to {@code to}; false when it was no longer {@code from}. */
    public boolean transition(Connection c, String id, Order.Status from, Order.Status to, Instant now)
            throws SQLException {
        long t = now.toEpochMilli();
        boolean moved = Jdbc.update(
                        c,
                        "UPDATE booking_order SET status=?, updated_at=? WHERE id=? AND status=?",
                        to.name(),
                        t,
                        id,
                        from.name())
                == 1;
        if (moved && to == Order.Status.CONFIRMED) {
            Jdbc.update(c, "UPDATE booking_order SET confirmed_at=? WHERE id=?", t, id);
        } else if (moved && to == Order.Status.CANCELLED) {
            Jdbc.update(c, "UPDATE booking_order SET cancelled_at=? WHERE id=?", t, id);
        }
        return moved;
    }

    public void setExpiry(Connection c, String id, Instant expiresAt, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE booking_order SET expires_at=?, updated_at=? WHERE id=?",
                expiresAt.toEpochMilli(),
                now.toEpochMilli(),
                id);
    }

    /** Replaces the contact (null keeps it). */
    public void setContact(Connection c, String id, String contactJson, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE booking_order SET contact_json=COALESCE(?, contact_json), updated_at=? WHERE id=?",
                contactJson,
                now.toEpochMilli(),
                id);
    }

    private static Order order(ResultSet rs) throws SQLException {
        return new Order(
                rs.getString("id"),
                rs.getString("channel_id"),
                rs.getString("supplier_reference"),
                Order.Status.valueOf(rs.getString("status")),
                rs.getString("contact_json"),
                Instant.ofEpochMilli(rs.getLong("expires_at")),
                instant(Jdbc.longOrNull(rs, "confirmed_at")),
                instant(Jdbc.longOrNull(rs, "cancelled_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
