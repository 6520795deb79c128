package io.scenicpass.server.shop.tickets.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The shop's refunds ({@code shop_refund}): which passes went back and how the money is being paid back. */
public final class ShopRefundStore {
    /** One refund; {@code state}: REQUESTED, SUCCEEDED, PROCESSING, FAILED, or NONE (nothing was paid). */
    public record RefundRow(
            String id,
            String bookingUuid,
            String paymentId,
            long amountFen,
            List<String> passIds,
            String state,
            Instant createdAt,
            Instant updatedAt) {}

    public void insert(Connection c, RefundRow r) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO shop_refund(id, booking_uuid, payment_id, amount_fen, pass_ids, payment_refund_state,"
                        + " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                r.id(),
                r.bookingUuid(),
                r.paymentId(),
                r.amountFen(),
                String.join(",", r.passIds()),
                r.state(),
                r.createdAt().toEpochMilli(),
                r.updatedAt().toEpochMilli());
    }

    public void setState(Connection c, String id, String state, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE shop_refund SET payment_refund_state=?, updated_at=? WHERE id=?",
                state,
                now.toEpochMilli(),
                id);
    }

    /** The booking's refunds, oldest first. */
    public List<RefundRow> ofBooking(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.list(
                c, "SELECT * FROM shop_refund WHERE booking_uuid=? ORDER BY id", ShopRefundStore::row, bookingUuid);
    }

    /**
     * Refunds the provider has not accepted (REQUESTED: no answer yet, FAILED: refused or unreachable) and untouched
     * since {@code before}; PROCESSING ones were accepted and need no second asking.
     */
    public List<RefundRow> unsettled(Connection c, Instant before, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM shop_refund WHERE payment_refund_state IN ('REQUESTED','FAILED')"
                        + " AND updated_at < ? ORDER BY updated_at LIMIT " + Math.max(1, limit),
                ShopRefundStore::row,
                before.toEpochMilli());
    }

    private static RefundRow row(ResultSet rs) throws SQLException {
        return new RefundRow(
                rs.getString("id"),
                rs.getString("booking_uuid"),
                rs.getString("payment_id"),
                rs.getLong("amount_fen"),
                Arrays.asList(rs.getString("pass_ids").split(",")),
                rs.getString("payment_refund_state"),
                BookingStore.instant(rs, "created_at"),
                BookingStore.instant(rs, "updated_at"));
    }
}
