package io.scenicpass.server.visitors.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Visitors, their keys and consent ({@code visitor}, {@code visitor_key}). */
public final class VisitorStore {
    /** A visitor's own row: consent and the 12-month profile the segments query. */
    public record Row(
            long id,
            Instant createdAt,
            LocalDate lastFactDay,
            boolean consent,
            String consentSource,
            Long consentAt,
            int visits12m,
            int bookings12m,
            int receipts12m,
            long spend12m,
            int dwell12m) {}

    /** A key of a visitor: its hash and kind. */
    public record Key(String hash, String kind, Instant createdAt) {}

    public long create(Connection c, Instant now, LocalDate day) throws SQLException {
        return Rows.insert(
                c,
                "INSERT INTO visitor(created_at, last_fact_day) VALUES (?,?)",
                now.toEpochMilli(),
                Date.valueOf(day));
    }

    public Optional<Row> find(Connection c, long id) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT id, created_at, last_fact_day, marketing_consent, consent_source, consent_at, visits_12m,"
                        + " bookings_12m, receipts_12m, spend_12m, dwell_12m FROM visitor WHERE id=?",
                rs -> new Row(
                        rs.getLong(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getDate(3).toLocalDate(),
                        rs.getBoolean(4),
                        rs.getString(5),
                        Jdbc.longOrNull(rs, "consent_at"),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getLong(10),
                        rs.getInt(11)),
                id);
    }

    /** The distinct visitors holding any of these key hashes (ordered by id). */
    public List<Long> byKeys(Connection c, Collection<String> hashes) throws SQLException {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return Jdbc.list(
                c,
                "SELECT DISTINCT visitor_id FROM visitor_key WHERE key_hash IN (" + Jdbc.marks(hashes.size())
                        + ") ORDER BY visitor_id",
                rs -> rs.getLong(1),
                hashes.toArray());
    }

    /** Adds the key to the visitor unless it is there already. */
    public void addKey(Connection c, long visitorId, String hash, String kind, Instant now) throws SQLException {
        if (Jdbc.one(c, "SELECT 1 FROM visitor_key WHERE key_hash=?", rs -> 1, hash)
                .isEmpty()) {
            Jdbc.update(
                    c,
                    "INSERT INTO visitor_key(key_hash, kind, visitor_id, created_at) VALUES (?,?,?,?)",
                    hash,
                    kind,
                    visitorId,
                    now.toEpochMilli());
        }
    }

    public List<Key> keys(Connection c, long visitorId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT key_hash, kind, created_at FROM visitor_key WHERE visitor_id=? ORDER BY kind, created_at",
                rs -> new Key(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))),
                visitorId);
    }

    /** Records the visitor's marketing consent (true or withdrawn) and where it came from. */
    public void consent(Connection c, long visitorId, boolean consent, String source, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE visitor SET marketing_consent=?, consent_source=?, consent_at=? WHERE id=?",
                consent,
                source,
                now.toEpochMilli(),
                visitorId);
    }

    /**
     * Moves everything of {@code other} to {@code keep} (two records found to be one person): keys, bookings,
     * visits, receipts; a consent given to either is kept; the other's row and tags go.
     */
    public void merge(Connection c, long keep, long other) throws SQLException {
        for (String table : List.of("visitor_key", "visitor_booking", "visit", "visitor_receipt")) {
            Jdbc.update(c, "UPDATE " + table + " SET visitor_id=? WHERE visitor_id=?", keep, other);
        }
        Jdbc.update(
                c,
                "UPDATE visitor SET marketing_consent=TRUE, consent_source=(SELECT o.consent_source FROM visitor o"
                        + " WHERE o.id=?), consent_at=(SELECT o.consent_at FROM visitor o WHERE o.id=?) WHERE id=?"
                        + " AND NOT marketing_consent AND EXISTS (SELECT 1 FROM visitor o WHERE o.id=? AND"
                        + " o.marketing_consent)",
                other,
                other,
                keep,
                other);
        Jdbc.update(c, "DELETE FROM visitor_tag WHERE visitor_id=?", other);
        Jdbc.update(c, "DELETE FROM visitor WHERE id=?", other);
    }

    /** Writes the 12-month profile and the last day any fact of the visitor happened on. */
    public void profile(
            Connection c, long id, int visits, int bookings, int receipts, long spend, int dwell, LocalDate last)
            throws SQLException {
        Jdbc.update(
                c,
                "UPDATE visitor SET visits_12m=?, bookings_12m=?, receipts_12m=?, spend_12m=?, dwell_12m=?,"
                        + " last_fact_day=CASE WHEN last_fact_day < ? THEN ? ELSE last_fact_day END WHERE id=?",
                visits,
                bookings,
                receipts,
                spend,
                dwell,
                Date.valueOf(last),
                Date.valueOf(last),
                id);
    }

    /** Ids of every visitor (for tests and small exports); large sets use segments' SQL instead. */
    public List<Long> ids(Connection c, int limit) throws SQLException {
        return new ArrayList<>(Jdbc.list(c, "SELECT id FROM visitor ORDER BY id LIMIT " + limit, rs -> rs.getLong(1)));
    }
}
