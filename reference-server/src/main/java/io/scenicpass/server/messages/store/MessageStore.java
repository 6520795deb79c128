package io.scenicpass.server.messages.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.Way;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox of visitor messages and the visitors' choices ({@code message_outbox}, {@code message_choice}). */
public final class MessageStore {
    /** Where a message is: waiting (first try or retry), sent, given up, or not sent (unsubscribed, no address). */
    public enum State {
        PENDING,
        SENT,
        FAILED,
        SKIPPED
    }

    /** An outbox row; {@code fields}: ciphertext, null once the row is final. */
    public record Row(
            String id, long visitorId, MessageKind kind, String fields, State state, int attempts, Instant createdAt) {}

    /** Adds a PENDING row due now; false when {@code dedupeKey} (nullable) was used already. */
    public boolean add(
            Connection c, String id, long visitorId, MessageKind kind, String dedupeKey, String fields, Instant now)
            throws SQLException {
        return Jdbc.update(
                        c,
                        "INSERT INTO message_outbox(id, visitor_id, kind, dedupe_key, fields, state, attempts, next_at,"
                                + " created_at) VALUES (?,?,?,?,?,'PENDING',0,?,?) ON CONFLICT DO NOTHING",
                        id,
                        visitorId,
                        kind.name(),
                        dedupeKey,
                        fields,
                        now.toEpochMilli(),
                        now.toEpochMilli())
                == 1;
    }

    /** The ids of PENDING rows due at {@code now}, oldest first. */
    public List<String> due(Connection c, Instant now, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT id FROM message_outbox WHERE state = 'PENDING' AND next_at <= ? ORDER BY next_at LIMIT ?",
                rs -> rs.getString(1),
                now.toEpochMilli(),
                limit);
    }

    /**
     * Claims a due row for one attempt: moves its next try to {@code until}, so no other sender (a request, the job
     * on another node) takes it meanwhile. True when this caller has it.
     */
    public boolean claim(Connection c, String id, Instant now, Instant until) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE message_outbox SET next_at = ? WHERE id = ? AND state = 'PENDING' AND next_at <= ?",
                        until.toEpochMilli(),
                        id,
                        now.toEpochMilli())
                == 1;
    }

    public Optional<Row> get(Connection c, String id) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT id, visitor_id, kind, fields, state, attempts, created_at FROM message_outbox WHERE id = ?",
                MessageStore::row,
                id);
    }

    /** The outcome of an attempt: a final state (fields erased) or PENDING again at {@code nextAt}. */
    public void attempted(Connection c, String id, State state, Way way, Instant nextAt, String error, Instant now)
            throws SQLException {
        boolean last = state != State.PENDING;
        Jdbc.update(
                c,
                "UPDATE message_outbox SET state = ?, way = ?, attempts = attempts + ?, next_at = ?, last_error = ?,"
                        + " done_at = ?" + (last ? ", fields = NULL" : "") + " WHERE id = ?",
                state.name(),
                way == null ? null : way.name(),
                state == State.SKIPPED ? 0 : 1,
                nextAt.toEpochMilli(),
                error == null ? null : error.substring(0, Math.min(200, error.length())),
                last ? now.toEpochMilli() : null,
                id);
    }

    /** Deletes final rows done before {@code before}; returns how many. */
    public int purge(Connection c, Instant before) throws SQLException {
        return Jdbc.update(
                c, "DELETE FROM message_outbox WHERE state <> 'PENDING' AND done_at < ?", before.toEpochMilli());
    }

    /** How many rows wait in each state (the gauge, the tests). */
    public Map<State, Integer> counts(Connection c) throws SQLException {
        Map<State, Integer> m = new HashMap<>();
        for (State s : State.values()) {
            m.put(s, 0);
        }
        Jdbc.list(c, "SELECT state, COUNT(*) FROM message_outbox GROUP BY state", rs -> {
            m.put(State.valueOf(rs.getString(1)), rs.getInt(2));
            return null;
        });
        return m;
    }

    /** The visitor's choice for a kind and way; empty when never chosen (the default applies). */
    public Optional<Boolean> choice(Connection c, long visitorId, MessageKind kind, Way way) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT enabled FROM message_choice WHERE visitor_id = ? AND kind = ? AND way = ?",
                rs -> rs.getBoolean(1),
                visitorId,
                kind.name(),
                way.name());
    }

    /** Sets the visitor's choice for a kind and way. */
    public void choose(Connection c, long visitorId, MessageKind kind, Way way, boolean enabled, Instant now)
            throws SQLException {
        if (Jdbc.update(
                        c,
                        "UPDATE message_choice SET enabled = ?, updated_at = ? WHERE visitor_id = ? AND kind = ?"
                                + " AND way = ?",
                        enabled,
                        now.toEpochMilli(),
                        visitorId,
                        kind.name(),
                        way.name())
                == 0) {
            Jdbc.update(
                    c,
                    "INSERT INTO message_choice(visitor_id, kind, way, enabled, updated_at) VALUES (?,?,?,?,?)"
                            + " ON CONFLICT DO NOTHING",
                    visitorId,
                    kind.name(),
                    way.name(),
                    enabled,
                    now.toEpochMilli());
        }
    }

    /** The visitors with a sold shop booking for {@code day} (once each). */
    public List<Long> visitorsOf(Connection c, LocalDate day) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT DISTINCT o.visitor_id FROM shop_order o JOIN booking b ON b.uuid = o.booking_id"
                        + " WHERE b.local_date = ? AND b.status IN ('CONFIRMED', 'REDEEMED') ORDER BY o.visitor_id",
                rs -> rs.getLong(1),
                java.sql.Date.valueOf(day));
    }

    /** The shop visitor who owns a booking, if it was sold by the shop. */
    public Optional<Long> ownerOf(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.one(c, "SELECT visitor_id FROM shop_order WHERE booking_id = ?", rs -> rs.getLong(1), bookingUuid);
    }

    /** A shop booking as its messages tell it: owner, product, visit day and start, the park's zone. */
    public record ShopBooking(
            String uuid,
            long visitorId,
            String status,
            String product,
            LocalDate date,
            Instant startAt,
            String timeZone,
            Instant confirmedAt) {}

    private static final String SHOP_BOOKING = "SELECT b.uuid, o.visitor_id, b.status, p.internal_name, b.local_date,"
            + " s.start_at, p.time_zone, b.confirmed_at FROM shop_order o JOIN booking b ON b.uuid = o.booking_id"
            + " JOIN product p ON p.id = b.product_id JOIN slot s ON s.id = b.slot_id";

    /** The booking {@code uuid} if the shop sold it. */
    public Optional<ShopBooking> shopBooking(Connection c, String uuid) throws SQLException {
        return Jdbc.one(c, SHOP_BOOKING + " WHERE b.uuid = ?", MessageStore::shopBooking, uuid);
    }

    /** Confirmed shop bookings visiting from {@code from} to {@code to} (the reminder's candidates). */
    public List<ShopBooking> confirmedBetween(Connection c, LocalDate from, LocalDate to) throws SQLException {
        return Jdbc.list(
                c,
                SHOP_BOOKING + " WHERE b.local_date BETWEEN ? AND ? AND b.status = 'CONFIRMED' ORDER BY b.uuid",
                MessageStore::shopBooking,
                from,
                to);
    }

    private static ShopBooking shopBooking(ResultSet rs) throws SQLException {
        long confirmed = rs.getLong(8);
        return new ShopBooking(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, LocalDate.class),
                Instant.ofEpochMilli(rs.getLong(6)),
                rs.getString(7),
                rs.wasNull() ? null : Instant.ofEpochMilli(confirmed));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("id"),
                rs.getLong("visitor_id"),
                MessageKind.valueOf(rs.getString("kind")),
                rs.getString("fields"),
                State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
