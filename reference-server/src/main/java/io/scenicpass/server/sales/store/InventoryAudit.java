package io.scenicpass.server.sales.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inventory counters checked against the bookings they stand for. For every slot, channel allotment and daily
 * pool: {@code held} = the places of its bookings ON_HOLD, {@code sold} = those of its bookings CONFIRMED or REDEEMED
 * (a slot counts {@code quantity - from_allotment}, an allotment {@code from_allotment}, a daily pool {@code
 * quantity}). Every status change moves the counters in the same transaction, so outside a transaction they agree.
 * A slot's and a daily pool's {@code held} also count the unsold places of the box offices' allotments
 * ({@code counter_allotment}, see {@code counter.offline.AllotmentService}): reserved, not yet sold.
 */
public final class InventoryAudit {
    /** Which counter row: a slot, a channel's allotment on a slot, or a daily pool on a date. */
    public enum Kind {
        SLOT,
        ALLOTMENT,
        DAY_POOL
    }

    /**
     * A counter row whose counters differ from the sums over its bookings. {@code key} is the slot id, the slot id and
     * channel id, or the pool id and local date.
     */
    public record Drift(
            Kind kind, List<String> key, int capacity, int held, int sold, int expectedHeld, int expectedSold) {
        /** Held + sold as the bookings count them, when above the row's capacity (the repair raises it). */
        public boolean overCapacity() {
            return expectedHeld + expectedSold > capacity;
        }
    }

    private static final String HELD = "COALESCE(SUM(CASE WHEN b.status = 'ON_HOLD' THEN %s END), 0)";
    private static final String SOLD = "COALESCE(SUM(CASE WHEN b.status IN ('CONFIRMED','REDEEMED') THEN %s END), 0)";
    private static final String SLOT_PLACES = "b.quantity - b.from_allotment";

    /** The unsold places of device allotments, by slot (ca) and by daily pool and date (cd). */
    private static final String RESERVED_BY_SLOT = " LEFT JOIN (SELECT slot_id, SUM(quantity - sold) AS r"
            + " FROM counter_allotment GROUP BY slot_id) ca ON ca.slot_id = s.id";

    private static final String RESERVED_BY_DAY = " LEFT JOIN (SELECT p.day_pool AS pool_id, s.local_date,"
            + " SUM(a.quantity - a.sold) AS r FROM counter_allotment a JOIN slot s ON s.id = a.slot_id"
            + " JOIN product p ON p.id = s.product_id WHERE p.day_pool IS NOT NULL GROUP BY p.day_pool, s.local_date)"
            + " cd ON cd.pool_id = d.pool_id AND cd.local_date = d.local_date";

    private static final String SLOTS = "SELECT s.id, s.capacity, s.held, s.sold, " + HELD.formatted(SLOT_PLACES)
            + reserved("s") + " AS eh, " + SOLD.formatted(SLOT_PLACES) + " AS es FROM slot s" + RESERVED_BY_SLOT
            + " LEFT JOIN booking b ON b.slot_id = s.id";
    private static final String ALLOTMENTS = "SELECT a.slot_id, a.channel_id, a.capacity, a.held, a.sold, "
            + HELD.formatted("b.from_allotment") + " AS eh, " + SOLD.formatted("b.from_allotment") + " AS es"
            + " FROM allotment a LEFT JOIN booking b ON b.slot_id = a.slot_id AND b.channel_id = a.channel_id";
    private static final String DAY_POOLS = "SELECT d.pool_id, d.local_date, d.capacity, d.held, d.sold, "
            + HELD.formatted("b.quantity") + reserved("d") + " AS eh, " + SOLD.formatted("b.quantity") + " AS es"
            + " FROM day_pool d" + RESERVED_BY_DAY
            + " LEFT JOIN booking b ON b.pool_id = d.pool_id AND b.local_date = d.local_date";

    /** Every counter row that disagrees with its bookings (a plain read: under live traffic, recheck with a lock). */
    public List<Drift> drift(Connection c) throws SQLException {
        List<Drift> out = new ArrayList<>();
        out.addAll(Jdbc.list(
                c,
                SLOTS + " GROUP BY s.id, s.capacity, s.held, s.sold" + differs("s"),
                rs -> drift(Kind.SLOT, List.of(rs.getString(1)), rs, 2)));
        out.addAll(Jdbc.list(
                c,
                ALLOTMENTS + " GROUP BY a.slot_id, a.channel_id, a.capacity, a.held, a.sold" + differs("a"),
                rs -> drift(Kind.ALLOTMENT, List.of(rs.getString(1), rs.getString(2)), rs, 3)));
        out.addAll(Jdbc.list(
                c,
                DAY_POOLS + " GROUP BY d.pool_id, d.local_date, d.capacity, d.held, d.sold" + differs("d"),
                rs -> drift(
                        Kind.DAY_POOL,
                        List.of(
                                rs.getString(1),
                                rs.getObject(2, LocalDate.class).toString()),
                        rs,
                        3)));
        return out;
    }

    /**
     * Locks one counter row ({@code FOR UPDATE}) and compares it with its bookings, inside the caller's transaction.
     * Every booking status change moves this row in its own transaction, so once the row is locked the committed
     * bookings are exactly what it must count: a change that already moved the row has committed (we waited for its
     * lock), one that has not yet moved it will apply its delta after us. Empty when the row agrees (or is gone).
     */
    public Optional<Drift> lockAndCheck(Connection c, Kind kind, List<String> key) throws SQLException {
        switch (kind) {
            case SLOT:
                if (Jdbc.one(c, "SELECT id FROM slot WHERE id = ? FOR UPDATE", rs -> 1, key.get(0))
                        .isEmpty()) {
                    return Optional.empty();
                }
                return Jdbc.one(
                        c,
                        SLOTS + " WHERE s.id = ? GROUP BY s.id, s.capacity, s.held, s.sold" + differs("s"),
                        rs -> drift(kind, key, rs, 2),
                        key.get(0));
            case ALLOTMENT:
                if (Jdbc.one(
                                c,
                                "SELECT slot_id FROM allotment WHERE slot_id = ? AND channel_id = ? FOR UPDATE",
                                rs -> 1,
                                key.get(0),
                                key.get(1))
                        .isEmpty()) {
                    return Optional.empty();
                }
                return Jdbc.one(
                        c,
                        ALLOTMENTS + " WHERE a.slot_id = ? AND a.channel_id = ?"
                                + " GROUP BY a.slot_id, a.channel_id, a.capacity, a.held, a.sold" + differs("a"),
                        rs -> drift(kind, key, rs, 3),
                        key.get(0),
                        key.get(1));
            default:
                LocalDate date = LocalDate.parse(key.get(1));
                if (Jdbc.one(
                                c,
                                "SELECT pool_id FROM day_pool WHERE pool_id = ? AND local_date = ? FOR UPDATE",
                                rs -> 1,
                                key.get(0),
                                date)
                        .isEmpty()) {
                    return Optional.empty();
                }
                return Jdbc.one(
                        c,
                        DAY_POOLS + " WHERE d.pool_id = ? AND d.local_date = ?"
                                + " GROUP BY d.pool_id, d.local_date, d.capacity, d.held, d.sold" + differs("d"),
                        rs -> drift(kind, key, rs, 3),
                        key.get(0),
                        date);
        }
    }

    /** Sets a row's counters to what its bookings count (raising its capacity when they need more), in the caller's tx. */
    public void repair(Connection c, Drift d) throws SQLException {
        String set = "SET held = ?, sold = ?, capacity = ?";
        int capacity = Math.max(d.capacity(), d.expectedHeld() + d.expectedSold());
        switch (d.kind()) {
            case SLOT:
                Jdbc.update(
                        c,
                        "UPDATE slot " + set + " WHERE id = ?",
                        d.expectedHeld(),
                        d.expectedSold(),
                        capacity,
                        d.key().get(0));
                break;
            case ALLOTMENT:
                Jdbc.update(
                        c,
                        "UPDATE allotment " + set + " WHERE slot_id = ? AND channel_id = ?",
                        d.expectedHeld(),
                        d.expectedSold(),
                        capacity,
                        d.key().get(0),
                        d.key().get(1));
                break;
            default:
                Jdbc.update(
                        c,
                        "UPDATE day_pool " + set + " WHERE pool_id = ? AND local_date = ?",
                        d.expectedHeld(),
                        d.expectedSold(),
                        capacity,
                        d.key().get(0),
                        LocalDate.parse(d.key().get(1)));
        }
    }

    private static String differs(String t) {
        return " HAVING " + t + ".held <> " + HELD.formatted(places(t)) + reserved(t) + " OR " + t + ".sold <> "
                + SOLD.formatted(places(t));
    }

    /** The allotment places a slot ("s") or a daily pool ("d") holds besides its bookings' (one row per group). */
    private static String reserved(String t) {
        return t.equals("s") ? " + COALESCE(MAX(ca.r), 0)" : t.equals("d") ? " + COALESCE(MAX(cd.r), 0)" : "";
    }

    private static String places(String t) {
        return t.equals("s") ? SLOT_PLACES : t.equals("a") ? "b.from_allotment" : "b.quantity";
    }

    private static Drift drift(Kind kind, List<String> key, java.sql.ResultSet rs, int capacityColumn)
            throws SQLException {
        return new Drift(
                kind,
                key,
                rs.getInt(capacityColumn),
                rs.getInt(capacityColumn + 1),
                rs.getInt(capacityColumn + 2),
                rs.getInt("eh"),
                rs.getInt("es"));
    }
}
