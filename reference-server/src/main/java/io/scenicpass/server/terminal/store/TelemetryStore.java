package io.scenicpass.server.terminal.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Terminal telemetry: every reading ({@code telemetry}) and the latest per device, sensor and kind. */
public final class TelemetryStore {

    /** One telemetry reading as stored. */
    public record Reading(
            String deviceId, String sensor, String kind, double value, String unit, String detail, Instant time) {}

    /** Stores readings (history) and keeps the latest value per device, sensor and kind. */
    public void insert(Connection c, List<Reading> readings, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry(device_id, sensor, kind, reading_value,"
                + " unit, detail, reading_time, received_at) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Reading r : readings) {
                ps.setString(1, r.deviceId());
                ps.setString(2, r.sensor());
                ps.setString(3, r.kind());
                ps.setDouble(4, r.value());
                ps.setString(5, r.unit());
                ps.setString(6, r.detail());
                ps.setLong(7, r.time().toEpochMilli());
                ps.setLong(8, now.toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (Reading r : readings) {
            int n = Jdbc.update(
                    c,
                    "UPDATE telemetry_latest SET reading_value=?, unit=?, detail=?, reading_time=?"
                            + " WHERE device_id=? AND sensor=? AND kind=? AND reading_time <= ?",
                    r.value(),
                    r.unit(),
                    r.detail(),
                    r.time().toEpochMilli(),
                    r.deviceId(),
                    r.sensor(),
                    r.kind(),
                    r.time().toEpochMilli());
            if (n == 0) {
                Jdbc.update(
                        c,
                        "INSERT INTO telemetry_latest(device_id, sensor, kind, reading_value, unit, detail,"
                                + " reading_time) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                        r.deviceId(),
                        r.sensor(),
                        r.kind(),
                        r.value(),
                        r.unit(),
                        r.detail(),
                        r.time().toEpochMilli());
            }
        }
    }

    /** Latest reading per device, sensor and kind (all devices when {@code deviceId} is null). */
    public List<Reading> latest(Connection c, String deviceId) throws SQLException {
        if (deviceId == null) {
            return Jdbc.list(
                    c, "SELECT * FROM telemetry_latest ORDER BY device_id, sensor, kind", TelemetryStore::reading);
        }
        return Jdbc.list(
                c,
                "SELECT * FROM telemetry_latest WHERE device_id=? ORDER BY sensor, kind",
                TelemetryStore::reading,
                deviceId);
    }

    /** A device's readings since {@code from}, oldest first, at most {@code limit}. */
    public List<Reading> history(Connection c, String deviceId, Instant from, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM telemetry WHERE device_id=? AND reading_time >= ? ORDER BY reading_time, id"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                TelemetryStore::reading,
                deviceId,
                from.toEpochMilli());
    }

    private static Reading reading(ResultSet rs) throws SQLException {
        return new Reading(
                rs.getString("device_id"),
                rs.getString("sensor"),
                rs.getString("kind"),
                rs.getDouble("reading_value"),
                rs.getString("unit"),
                rs.getString("detail"),
                Instant.ofEpochMilli(rs.getLong("reading_time")));
    }
}
