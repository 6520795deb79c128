package io.scenicpass.server.counter.offline.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per-device allotments on slots ({@code counter_allotment}). The unsold part is held in the slot's counters by
 * {@code AllotmentService}; here only the device's own row: what it may sell, what it has synced as sold.
 */
public final class AllotmentStore {
    /** One device's allotment on one slot: {@code quantity} places reserved, {@code sold} of them synced as sold. */
    public record Row(String deviceId, String slotId, int quantity, int sold, Instant updatedAt) {
        public int unsold() {
            return quantity - sold;
        }
    }

    /** The row, locked until the transaction ends (see InventoryStore#lockSlot for the lock order). */
    public Optional<Row> lock(Connection c, String deviceId, String slotId) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT * FROM counter_allotment WHERE device_id = ? AND slot_id = ? FOR UPDATE",
                AllotmentStore::row,
                deviceId,
                slotId);
    }

    /** Sets the quantity (inserting the row when missing); the caller checked it is not below {@code sold}. */
    public void put(Connection c, String deviceId, String slotId, int quantity, Instant now) throws SQLException {
        if (Jdbc.update(
                        c,
                        "UPDATE counter_allotment SET quantity = ?, updated_at = ? WHERE device_id = ? AND slot_id = ?",
                        quantity,
                        now.toEpochMilli(),
                        deviceId,
                        slotId)
                == 0) {
            Jdbc.update(
                    c,
                    "INSERT INTO counter_allotment(device_id, slot_id, quantity, sold, updated_at) VALUES (?,?,?,0,?)",
                    deviceId,
                    slotId,
                    quantity,
                    now.toEpochMilli());
        }
    }

    /** Counts {@code n} more places sold, unless that would exceed the allotment: false then. */
    public boolean trySell(Connection c, String deviceId, String slotId, int n, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE counter_allotment SET sold = sold + ?, updated_at = ? WHERE device_id = ? AND slot_id = ?"
                                + " AND sold + ? <= quantity",
                        n,
                        now.toEpochMilli(),
                        deviceId,
                        slotId,
                        n)
                == 1;
    }

    /** Every allotment (the admin list), by device and slot. */
    public List<Row> all(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM counter_allotment ORDER BY device_id, slot_id", AllotmentStore::row);
    }

    /** One device's allotments on slots ending after {@code after}, by slot. */
    public List<Row> ofDevice(Connection c, String deviceId, Instant after) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT a.* FROM counter_allotment a JOIN slot s ON s.id = a.slot_id WHERE a.device_id = ?"
                        + " AND s.end_at > ? ORDER BY s.start_at, a.slot_id",
                AllotmentStore::row,
                deviceId,
                after.toEpochMilli());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("device_id"),
                rs.getString("slot_id"),
                rs.getInt("quantity"),
                rs.getInt("sold"),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
