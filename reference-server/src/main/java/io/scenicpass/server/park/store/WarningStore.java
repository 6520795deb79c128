package io.scenicpass.server.park.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code park_warning}: one row per warning to a day's visitors, sent once (claimed, then marked sent). */
public final class WarningStore {
    /** A warning waiting to go (or gone, {@code sentAt} set). */
    public record Row(String key, LocalDate day, String kind, String fields, int attempts, Instant sentAt) {}

    /** Adds the warning unless one with the key exists; true when added now. */
    public boolean add(Connection c, String key, LocalDate day, String kind, String fields, Instant now)
            throws SQLException {
        return Jdbc.update(
                        c,
                        "INSERT INTO park_warning(warning_key, visit_day, kind, fields, attempts, next_attempt_at,"
                                + " created_at) VALUES (?,?,?,?,0,?,?) ON CONFLICT DO NOTHING",
                        key,
                        day,
                        kind,
                        fields,
                        now.toEpochMilli(),
                        now.toEpochMilli())
                == 1;
    }

    /** Unsent warnings whose next attempt is due, for days from {@code today} on (a past day's are left). */
    public List<Row> due(Connection c, Instant now, LocalDate today, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT warning_key, visit_day, kind, fields, attempts, sent_at FROM park_warning WHERE sent_at IS NULL"
                        + " AND next_attempt_at <= ? AND visit_day >= ? ORDER BY created_at, warning_key FETCH FIRST "
                        + limit + " ROWS ONLY",
                WarningStore::row,
                now.toEpochMilli(),
                today);
    }

    /** Claims an attempt until {@code leaseEnd} (compare-and-set on attempts): only one node sends it. */
    public boolean claim(Connection c, String key, int attempts, Instant leaseEnd) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE park_warning SET attempts=attempts+1, next_attempt_at=? WHERE warning_key=?"
                                + " AND attempts=? AND sent_at IS NULL",
                        leaseEnd.toEpochMilli(),
                        key,
                        attempts)
                == 1;
    }

    public void sent(Connection c, String key, Instant now) throws SQLException {
        Jdbc.update(
                c, "UPDATE park_warning SET sent_at=?, last_error=NULL WHERE warning_key=?", now.toEpochMilli(), key);
    }

    public void failed(Connection c, String key, String error, Instant retryAt) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE park_warning SET last_error=?, next_attempt_at=? WHERE warning_key=?",
                error.length() > 1000 ? error.substring(0, 1000) : error,
                retryAt.toEpochMilli(),
                key);
    }

    /** Drops the unsent warnings of a deleted notice. */
    public void dropUnsent(Connection c, String keyPrefix) throws SQLException {
        Jdbc.update(c, "DELETE FROM park_warning WHERE warning_key LIKE ? AND sent_at IS NULL", keyPrefix + "%");
    }

    public List<Row> all(Connection c) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT warning_key, visit_day, kind, fields, attempts, sent_at FROM park_warning ORDER BY created_at,"
                        + " warning_key",
                WarningStore::row);
    }

    private static Row row(java.sql.ResultSet rs) throws SQLException {
        Long sent = Jdbc.longOrNull(rs, "sent_at");
        return new Row(
                rs.getString(1),
                rs.getObject(2, LocalDate.class),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                sent == null ? null : Instant.ofEpochMilli(sent));
    }
}
