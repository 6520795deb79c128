package io.scenicpass.server.payments.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.payments.Money;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.Payment.State;
import io.scenicpass.server.payments.PaymentProvider.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Payments, refunds and provider calls. State changes are conditional updates: the row count says who won. */
public final class PaymentStore {

    /** One refund as stored; id is the provider's out_refund_no. */
    public record RefundRow(
            String id, String paymentId, long amountFen, String reason, String state, Instant createdAt) {}

    /** One provider call of the audit trail. */
    public record CallRow(
            String paymentId,
            String provider,
            String operation,
            String outcome,
            String code,
            Instant at,
            long millis) {}

    /** Inserts a new PENDING payment holding the order's live reference (unique: a second one fails with 23505). */
    public void insert(Connection c, Payment p) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO payment(id, order_ref, live_ref, provider, method, amount_fen, currency, description,"
                        + " state, created_at, updated_at, expires_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                p.id(),
                p.orderRef(),
                p.orderRef(),
                p.provider(),
                p.method().name(),
                p.amount().fen(),
                p.amount().currency(),
                p.description(),
                p.state().name(),
                p.createdAt().toEpochMilli(),
                p.updatedAt().toEpochMilli(),
                p.expiresAt().toEpochMilli());
    }

    public Optional<Payment> get(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM payment WHERE id=?", PaymentStore::row, id);
    }

    /** The order's live payment (not failed), if any. */
    public Optional<Payment> live(Connection c, String orderRef) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM payment WHERE live_ref=?", PaymentStore::row, orderRef);
    }

    /** Payments by order reference and/or state (null: any), newest first, at most {@code limit}. */
    public List<Payment> list(Connection c, String orderRef, State state, int limit) throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        if (orderRef != null) {
            where.append(" AND order_ref=?");
            args.add(orderRef);
        }
        if (state != null) {
            where.append(" AND state=?");
            args.add(state.name());
        }
        args.add(limit);
        return Jdbc.list(
                c,
                "SELECT * FROM payment" + where + " ORDER BY created_at DESC, id DESC LIMIT ?",
                PaymentStore::row,
                args.toArray());
    }

    /** Open payments (see {@link State#open()}) last touched at or before {@code before}, oldest first. */
    public List<Payment> due(Connection c, Instant before, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM payment WHERE state IN ('PENDING','ABANDONED','LATE') AND updated_at<=?"
                        + " ORDER BY updated_at, id LIMIT ?",
                PaymentStore::row,
                before.toEpochMilli(),
                limit);
    }

    /** Moves {@code from} → {@code to}; true if this call made the move (false: another state already). */
    public boolean transition(
            Connection c, String id, State from, State to, String providerTx, String code, Instant now)
            throws SQLException {
        boolean done = to == State.SUCCEEDED || to == State.LATE;
        return Jdbc.update(
                        c,
                        "UPDATE payment SET state=?, provider_tx=COALESCE(?, provider_tx),"
                                + " failure_code=COALESCE(?, failure_code), updated_at=?,"
                                + " completed_at=CASE WHEN ? THEN ? ELSE completed_at END,"
                                + " live_ref=CASE WHEN ? THEN NULL ELSE live_ref END WHERE id=? AND state=?",
                        to.name(),
                        providerTx,
                        code,
                        now.toEpochMilli(),
                        done,
                        now.toEpochMilli(),
                        to == State.FAILED,
                        id,
                        from.name())
                == 1;
    }

    public void setCodeUrl(Connection c, String id, String codeUrl, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE payment SET code_url=?, updated_at=? WHERE id=?", codeUrl, now.toEpochMilli(), id);
    }

    /** Marks an open payment as checked now (the reconciler looks again a while later). */
    public void touch(Connection c, String id, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE payment SET updated_at=? WHERE id=?", now.toEpochMilli(), id);
    }

    /**
     * Reserves {@code fen} of the payment for a refund: only if paid (SUCCEEDED or LATE) and the refunds stay within
     * its amount. True if reserved.
     */
    public boolean reserveRefund(Connection c, String id, long fen, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE payment SET refunded_fen=refunded_fen+?, updated_at=? WHERE id=?"
                                + " AND state IN ('SUCCEEDED','LATE') AND refunded_fen+?<=amount_fen",
                        fen,
                        now.toEpochMilli(),
                        id,
                        fen)
                == 1;
    }

    /** Gives back a reservation whose refund the provider refused. */
    public void releaseRefund(Connection c, String id, long fen, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE payment SET refunded_fen=refunded_fen-?, updated_at=? WHERE id=?",
                fen,
                now.toEpochMilli(),
                id);
    }

    /** A fully refunded payment becomes REFUNDED (from SUCCEEDED or LATE). */
    public void markRefundedIfFull(Connection c, String id, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE payment SET state='REFUNDED', updated_at=? WHERE id=? AND refunded_fen=amount_fen"
                        + " AND state IN ('SUCCEEDED','LATE')",
                now.toEpochMilli(),
                id);
    }

    public void insertRefund(Connection c, RefundRow r) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO payment_refund(id, payment_id, amount_fen, reason, state, created_at, updated_at)"
                        + " VALUES (?,?,?,?,?,?,?)",
                r.id(),
                r.paymentId(),
                r.amountFen(),
                r.reason(),
                r.state(),
                r.createdAt().toEpochMilli(),
                r.createdAt().toEpochMilli());
    }

    public void settleRefund(Connection c, String id, String state, String providerRefundId, Instant now)
            throws SQLException {
        Jdbc.update(
                c,
                "UPDATE payment_refund SET state=?, provider_refund_id=COALESCE(?, provider_refund_id), updated_at=?"
                        + " WHERE id=?",
                state,
                providerRefundId,
                now.toEpochMilli(),
                id);
    }

    public Optional<RefundRow> refund(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM payment_refund WHERE id=?", PaymentStore::refundRow, id);
    }

    public List<RefundRow> refunds(Connection c, String paymentId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM payment_refund WHERE payment_id=? ORDER BY created_at, id",
                PaymentStore::refundRow,
                paymentId);
    }

    public void recordCall(Connection c, CallRow r) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO payment_call(payment_id, provider, operation, outcome, provider_code, at, millis)"
                        + " VALUES (?,?,?,?,?,?,?)",
                r.paymentId(),
                r.provider(),
                r.operation(),
                r.outcome(),
                r.code(),
                r.at().toEpochMilli(),
                r.millis());
    }

    public List<CallRow> calls(Connection c, String paymentId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM payment_call WHERE payment_id=? ORDER BY seq",
                rs -> new CallRow(
                        rs.getString("payment_id"),
                        rs.getString("provider"),
                        rs.getString("operation"),
                        rs.getString("outcome"),
                        rs.getString("provider_code"),
                        Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getLong("millis")),
                paymentId);
    }

    private static RefundRow refundRow(ResultSet rs) throws SQLException {
        return new RefundRow(
                rs.getString("id"),
                rs.getString("payment_id"),
                rs.getLong("amount_fen"),
                rs.getString("reason"),
                rs.getString("state"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static Payment row(ResultSet rs) throws SQLException {
        Long completed = Jdbc.longOrNull(rs, "completed_at");
        return new Payment(
                rs.getString("id"),
                rs.getString("order_ref"),
                rs.getString("provider"),
                Method.valueOf(rs.getString("method")),
                new Money(rs.getLong("amount_fen"), rs.getString("currency")),
                rs.getString("description"),
                State.valueOf(rs.getString("state")),
                rs.getString("code_url"),
                rs.getString("provider_tx"),
                rs.getString("failure_code"),
                rs.getLong("refunded_fen"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                completed == null ? null : Instant.ofEpochMilli(completed),
                Instant.ofEpochMilli(rs.getLong("expires_at")));
    }
}
