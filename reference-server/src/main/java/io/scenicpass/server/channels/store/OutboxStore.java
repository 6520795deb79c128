package io.scenicpass.server.channels.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The persisted webhook outbox (written in the same transaction as the booking change). */
public final class OutboxStore {

    /** One pending or finished delivery. */
    public record Message(
            long id,
            String eventId,
            String channelId,
            String eventType,
            String payload,
            String status,
            int attempts,
            Instant nextAttemptAt,
            Instant createdAt,
            String webhookId,
            Instant redeliveredAt) {
        /** Since when failures count towards giving up: the last redelivery an operator asked for, else creation. */
        public Instant retryingSince() {
            return redeliveredAt != null ? redeliveredAt : createdAt;
        }
    }

    /** A delivery as an operator sees it (no payload: it may carry a visitor's contact). */
    public record Delivery(
            long id,
            String eventId,
            String eventType,
            String status,
            int attempts,
            Instant createdAt,
            Instant deliveredAt,
            String lastError,
            String webhookId) {}

    /** A new message, not yet stored; {@code webhookId}: an OCTO subscription's, null for the channel's webhook. */
    public record NewMessage(String eventId, String channelId, String eventType, String payload, String webhookId) {
        public NewMessage(String eventId, String channelId, String eventType, String payload) {
            this(eventId, channelId, eventType, payload, null);
        }
    }

    private static final String INSERT = "INSERT INTO outbox(event_id, channel_id, event_type, payload, status,"
            + " attempts, next_attempt_at, created_at, webhook_id) VALUES (?,?,?,?,'PENDING',0,?,?,?)";

    public void add(Connection c, String eventId, String channelId, String eventType, String payload, Instant now)
            throws SQLException {
        Jdbc.update(c, INSERT, eventId, channelId, eventType, payload, now.toEpochMilli(), now.toEpochMilli(), null);
    }

    /** Adds several messages with one JDBC batch (same transaction as the caller's change). */
    public void addAll(Connection c, List<NewMessage> messages, Instant now) throws SQLException {
        List<Object[]> rows = new java.util.ArrayList<>(messages.size());
        for (NewMessage m : messages) {
            rows.add(new Object[] {
                m.eventId(),
                m.channelId(),
                m.eventType(),
                m.payload(),
                now.toEpochMilli(),
                now.toEpochMilli(),
                m.webhookId()
            });
        }
        Jdbc.batch(c, INSERT, rows);
    }

    /**
     * Claims up to {@code limit} due messages for this node inside the caller's transaction: locks them with
     * {@code FOR UPDATE SKIP LOCKED} (rows another node is claiming right now are skipped, not waited for) and moves
     * their next attempt to {@code leaseUntil}, so no other node sees them as due until the lease ends. Returns them
     * as they were before the claim (attempts not yet incremented). On H2 claims are safe but not parallel
     * (docs/operations.md § "Why the server does what it does").
     */
    public List<Message> claimDue(Connection c, Instant now, int limit, Instant leaseUntil) throws SQLException {
        List<Message> due = Jdbc.list(
                c,
                "SELECT * FROM outbox WHERE status='PENDING' AND next_attempt_at <= ? ORDER BY id" + " FETCH FIRST "
                        + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                OutboxStore::message,
                now.toEpochMilli());
        if (!due.isEmpty()) {
            Object[] args = new Object[due.size() + 1];
            args[0] = leaseUntil.toEpochMilli();
            for (int i = 0; i < due.size(); i++) {
                args[i + 1] = due.get(i).id();
            }
            Jdbc.update(
                    c,
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id IN ("
                            + Jdbc.marks(due.size()) + ")",
                    args);
        }
        return due;
    }

    private static Message message(java.sql.ResultSet rs) throws SQLException {
        return new Message(
                rs.getLong("id"),
                rs.getString("event_id"),
                rs.getString("channel_id"),
                rs.getString("event_type"),
                rs.getString("payload"),
                rs.getString("status"),
                rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getString("webhook_id"),
                instant(rs, "redelivered_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** A channel's latest {@code limit} deliveries, newest first. */
    public List<Delivery> recent(Connection c, String channelId, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT id, event_id, event_type, status, attempts, created_at, delivered_at, last_error, webhook_id"
                        + " FROM outbox WHERE channel_id=? ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new Delivery(
                        rs.getLong("id"),
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        instant(rs, "delivered_at"),
                        rs.getString("last_error"),
                        rs.getString("webhook_id")),
                channelId);
    }

    /** How many of a channel's deliveries are in each status (PENDING, DELIVERED, FAILED). */
    public java.util.Map<String, Long> countByStatus(Connection c, String channelId) throws SQLException {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        Jdbc.list(
                        c,
                        "SELECT status, COUNT(*) AS n FROM outbox WHERE channel_id=? GROUP BY status",
                        rs -> java.util.Map.entry(rs.getString("status"), rs.getLong("n")),
                        channelId)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** A channel's FAILED delivery due again now; false when it is not a failed delivery of that channel. */
    public boolean redeliver(Connection c, String channelId, long id, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE outbox SET status='PENDING', next_attempt_at=?, redelivered_at=? WHERE id=?"
                                + " AND channel_id=? AND status='FAILED'",
                        now.toEpochMilli(),
                        now.toEpochMilli(),
                        id,
                        channelId)
                == 1;
    }

    /** The status of a channel's delivery, if it has that one. */
    public java.util.Optional<String> status(Connection c, String channelId, long id) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT status FROM outbox WHERE id=? AND channel_id=?",
                rs -> rs.getString("status"),
                id,
                channelId);
    }

    public void delivered(Connection c, long id, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE outbox SET status='DELIVERED', delivered_at=?, last_error=NULL WHERE id=?",
                now.toEpochMilli(),
                id);
    }

    public void retryLater(Connection c, long id, Instant next, String error) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE outbox SET next_attempt_at=?, last_error=? WHERE id=?",
                next.toEpochMilli(),
                error.length() > 1000 ? error.substring(0, 1000) : error,
                id);
    }

    public void failed(Connection c, long id, String error) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE outbox SET status='FAILED', last_error=? WHERE id=?",
                error.length() > 1000 ? error.substring(0, 1000) : error,
                id);
    }

    public long pendingCount(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM outbox WHERE status='PENDING'", rs -> rs.getLong(1))
                .orElse(0L);
    }
}
