package io.scenicpass.server.counter.boxoffice.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Refunds of counter sales ({@code counter_refund}): made at the box office, or by an operator on the console (then
 * {@code operator} is set; cash is DUE until a box office pays it out into its open shift).
 */
public final class RefundStore {
    /** The method of cash refunds (as the cash-up names it). */
    public static final String CASH = "CASH";

    /**
     * One refund: the passes given back, the money ({@code method} CASH from the shift's drawer, else through the
     * payment), who did it; {@code paymentRefundState} the electronic refund's state (null for cash); {@code operator}
     * the console's operator (null at the counter); {@code paidOutAt} when a box office paid out a cash refund DUE.
     * A cash refund is DUE while it has no shift.
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
            Instant createdAt,
            String operator,
            Instant paidOutAt) {
        /** A cash refund made on the console and not paid out at a box office yet. */
        public boolean due() {
            return shiftId == null && CASH.equals(method);
        }

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
                    createdAt,
                    operator,
                    paidOutAt);
        }
    }

    public void insert(Connection c, RefundRow r) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO counter_refund(id, sale_id, shift_id, device_id, cashier_id, supervisor_id, method,"
                        + " amount_fen, pass_ids, reason, payment_refund_state, created_at, operator)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                r.createdAt().toEpochMilli(),
                r.operator());
    }

    public void setPaymentRefundState(Connection c, String id, String state) throws SQLException {
        Jdbc.update(c, "UPDATE counter_refund SET payment_refund_state=? WHERE id=?", state, id);
    }

    /** The sale's refunds, oldest first. */
    public List<RefundRow> ofSale(Connection c, String saleId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM counter_refund WHERE sale_id=? ORDER BY id", RefundStore::row, saleId);
    }

    public Optional<RefundRow> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM counter_refund WHERE id=?", RefundStore::row, id);
    }

    /** Cash refunds DUE (of one sale, or all when null), oldest first, at most {@code limit}. */
    public List<RefundRow> due(Connection c, String saleId, int limit) throws SQLException {
        String sql = "SELECT * FROM counter_refund WHERE shift_id IS NULL AND method=?"
                + (saleId == null ? "" : " AND sale_id=?") + " ORDER BY id LIMIT ?";
        return saleId == null
                ? Jdbc.list(c, sql, RefundStore::row, CASH, limit)
                : Jdbc.list(c, sql, RefundStore::row, CASH, saleId, limit);
    }

    /** Cash refunds DUE now: how many and how much (fen). */
    public io.scenicpass.server.counter.store.SaleStore.Total dueTotal(Connection c) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS a FROM counter_refund"
                                + " WHERE shift_id IS NULL AND method=?",
                        rs -> new io.scenicpass.server.counter.store.SaleStore.Total(
                                null, rs.getLong("n"), rs.getLong("a")),
                        CASH)
                .orElseThrow();
    }

    /**
     * Books a cash refund DUE into a box office's shift: paid out now by its cashier; false when it is not DUE (paid out
     * already, by this or another shift). The row's update is the one place "once only" is decided.
     */
    public boolean payOut(Connection c, String id, String shiftId, String deviceId, String cashierId, Instant now)
            throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE counter_refund SET shift_id=?, device_id=?, cashier_id=?, paid_out_at=?"
                                + " WHERE id=? AND shift_id IS NULL AND method=?",
                        shiftId,
                        deviceId,
                        cashierId,
                        now.toEpochMilli(),
                        id,
                        CASH)
                == 1;
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
                BookingStore.instant(rs, "created_at"),
                rs.getString("operator"),
                BookingStore.instant(rs, "paid_out_at"));
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
