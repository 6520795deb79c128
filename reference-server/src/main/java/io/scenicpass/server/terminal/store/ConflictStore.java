package io.scenicpass.server.terminal.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Over-use conflicts ({@code overuse_conflict}): admissions beyond a pass's allowance, for the operator. */
public final class ConflictStore {

    /** An over-use conflict for the operator. */
    public record Conflict(
            long id,
            String eventId,
            String passId,
            String deviceId,
            String gateId,
            Instant entryTime,
            String priorEventId,
            String priorGateId,
            Instant priorEntryTime,
            int allowed,
            Instant detectedAt) {}

    private static final String INSERT = "INSERT INTO overuse_conflict(event_id, pass_id, device_id, gate_id,"
            + " entry_time, prior_event_id, prior_gate_id, prior_entry_time, allowed, detected_at) VALUES"
            + " (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";

    /** Records conflicts in the order given, one JDBC batch (an event already recorded is skipped). */
    public void insertAll(Connection c, List<Conflict> conflicts) throws SQLException {
        List<Object[]> rows = new ArrayList<>(conflicts.size());
        for (Conflict k : conflicts) {
            rows.add(new Object[] {
                k.eventId(),
                k.passId(),
                k.deviceId(),
                k.gateId(),
                k.entryTime().toEpochMilli(),
                k.priorEventId(),
                k.priorGateId(),
                BookingStore.millis(k.priorEntryTime()),
                k.allowed(),
                k.detectedAt().toEpochMilli()
            });
        }
        Jdbc.batch(c, INSERT, rows);
    }

    /** The latest conflicts, newest first, at most {@code limit}. */
    public List<Conflict> list(Connection c, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM overuse_conflict ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new Conflict(
                        rs.getLong("id"),
                        rs.getString("event_id"),
                        rs.getString("pass_id"),
                        rs.getString("device_id"),
                        rs.getString("gate_id"),
                        BookingStore.instant(rs, "entry_time"),
                        rs.getString("prior_event_id"),
                        rs.getString("prior_gate_id"),
                        BookingStore.instant(rs, "prior_entry_time"),
                        rs.getInt("allowed"),
                        BookingStore.instant(rs, "detected_at")));
    }
}
