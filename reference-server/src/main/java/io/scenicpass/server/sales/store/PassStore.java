package io.scenicpass.server.sales.store;

import io.scenicpass.server.db.Dialect;
import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Issued passes and the revocation log (its sequence numbers are the terminal feed's cursor). */
public final class PassStore {
    private static final String COLUMNS =
            "pass_id, booking_uuid, key_id, pass_text, party_size, valid_from," + " valid_until, revoked, issued_at";
    private final Dialect dialect;

    public PassStore(Dialect dialect) {
        this.dialect = dialect;
    }

    public void insert(Connection c, PassRecord p) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO pass(pass_id, booking_uuid, key_id, pass_text, party_size, valid_from,"
                        + " valid_until, revoked, issued_at) VALUES (?,?,?,?,?,?,?,FALSE,?)",
                p.passId(),
                p.bookingUuid(),
                p.keyId(),
                p.passText(),
                p.partySize(),
                p.validFrom().toEpochMilli(),
                p.validUntil().toEpochMilli(),
                p.issuedAt().toEpochMilli());
    }

    public Optional<PassRecord> find(Connection c, String passId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM pass WHERE pass_id=?", PassStore::pass, passId);
    }

    public List<PassRecord> byBooking(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM pass WHERE booking_uuid=? ORDER BY pass_id", PassStore::pass, bookingUuid);
    }

    /** The issued passes among {@code passIds}, by id ({@link Dialect#listByKeys}). */
    public Map<String, PassRecord> issued(Connection c, Collection<String> passIds) throws SQLException {
        Map<String, PassRecord> out = new HashMap<>();
        for (PassRecord p : dialect.listByKeys(c, COLUMNS, "pass", "pass_id", null, null, passIds, PassStore::pass)) {
            out.put(p.passId(), p);
        }
        return out;
    }

    /** The passes of these bookings, by booking, each list ordered by pass id ({@link Dialect#listByKeys}). */
    public Map<String, List<PassRecord>> ofBookings(Connection c, Collection<String> uuids) throws SQLException {
        Map<String, List<PassRecord>> out = new HashMap<>();
        for (PassRecord p : dialect.listByKeys(
                c, COLUMNS, "pass", "booking_uuid", null, "booking_uuid, pass_id", uuids, PassStore::pass)) {
            out.computeIfAbsent(p.bookingUuid(), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    /** Revokes a pass and appends it to the revocation log (once). */
    public boolean revoke(Connection c, String passId, String reason, Instant now) throws SQLException {
        if (Jdbc.update(c, "UPDATE pass SET revoked=TRUE WHERE pass_id=? AND NOT revoked", passId) == 0) {
            return false;
        }
        Jdbc.lockFeed(c, "revocation");
        Jdbc.update(
                c,
                "INSERT INTO revocation(pass_id, revoked_at, reason) VALUES (?,?,?)",
                passId,
                now.toEpochMilli(),
                reason);
        return true;
    }

    /** One revocation log entry. */
    public record Revocation(long seq, String passId, Instant revokedAt, String reason) {}

    /** Entries with sequence &gt; {@code since}, ascending, at most {@code limit}. */
    public List<Revocation> revocationsSince(Connection c, long since, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM revocation WHERE seq > ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new Revocation(
                        rs.getLong("seq"),
                        rs.getString("pass_id"),
                        Instant.ofEpochMilli(rs.getLong("revoked_at")),
                        rs.getString("reason")),
                since);
    }

    private static PassRecord pass(ResultSet rs) throws SQLException {
        return new PassRecord(
                rs.getString("pass_id"),
                rs.getString("booking_uuid"),
                rs.getString("key_id"),
                rs.getString("pass_text"),
                rs.getInt("party_size"),
                Instant.ofEpochMilli(rs.getLong("valid_from")),
                Instant.ofEpochMilli(rs.getLong("valid_until")),
                rs.getBoolean("revoked"),
                Instant.ofEpochMilli(rs.getLong("issued_at")));
    }
}
