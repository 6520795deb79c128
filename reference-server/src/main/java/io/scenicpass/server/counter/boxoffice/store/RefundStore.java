package io.scenicpass.server.counter.boxoffice.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Refunds made at the box office ({@code counter_refund}). */
public final class RefundStore {
    /**
     * One refund: the passes given back, the money ({@code method} CASH from the shift's drawer, else through the
     * payment), who did it; {@code paymentRefundState} the electronic refund's state (null for cash).
     */
    public record RefundRow(
            String id,
            String saleId,
            String shiftId,
            String deviceId,
            String cashierId,
            String supervisorId,
            String method,
            long amountFen,
            List<String> passIds,
            String reason,
            String paymentRefundState,
            Instant createdAt) {
        public RefundRow withPaymentRefundState(String state) {
            return new RefundRow(
                    id,
                    saleId,
                    shiftId,
                    deviceId,
                    cashierId,
                    supervisorId,
                    method,
                    amountFen,
                    passIds,
                    reason,
                    state,
                    createdAt);
        }
    }

    public void insert(Connection c, RefundRow r) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO counter_refund(id, sale_id, shift_id, device_id, cashier_id, supervisor_id, method,"
                        + " amount_fen, pass_ids, reason, payment_refund_state, created_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                r.id(),
                r.saleId(),
                r.shiftId(),
                r.deviceId(),
                r.cashierId(),
                r.supervisorId(),
                r.method(),
                r.amountFen(),
                String.join(",", r.passIds()),
                r.reason(),
                r.paymentRefundState(),
                r.createdAt().toEpochMilli());
    }

    public void setPaymentRefundState(Connection c, String id, String state) throws SQLException {
        Jdbc.update(c, "UPDATE counter_refund SET payment_refund_state=? WHERE id=?", state, id);
    }

    /** The sale's refunds, oldest first. */
    public List<RefundRow> ofSale(Connection c, String saleId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM counter_refund WHERE sale_id=? ORDER BY id", RefundStore::row, saleId);
    }

    private static RefundRow row(ResultSet rs) throws SQLException {
        return new RefundRow(
                rs.getString("id"),
                rs.getString("sale_id"),
                rs.getString("shift_id"),
                rs.getString("device_id"),
                rs.getString("cashier_id"),
                rs.getString("supervisor_id"),
                rs.getString("method"),
                rs.getLong("amount_fen"),
                Arrays.asList(rs.getString("pass_ids").split(",")),
                rs.getString("reason"),
                rs.getString("payment_refund_state"),
                BookingStore.instant(rs, "created_at"));
    }

    /** Refunds made in [from, to): how many and how much (fen), whole or partial, any method. */
    public io.scenicpass.server.counter.store.SaleStore.Total totals(
            Connection c, java.time.Instant from, java.time.Instant to) throws SQLException {
        return io.scenicpass.server.db.Jdbc.one(
                        c,
                        "SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS a FROM counter_refund"
                                + " WHERE created_at >= ? AND created_at < ?",
                        rs -> new io.scenicpass.server.counter.store.SaleStore.Total(
                                null, rs.getLong("n"), rs.getLong("a")),
                        from.toEpochMilli(),
                        to.toEpochMilli())
                .orElseThrow();
    }
}
