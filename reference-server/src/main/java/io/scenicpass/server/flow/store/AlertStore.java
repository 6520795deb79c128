package io.scenicpass.server.flow.store;

import io.scenicpass.server.cluster.JobLeaseStore;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Capacity alerts (one row per key, episodes), notifier deliveries and singleton job leases. */
public final class AlertStore {
    private static final JobLeaseStore LEASES = new JobLeaseStore();

    /** An alert's state. */
    public record AlertRow(
            String key,
            String scope,
            String targetId,
            int episode,
            boolean active,
            String basis,
            double levelPct,
            int capacity,
            int remaining,
            String textZh,
            String textEn,
            Instant raisedAt,
            Instant clearedAt,
            Instant updatedAt) {}

    /** A pending or finished notifier delivery. */
    public record Notification(
            long id, String eventId, String payload, String status, int attempts, Instant createdAt) {}

    public Optional<AlertRow> find(Connection c, String key) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM flow_alert WHERE alert_key=?", AlertStore::row, key);
    }

    /** Alerts ever raised: active first, then the most recently changed; at most {@code limit}. */
    public List<AlertRow> list(Connection c, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM flow_alert WHERE episode > 0 ORDER BY active DESC, updated_at DESC" + " FETCH FIRST "
                        + limit + " ROWS ONLY",
                AlertStore::row);
    }

    public long activeCount(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM flow_alert WHERE active", rs -> rs.getLong(1))
                .orElse(0L);
    }

    public void ensure(Connection c, String key, String scope, String targetId, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO flow_alert(alert_key, scope, target_id, updated_at) VALUES (?,?,?,?)"
                        + " ON CONFLICT DO NOTHING",
                key,
                scope,
                targetId,
                now.toEpochMilli());
    }

    /** Raises the alert if it is not active (compare-and-set); true when this call raised it. */
    public boolean raise(Connection c, AlertRow a, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE flow_alert SET active=TRUE, episode=episode+1, basis=?, level_pct=?, capacity=?,"
                                + " remaining=?, text_zh=?, text_en=?, raised_at=?, cleared_at=NULL, updated_at=?,"
                                + " acknowledged_by=NULL, acknowledged_at=NULL WHERE alert_key=?"
                                + " AND NOT active",
                        a.basis(),
                        a.levelPct(),
                        a.capacity(),
                        a.remaining(),
                        a.textZh(),
                        a.textEn(),
                        now.toEpochMilli(),
                        now.toEpochMilli(),
                        a.key())
                == 1;
    }

    /** Who acknowledged an alert's current episode, and when. */
    public record Acknowledgement(String key, String by, Instant at) {}

    /** Marks the active alert's episode acknowledged (first acknowledgement kept); false when it is not active. */
    public boolean acknowledge(Connection c, String key, String by, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE flow_alert SET acknowledged_by=COALESCE(acknowledged_by, ?),"
                                + " acknowledged_at=COALESCE(acknowledged_at, ?) WHERE alert_key=? AND active",
                        by,
                        now.toEpochMilli(),
                        key)
                == 1;
    }

    /** The acknowledgements of the current episodes, by alert key. */
    public java.util.Map<String, Acknowledgement> acknowledgements(Connection c) throws SQLException {
        java.util.Map<String, Acknowledgement> out = new java.util.HashMap<>();
        for (Acknowledgement a : Jdbc.list(
                c,
                "SELECT alert_key, acknowledged_by, acknowledged_at FROM flow_alert WHERE acknowledged_at IS NOT NULL",
                rs -> new Acknowledgement(
                        rs.getString("alert_key"),
                        rs.getString("acknowledged_by"),
                        Instant.ofEpochMilli(rs.getLong("acknowledged_at"))))) {
            out.put(a.key(), a);
        }
        return out;
    }

    /** Refreshes the numbers of an active alert (no new episode). */
    public void refresh(Connection c, String key, String basis, double level, int capacity, int remaining, Instant now)
            throws SQLException {
        Jdbc.update(
                c,
                "UPDATE flow_alert SET basis=?, level_pct=?, capacity=?, remaining=?, updated_at=?"
                        + " WHERE alert_key=? AND active",
                basis,
                level,
                capacity,
                remaining,
                now.toEpochMilli(),
                key);
    }

    /** Clears the alert if active (compare-and-set); true when this call cleared it. */
    public boolean clear(Connection c, String key, double level, int remaining, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE flow_alert SET active=FALSE, level_pct=?, remaining=?, cleared_at=?, updated_at=?"
                                + " WHERE alert_key=? AND active",
                        level,
                        remaining,
                        now.toEpochMilli(),
                        now.toEpochMilli(),
                        key)
                == 1;
    }

    public void addNotification(Connection c, String eventId, String payload, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO flow_notification(event_id, payload, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?,?,'PENDING',0,?,?) ON CONFLICT DO NOTHING",
                eventId,
                payload,
                now.toEpochMilli(),
                now.toEpochMilli());
    }

    public List<Notification> dueNotifications(Connection c, Instant now, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM flow_notification WHERE status='PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new Notification(
                        rs.getLong("id"),
                        rs.getString("event_id"),
                        rs.getString("payload"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))),
                now.toEpochMilli());
    }

    /** Claims a delivery by moving its next attempt to the lease end (compare-and-set on attempts). */
    public boolean claimNotification(Connection c, long id, int attempts, Instant leaseUntil) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE flow_notification SET attempts=attempts+1, next_attempt_at=? WHERE id=?"
                                + " AND attempts=? AND status='PENDING'",
                        leaseUntil.toEpochMilli(),
                        id,
                        attempts)
                == 1;
    }

    public void notificationDone(Connection c, long id, String status, Instant next, String error, Instant now)
            throws SQLException {
        Jdbc.update(
                c,
                "UPDATE flow_notification SET status=?, next_attempt_at=?, last_error=?, delivered_at=?"
                        + " WHERE id=?",
                status,
                next.toEpochMilli(),
                error == null ? null : error.substring(0, Math.min(1000, error.length())),
                "DELIVERED".equals(status) ? now.toEpochMilli() : null,
                id);
    }

    public long pendingNotifications(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM flow_notification WHERE status='PENDING'", rs -> rs.getLong(1))
                .orElse(0L);
    }

    /**
     * Takes or renews the lease of a singleton job: true when {@code owner} holds it until {@code until}
     * (see {@link JobLeaseStore#lease}).
     */
    public boolean lease(Connection c, String job, String owner, Instant now, Instant until) throws SQLException {
        return LEASES.lease(c, job, owner, now, until);
    }

    private static AlertRow row(java.sql.ResultSet rs) throws SQLException {
        return new AlertRow(
                rs.getString("alert_key"),
                rs.getString("scope"),
                rs.getString("target_id"),
                rs.getInt("episode"),
                rs.getBoolean("active"),
                rs.getString("basis"),
                rs.getDouble("level_pct"),
                rs.getInt("capacity"),
                rs.getInt("remaining"),
                rs.getString("text_zh"),
                rs.getString("text_en"),
                BookingStore.instant(rs, "raised_at"),
                BookingStore.instant(rs, "cleared_at"),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
