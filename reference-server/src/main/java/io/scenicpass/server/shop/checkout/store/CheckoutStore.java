package io.scenicpass.server.shop.checkout.store;

import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code shop_checkout} rows: one per shop order, changed only by compare-and-set on its state. */
public final class CheckoutStore {

    /** A checkout as stored; {@code paymentId} null until a payment starts. */
    public record CheckoutRow(
            String ref,
            long visitorId,
            String bookingId,
            String productId,
            String slotId,
            long amountFen,
            String currency,
            String paymentId,
            String method,
            SaleState state,
            Instant createdAt,
            Instant updatedAt) {}

    /** Inserts a new checkout; the same ref twice is a unique violation. */
    public void insert(Connection c, CheckoutRow r) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO shop_checkout(ref, visitor_id, booking_id, product_id, slot_id, amount_fen, currency,"
                        + " state, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                r.ref(),
                r.visitorId(),
                r.bookingId(),
                r.productId(),
                r.slotId(),
                r.amountFen(),
                r.currency(),
                r.state().name(),
                r.createdAt().toEpochMilli(),
                r.updatedAt().toEpochMilli());
    }

    public Optional<CheckoutRow> find(Connection c, String ref) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM shop_checkout WHERE ref=?", CheckoutStore::row, ref);
    }

    /** Records the payment started for a payable checkout. */
    public void setPayment(Connection c, String ref, String paymentId, String method, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE shop_checkout SET payment_id=?, method=?, updated_at=? WHERE ref=?"
                        + " AND state IN ('AWAITING_PAYMENT','DECLINED')",
                paymentId,
                method,
                now.toEpochMilli(),
                ref);
    }

    /**
     * Moves the checkout from one of {@code from} to {@code to} (with {@code paymentId} when not null: the payment
     * that claims it); true when this call made the move, so exactly one claimant wins.
     */
    public boolean transition(
            Connection c, String ref, List<SaleState> from, SaleState to, String paymentId, Instant now)
            throws SQLException {
        List<Object> args = new ArrayList<>(Arrays.asList(to.name(), paymentId, now.toEpochMilli(), ref));
        from.forEach(s -> args.add(s.name()));
        return Jdbc.update(
                        c,
                        "UPDATE shop_checkout SET state=?, payment_id=COALESCE(?, payment_id), updated_at=?"
                                + " WHERE ref=? AND state IN (" + Jdbc.marks(from.size()) + ")",
                        args.toArray())
                == 1;
    }

    /** Marks the checkout looked at now (the sweep visits the longest-unvisited open ones first). */
    public void touch(Connection c, String ref, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE shop_checkout SET updated_at=? WHERE ref=?", now.toEpochMilli(), ref);
    }

    /** Checkouts still open last changed before {@code before}, oldest first. */
    public List<CheckoutRow> open(Connection c, Instant before, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM shop_checkout WHERE state IN ('AWAITING_PAYMENT','DECLINED','CONFIRMING')"
                        + " AND updated_at < ? ORDER BY updated_at, ref LIMIT ?",
                CheckoutStore::row,
                before.toEpochMilli(),
                limit);
    }

    private static CheckoutRow row(ResultSet rs) throws SQLException {
        return new CheckoutRow(
                rs.getString("ref"),
                rs.getLong("visitor_id"),
                rs.getString("booking_id"),
                rs.getString("product_id"),
                rs.getString("slot_id"),
                rs.getLong("amount_fen"),
                rs.getString("currency"),
                rs.getString("payment_id"),
                rs.getString("method"),
                SaleState.valueOf(rs.getString("state")),
                BookingStore.instant(rs, "created_at"),
                BookingStore.instant(rs, "updated_at"));
    }
}
