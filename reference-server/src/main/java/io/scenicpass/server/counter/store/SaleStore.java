package io.scenicpass.server.counter.store;

import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code counter_sale} rows: one per sale at a kiosk or box office, changed only by compare-and-set. */
public final class SaleStore {

    /** A sale as stored; {@code paymentId} null until a provider payment starts (and for cash). */
    public record SaleRow(
            String saleId,
            String deviceId,
            String shiftId,
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

    /** Inserts a new sale; a second insert of the same sale id is a unique violation. */
    public void insert(Connection c, SaleRow s) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO counter_sale(sale_id, device_id, shift_id, booking_id, product_id, slot_id, amount_fen,"
                        + " currency, payment_id, method, state, created_at, updated_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                s.saleId(),
                s.deviceId(),
                s.shiftId(),
                s.bookingId(),
                s.productId(),
                s.slotId(),
                s.amountFen(),
                s.currency(),
                s.paymentId(),
                s.method(),
                s.state().name(),
                s.createdAt().toEpochMilli(),
                s.updatedAt().toEpochMilli());
    }

    public Optional<SaleRow> find(Connection c, String saleId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM counter_sale WHERE sale_id=?", SaleStore::row, saleId);
    }

    /** The sale of booking {@code bookingId} (a counter booking has one sale). */
    public Optional<SaleRow> byBooking(Connection c, String bookingId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM counter_sale WHERE booking_id=?", SaleStore::row, bookingId);
    }

    /** Records the payment started for a payable sale (its method and the provider payment's id). */
    public void setPayment(Connection c, String saleId, String paymentId, String method, Instant now)
            throws SQLException {
        Jdbc.update(
                c,
                "UPDATE counter_sale SET payment_id=?, method=?, updated_at=? WHERE sale_id=?"
                        + " AND state IN ('AWAITING_PAYMENT','DECLINED')",
                paymentId,
                method,
                now.toEpochMilli(),
                saleId);
    }

    /** Moves the sale from one of {@code from} to {@code to}; true when this call made the move. */
    public boolean transition(Connection c, String saleId, List<SaleState> from, SaleState to, Instant now)
            throws SQLException {
        List<Object> args = new ArrayList<>(List.of(to.name(), now.toEpochMilli(), saleId));
        from.forEach(s -> args.add(s.name()));
        return Jdbc.update(
                        c,
                        "UPDATE counter_sale SET state=?, updated_at=? WHERE sale_id=? AND state IN ("
                                + Jdbc.marks(from.size()) + ")",
                        args.toArray())
                == 1;
    }

    /**
     * A payment (or cash, {@code paymentId} null) claims the sale: one of {@code from} → CONFIRMING with the payment
     * and method; true when this call made the move (exactly one claimant wins).
     */
    public boolean claim(
            Connection c, String saleId, List<SaleState> from, String paymentId, String method, Instant now)
            throws SQLException {
        List<Object> args = new ArrayList<>(
                java.util.Arrays.asList(SaleState.CONFIRMING.name(), paymentId, method, now.toEpochMilli(), saleId));
        from.forEach(s -> args.add(s.name()));
        return Jdbc.update(
                        c,
                        "UPDATE counter_sale SET state=?, payment_id=?, method=?, updated_at=? WHERE sale_id=?"
                                + " AND state IN (" + Jdbc.marks(from.size()) + ")",
                        args.toArray())
                == 1;
    }

    /** Marks the sale looked at now (the sweep visits the longest-unvisited open sales first). */
    public void touch(Connection c, String saleId, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE counter_sale SET updated_at=? WHERE sale_id=?", now.toEpochMilli(), saleId);
    }

    /** Sales still open (awaiting payment, declined, confirming) last changed before {@code before}, oldest first. */
    public List<SaleRow> open(Connection c, Instant before, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM counter_sale WHERE state IN ('AWAITING_PAYMENT','DECLINED','CONFIRMING')"
                        + " AND updated_at < ? ORDER BY updated_at, sale_id LIMIT ?",
                SaleStore::row,
                before.toEpochMilli(),
                limit);
    }

    /** Sales created in [from, to), optionally of one device and state, newest first. */
    public List<SaleRow> list(Connection c, Instant from, Instant to, String deviceId, SaleState state, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM counter_sale WHERE created_at >= ? AND created_at < ?");
        List<Object> args = new ArrayList<>(List.of(from.toEpochMilli(), to.toEpochMilli()));
        if (deviceId != null) {
            sql.append(" AND device_id=?");
            args.add(deviceId);
        }
        if (state != null) {
            sql.append(" AND state=?");
            args.add(state.name());
        }
        sql.append(" ORDER BY created_at DESC, sale_id DESC LIMIT ?");
        args.add(limit);
        return Jdbc.list(c, sql.toString(), SaleStore::row, args.toArray());
    }

    /** A count and sum of sale amounts under one key (a device id, a payment method; null key: the total). */
    public record Total(String key, long count, long amountFen) {}

    /**
     * Sales created in [from, to) in one of {@code states}, counted and summed per {@code by} ("device_id",
     * "method", or null for one total row).
     */
    public List<Total> totals(Connection c, String by, Instant from, Instant to, List<SaleState> states)
            throws SQLException {
        if (by != null && !by.equals("device_id") && !by.equals("method")) {
            throw new IllegalArgumentException("cannot group sales by " + by);
        }
        List<Object> args = new ArrayList<>(List.of(from.toEpochMilli(), to.toEpochMilli()));
        states.forEach(st -> args.add(st.name()));
        String key = by == null ? "CAST(NULL AS VARCHAR(64))" : by;
        return Jdbc.list(
                c,
                "SELECT " + key + " AS k, COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS a FROM counter_sale"
                        + " WHERE created_at >= ? AND created_at < ? AND state IN (" + Jdbc.marks(states.size())
                        + ")" + (by == null ? "" : " GROUP BY " + by + " ORDER BY " + by),
                rs -> new Total(rs.getString("k"), rs.getLong("n"), rs.getLong("a")),
                args.toArray());
    }

    private static SaleRow row(ResultSet rs) throws SQLException {
        return new SaleRow(
                rs.getString("sale_id"),
                rs.getString("device_id"),
                rs.getString("shift_id"),
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
