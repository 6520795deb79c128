package io.scenicpass.server.counter.boxoffice.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shifts at the box office, and what the cash-up reads of them: the shift's sales ({@code counter_sale}, the counter's
 * table) and refunds ({@code counter_refund}).
 */
public final class ShiftStore {
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    /** A shift as stored; {@code reportJson}: the cash-up frozen at close (null while open). */
    public record ShiftRow(
            String id,
            String deviceId,
            String cashierId,
            String state,
            long openingFloatFen,
            Long countedCashFen,
            Instant openedAt,
            Instant closedAt,
            String reportJson) {}

    /** One sale or refund of a shift, as the cash-up counts it. */
    public record Money(String saleId, String method, long fen) {}

    public void insert(Connection c, ShiftRow s) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO counter_shift(id, device_id, open_device, cashier_id, state, opening_float_fen, opened_at)"
                        + " VALUES (?,?,?,?,?,?,?)",
                s.id(),
                s.deviceId(),
                s.deviceId(),
                s.cashierId(),
                OPEN,
                s.openingFloatFen(),
                s.openedAt().toEpochMilli());
    }

    public Optional<ShiftRow> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM counter_shift WHERE id=?", ShiftStore::row, id);
    }

    /** The shift row locked until the transaction ends (a close and a cash payment of the shift go one at a time). */
    public Optional<ShiftRow> lock(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM counter_shift WHERE id=? FOR UPDATE", ShiftStore::row, id);
    }

    public Optional<ShiftRow> open(Connection c, String deviceId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM counter_shift WHERE open_device=?", ShiftStore::row, deviceId);
    }

    /** OPEN → CLOSED with the count and the report; false when it was closed already. */
    public boolean close(Connection c, String id, long countedFen, String reportJson, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE counter_shift SET state=?, open_device=NULL, counted_cash_fen=?, report=?, closed_at=?"
                                + " WHERE id=? AND state=?",
                        CLOSED,
                        countedFen,
                        reportJson,
                        now.toEpochMilli(),
                        id,
                        OPEN)
                == 1;
    }

    /** Shifts opened in [from, to), of one device or all (null), oldest first, at most {@code limit}. */
    public List<ShiftRow> list(Connection c, Instant from, Instant to, String deviceId, int limit) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(from.toEpochMilli(), to.toEpochMilli()));
        String sql = "SELECT * FROM counter_shift WHERE opened_at >= ? AND opened_at < ?";
        if (deviceId != null) {
            sql += " AND device_id=?";
            args.add(deviceId);
        }
        args.add(limit);
        return Jdbc.list(c, sql + " ORDER BY opened_at, id LIMIT ?", ShiftStore::row, args.toArray());
    }

    /** The shift's paid sales (being confirmed, paid, or refunded: a refund is counted on its own). */
    public List<Money> sales(Connection c, String shiftId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT sale_id, method, amount_fen FROM counter_sale WHERE shift_id=? AND state IN ('CONFIRMING','PAID','REFUNDED')"
                        + " ORDER BY sale_id",
                rs -> new Money(rs.getString("sale_id"), rs.getString("method"), rs.getLong("amount_fen")),
                shiftId);
    }

    /** The refunds paid out in the shift. */
    public List<Money> refunds(Connection c, String shiftId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT sale_id, method, amount_fen FROM counter_refund WHERE shift_id=? ORDER BY id",
                rs -> new Money(rs.getString("sale_id"), rs.getString("method"), rs.getLong("amount_fen")),
                shiftId);
    }

    private static ShiftRow row(ResultSet rs) throws SQLException {
        return new ShiftRow(
                rs.getString("id"),
                rs.getString("device_id"),
                rs.getString("cashier_id"),
                rs.getString("state"),
                rs.getLong("opening_float_fen"),
                Jdbc.longOrNull(rs, "counted_cash_fen"),
                BookingStore.instant(rs, "opened_at"),
                BookingStore.instant(rs, "closed_at"),
                rs.getString("report"));
    }
}
