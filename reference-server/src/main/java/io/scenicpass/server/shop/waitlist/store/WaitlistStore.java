package io.scenicpass.server.shop.waitlist.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the waiting lists ({@code waitlist_entry}). Every change of an entry's status is a compare-and-set on
 * its current status (and offer count), so two nodes or two requests never both move it.
 */
public final class WaitlistStore {
    private static final String COLS = "id, slot_id, visitor_id, party, quantity, status, offers, booking_uuid,"
            + " offer_expires_at, slot_end_at, created_at, updated_at";

    /** Adds a WAITING entry; a unique violation when the visitor is on this slot's list already. */
    public WaitlistEntry insert(
            Connection c, String slotId, long visitorId, String party, int quantity, Instant slotEnd, Instant now)
            throws SQLException {
        String key = activeKey(slotId, visitorId);
        Jdbc.update(
                c,
                "INSERT INTO waitlist_entry(slot_id, visitor_id, party, quantity, status, active_key, offers,"
                        + " slot_end_at, created_at, updated_at) VALUES (?,?,?,?,'WAITING',?,0,?,?,?)",
                slotId,
                visitorId,
                party,
                quantity,
                key,
                slotEnd.toEpochMilli(),
                now.toEpochMilli(),
                now.toEpochMilli());
        return Jdbc.one(c, "SELECT " + COLS + " FROM waitlist_entry WHERE active_key=?", WaitlistStore::entry, key)
                .orElseThrow();
    }

    public Optional<WaitlistEntry> find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLS + " FROM waitlist_entry WHERE id=?", WaitlistStore::entry, id);
    }

    /** The visitor's entry on this slot's list that is still active (waiting or offered). */
    public Optional<WaitlistEntry> active(Connection c, String slotId, long visitorId) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT " + COLS + " FROM waitlist_entry WHERE active_key=?",
                WaitlistStore::entry,
                activeKey(slotId, visitorId));
    }

    /** A visitor's entries, newest first, at most {@code limit}. */
    public List<WaitlistEntry> ofVisitor(Connection c, long visitorId, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + COLS + " FROM waitlist_entry WHERE visitor_id=? ORDER BY id DESC FETCH FIRST " + limit
                        + " ROWS ONLY",
                WaitlistStore::entry,
                visitorId);
    }

    /** A slot's entries in a status, in line order (oldest first). */
    public List<WaitlistEntry> ofSlot(Connection c, String slotId, Status status, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + COLS + " FROM waitlist_entry WHERE slot_id=? AND status=? ORDER BY id FETCH FIRST " + limit
                        + " ROWS ONLY",
                WaitlistStore::entry,
                slotId,
                status.name());
    }

    /** A slot's entries in every status, in line order (the operators' view). */
    public List<WaitlistEntry> allOfSlot(Connection c, String slotId, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + COLS + " FROM waitlist_entry WHERE slot_id=? ORDER BY id FETCH FIRST " + limit
                        + " ROWS ONLY",
                WaitlistStore::entry,
                slotId);
    }

    /** How many of the slot's entries are in each status. */
    public Map<Status, Integer> counts(Connection c, String slotId) throws SQLException {
        Map<Status, Integer> out = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            out.put(s, 0);
        }
        Jdbc.list(
                        c,
                        "SELECT status, COUNT(*) FROM waitlist_entry WHERE slot_id=? GROUP BY status",
                        rs -> Map.entry(Status.valueOf(rs.getString(1)), rs.getInt(2)),
                        slotId)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** How many of the slot's WAITING entries are before {@code id} in line. */
    public int ahead(Connection c, String slotId, long id) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT COUNT(*) FROM waitlist_entry WHERE slot_id=? AND status='WAITING' AND id<?",
                        rs -> rs.getInt(1),
                        slotId,
                        id)
                .orElse(0);
    }

    /** The slots that have WAITING entries and have not ended by {@code now}. */
    public List<String> slotsWaiting(Connection c, Instant now, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT DISTINCT slot_id FROM waitlist_entry WHERE status='WAITING' AND slot_end_at>? ORDER BY slot_id"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                rs -> rs.getString(1),
                now.toEpochMilli());
    }

    /** Every entry holding an offer (few: each is a live hold). */
    public List<WaitlistEntry> offered(Connection c, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + COLS + " FROM waitlist_entry WHERE status='OFFERED' ORDER BY id FETCH FIRST " + limit
                        + " ROWS ONLY",
                WaitlistStore::entry);
    }

    /**
     * WAITING with {@code offers} offers → OFFERED with offer {@code offers + 1} held as {@code bookingUuid} until
     * {@code expiresAt}; false when the entry moved meanwhile (another node offered it, or the visitor left).
     */
    public boolean offer(Connection c, long id, int offers, String bookingUuid, Instant expiresAt, Instant now)
            throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE waitlist_entry SET status='OFFERED', offers=?, booking_uuid=?, offer_expires_at=?,"
                                + " updated_at=? WHERE id=? AND status='WAITING' AND offers=?",
                        offers + 1,
                        bookingUuid,
                        expiresAt.toEpochMilli(),
                        now.toEpochMilli(),
                        id,
                        offers)
                == 1;
    }

    /** Counts an offer that could not be made (its hold ran out before it was linked) and leaves the entry WAITING. */
    public boolean skipOffer(Connection c, long id, int offers, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE waitlist_entry SET offers=?, updated_at=? WHERE id=? AND status='WAITING' AND offers=?",
                        offers + 1,
                        now.toEpochMilli(),
                        id,
                        offers)
                == 1;
    }

    /** {@code from} → {@code to} (compare-and-set); a status that is not active frees the visitor's line on the slot. */
    public boolean move(Connection c, long id, Status from, Status to, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE waitlist_entry SET status=?, active_key=" + (to.active() ? "active_key" : "NULL")
                                + ", updated_at=? WHERE id=? AND status=?",
                        to.name(),
                        now.toEpochMilli(),
                        id,
                        from.name())
                == 1;
    }

    private static String activeKey(String slotId, long visitorId) {
        return slotId + "#" + visitorId;
    }

    private static WaitlistEntry entry(ResultSet rs) throws SQLException {
        Long expires = Jdbc.longOrNull(rs, "offer_expires_at");
        return new WaitlistEntry(
                rs.getLong("id"),
                rs.getString("slot_id"),
                rs.getLong("visitor_id"),
                rs.getString("party"),
                rs.getInt("quantity"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("offers"),
                rs.getString("booking_uuid"),
                expires == null ? null : Instant.ofEpochMilli(expires),
                Instant.ofEpochMilli(rs.getLong("slot_end_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
