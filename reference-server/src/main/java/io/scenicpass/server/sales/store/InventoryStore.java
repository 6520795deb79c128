package io.scenicpass.server.sales.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Slots, daily pools and allotments. Every counter change is ONE conditional UPDATE, so the database
 * (not a JVM lock) guarantees that held + sold never exceeds capacity, even with several server processes.
 */
public final class InventoryStore {

    /** Inserts a generated slot (closed when a closure covers its day) unless it exists already. */
    public void ensureSlot(Connection c, Slot s) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO slot(id, option_id, product_id, local_date, local_start, local_end, start_at,"
                        + " end_at, capacity, held, sold, closed) VALUES (?,?,?,?,?,?,?,?,?,0,0,?) ON CONFLICT DO NOTHING",
                s.id(),
                s.optionId(),
                s.productId(),
                s.localDate(),
                s.localStart(),
                s.localEnd(),
                s.startAt().toEpochMilli(),
                s.endAt().toEpochMilli(),
                s.capacity(),
                s.closed());
    }

    public boolean hasSlots(Connection c, String optionId, LocalDate date) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT 1 FROM slot WHERE option_id=? AND local_date=? FETCH FIRST 1 ROWS ONLY",
                        rs -> 1,
                        optionId,
                        date)
                .isPresent();
    }

    public Optional<Slot> slot(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM slot WHERE id=?", InventoryStore::slot, id);
    }

    public List<Slot> slots(Connection c, String optionId, LocalDate from, LocalDate to) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM slot WHERE option_id=? AND local_date BETWEEN ? AND ? ORDER BY start_at",
                InventoryStore::slot,
                optionId,
                from,
                to);
    }

    /**
     * Locks a slot row until the transaction ends. Every path takes the counters in one order: slot rows, then
     * allotment rows, then day-pool rows, each in key order (a move locks all its rows first), so no two can deadlock.
     */
    public void lockSlot(Connection c, String slotId) throws SQLException {
        Jdbc.one(c, "SELECT id FROM slot WHERE id = ? FOR UPDATE", rs -> 1, slotId);
    }

    /** Locks a channel's allotment row on a slot, when there is one, until the transaction ends. */
    public void lockAllotment(Connection c, String slotId, String channelId) throws SQLException {
        Jdbc.one(
                c,
                "SELECT slot_id FROM allotment WHERE slot_id = ? AND channel_id = ? FOR UPDATE",
                rs -> 1,
                slotId,
                channelId);
    }

    /** Locks a day's pool row until the transaction ends (see {@link #lockSlot}). */
    public void lockDayPool(Connection c, String poolId, LocalDate date) throws SQLException {
        Jdbc.one(
                c,
                "SELECT pool_id FROM day_pool WHERE pool_id = ? AND local_date = ? FOR UPDATE",
                rs -> 1,
                poolId,
                date);
    }

    /** Atomically holds {@code n} places if they are free; false when sold out or closed. */
    public boolean tryHold(Connection c, String slotId, int n) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE slot SET held = held + ? WHERE id = ? AND NOT closed"
                                + " AND held + sold + ? <= capacity",
                        n,
                        slotId,
                        n)
                == 1;
    }

    /** Moves {@code n} places from held to sold. */
    public boolean holdToSold(Connection c, String slotId, int n) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE slot SET held = held - ?, sold = sold + ? WHERE id = ? AND held >= ?",
                        n,
                        n,
                        slotId,
                        n)
                == 1;
    }

    public boolean releaseHeld(Connection c, String slotId, int n) throws SQLException {
        return Jdbc.update(c, "UPDATE slot SET held = held - ? WHERE id = ? AND held >= ?", n, slotId, n) == 1;
    }

    public boolean releaseSold(Connection c, String slotId, int n) throws SQLException {
        return Jdbc.update(c, "UPDATE slot SET sold = sold - ? WHERE id = ? AND sold >= ?", n, slotId, n) == 1;
    }

    /** Changes capacity unless it would drop below what is held + sold; false then. */
    public boolean setCapacity(Connection c, String slotId, int capacity) throws SQLException {
        return Jdbc.update(
                        c, "UPDATE slot SET capacity = ? WHERE id = ? AND held + sold <= ?", capacity, slotId, capacity)
                == 1;
    }

    public void setClosed(Connection c, String slotId, boolean closed) throws SQLException {
        Jdbc.update(c, "UPDATE slot SET closed = ? WHERE id = ?", closed, slotId);
    }

    // ---- daily pools (e.g. the park's capacity per day, shared by all products) ----

    /** Creates the day's pool row from the pool default when missing. */
    public void ensureDayPool(Connection c, String poolId, LocalDate date) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO day_pool(pool_id, local_date, capacity, held, sold)"
                        + " SELECT pool_id, ?, capacity, 0, 0 FROM day_pool_default WHERE pool_id = ? ON CONFLICT DO NOTHING",
                date,
                poolId);
    }

    public boolean tryHoldDay(Connection c, String poolId, LocalDate date, int n) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE day_pool SET held = held + ? WHERE pool_id = ? AND local_date = ?"
                                + " AND held + sold + ? <= capacity",
                        n,
                        poolId,
                        date,
                        n)
                == 1;
    }

    public boolean dayHoldToSold(Connection c, String poolId, LocalDate date, int n) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE day_pool SET held = held - ?, sold = sold + ? WHERE pool_id = ?"
                                + " AND local_date = ? AND held >= ?",
                        n,
                        n,
                        poolId,
                        date,
                        n)
                == 1;
    }

    public boolean releaseDayHeld(Connection c, String poolId, LocalDate date, int n) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE day_pool SET held = held - ? WHERE pool_id = ? AND local_date = ? AND held >= ?",
                        n,
                        poolId,
                        date,
                        n)
                == 1;
    }

    public boolean releaseDaySold(Connection c, String poolId, LocalDate date, int n) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE day_pool SET sold = sold - ? WHERE pool_id = ? AND local_date = ? AND sold >= ?",
                        n,
                        poolId,
                        date,
                        n)
                == 1;
    }

    public boolean setDayCapacity(Connection c, String poolId, LocalDate date, int capacity) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE day_pool SET capacity = ? WHERE pool_id = ? AND local_date = ?"
                                + " AND held + sold <= ?",
                        capacity,
                        poolId,
                        date,
                        capacity)
                == 1;
    }

    /** Remaining places of the day pool, or empty when the pool has no row/default. */
    public Optional<Integer> dayRemaining(Connection c, String poolId, LocalDate date) throws SQLException {
        Optional<Integer> row = Jdbc.one(
                c,
                "SELECT capacity - held - sold AS r FROM day_pool WHERE pool_id=?" + " AND local_date=?",
                rs -> rs.getInt("r"),
                poolId,
                date);
        if (row.isPresent()) {
            return row;
        }
        return Jdbc.one(c, "SELECT capacity FROM day_pool_default WHERE pool_id=?", rs -> rs.getInt(1), poolId);
    }

    // ---- per-channel allotments on top of the shared pool ----

    public void putAllotment(Connection c, String slotId, String channelId, int capacity) throws SQLException {
        if (Jdbc.update(
                        c,
                        "UPDATE allotment SET capacity=? WHERE slot_id=? AND channel_id=? AND held + sold <= ?",
                        capacity,
                        slotId,
                        channelId,
                        capacity)
                == 0) {
            Jdbc.update(
                    c,
                    "INSERT INTO allotment(slot_id, channel_id, capacity) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                    slotId,
                    channelId,
                    capacity);
        }
    }

    /** A channel's allotment on a slot: its capacity, held and sold places, and the slot's day and start. */
    public record Allotment(String slotId, String localDate, String localStart, int capacity, int held, int sold) {}

    private static final String ALLOTMENT = "SELECT a.slot_id, s.local_date, s.local_start, a.capacity, a.held, a.sold"
            + " FROM allotment a JOIN slot s ON s.id = a.slot_id";

    /** A channel's allotments on slots of {@code from} or later, by start (at most {@code limit}). */
    public List<Allotment> allotments(Connection c, String channelId, LocalDate from, int limit) throws SQLException {
        return Jdbc.list(
                c,
                ALLOTMENT + " WHERE a.channel_id=? AND s.local_date >= ?"
                        + " ORDER BY s.start_at, a.slot_id FETCH FIRST " + limit + " ROWS ONLY",
                InventoryStore::allotment,
                channelId,
                from);
    }

    public Optional<Allotment> allotment(Connection c, String slotId, String channelId) throws SQLException {
        return Jdbc.one(
                c, ALLOTMENT + " WHERE a.slot_id=? AND a.channel_id=?", InventoryStore::allotment, slotId, channelId);
    }

    private static Allotment allotment(ResultSet rs) throws SQLException {
        return new Allotment(
                rs.getString("slot_id"),
                rs.getObject("local_date", LocalDate.class).toString(),
                rs.getString("local_start"),
                rs.getInt("capacity"),
                rs.getInt("held"),
                rs.getInt("sold"));
    }

    public boolean tryHoldAllotment(Connection c, String slotId, String channelId, int n) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE allotment SET held = held + ? WHERE slot_id = ? AND channel_id = ?"
                                + " AND held + sold + ? <= capacity",
                        n,
                        slotId,
                        channelId,
                        n)
                == 1;
    }

    public boolean allotmentHoldToSold(Connection c, String slotId, String channelId, int n) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE allotment SET held = held - ?, sold = sold + ? WHERE slot_id = ?"
                                + " AND channel_id = ? AND held >= ?",
                        n,
                        n,
                        slotId,
                        channelId,
                        n)
                == 1;
    }

    public boolean releaseAllotment(Connection c, String slotId, String channelId, int n, boolean sold)
            throws SQLException {
        String col = sold ? "sold" : "held";
        return Jdbc.update(
                        c,
                        "UPDATE allotment SET " + col + " = " + col + " - ? WHERE slot_id = ? AND channel_id = ?"
                                + " AND " + col + " >= ?",
                        n,
                        slotId,
                        channelId,
                        n)
                == 1;
    }

    public boolean allotmentExists(Connection c, String slotId, String channelId) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM allotment WHERE slot_id=? AND channel_id=?", rs -> 1, slotId, channelId)
                .isPresent();
    }

    public int allotmentRemaining(Connection c, String slotId, String channelId) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT capacity - held - sold FROM allotment WHERE slot_id=? AND channel_id=?",
                        rs -> rs.getInt(1),
                        slotId,
                        channelId)
                .orElse(0);
    }

    private static Slot slot(ResultSet rs) throws SQLException {
        return new Slot(
                rs.getString("id"),
                rs.getString("option_id"),
                rs.getString("product_id"),
                rs.getObject("local_date", LocalDate.class),
                rs.getString("local_start"),
                rs.getString("local_end"),
                Instant.ofEpochMilli(rs.getLong("start_at")),
                Instant.ofEpochMilli(rs.getLong("end_at")),
                rs.getInt("capacity"),
                rs.getInt("held"),
                rs.getInt("sold"),
                rs.getBoolean("closed"));
    }
}
