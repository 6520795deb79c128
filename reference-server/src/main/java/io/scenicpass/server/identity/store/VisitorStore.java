package io.scenicpass.server.identity.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The identified visitors of bookings ({@code visitor_identity}) and the per-document limit claims
 * ({@code identity_claim}). Rows hold keyed hashes and ciphertexts only (see {@code IdentityKeys}).
 */
public final class VisitorStore {
    /** One identified unit item. */
    public record Visitor(
            String bookingUuid,
            String itemUuid,
            int position,
            String docType,
            String lookup,
            String binding,
            String numberEnc,
            String nameEnc,
            String country,
            LocalDate visitDate) {
        @Override
        public String toString() {
            return "Visitor{" + bookingUuid + "/" + itemUuid + " " + docType + "}";
        }
    }

    /** Adds or replaces the identity of one unit item. */
    public void put(Connection c, Visitor v, Instant now) throws SQLException {
        Jdbc.update(
                c, "DELETE FROM visitor_identity WHERE booking_uuid=? AND item_uuid=?", v.bookingUuid(), v.itemUuid());
        Jdbc.update(
                c,
                "INSERT INTO visitor_identity(booking_uuid, item_uuid, position, doc_type, lookup, binding, number_enc,"
                        + " name_enc, country, visit_date, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                v.bookingUuid(),
                v.itemUuid(),
                v.position(),
                v.docType(),
                v.lookup(),
                v.binding(),
                v.numberEnc(),
                v.nameEnc(),
                v.country(),
                v.visitDate(),
                now.toEpochMilli());
    }

    /** A booking's identified visitors in unit item order. */
    public List<Visitor> byBooking(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM visitor_identity WHERE booking_uuid=? ORDER BY position",
                VisitorStore::visitor,
                bookingUuid);
    }

    /** The bookings that hold a document (by lookup hash). */
    public List<String> bookingsOf(Connection c, String lookup) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT DISTINCT booking_uuid FROM visitor_identity WHERE lookup=? ORDER BY booking_uuid",
                rs -> rs.getString(1),
                lookup);
    }

    /** The bookings that hold a document (by lookup hash) for visits from {@code from} to {@code to} (inclusive). */
    public List<String> bookingsOf(Connection c, String lookup, LocalDate from, LocalDate to) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT DISTINCT booking_uuid FROM visitor_identity WHERE lookup=? AND visit_date BETWEEN ? AND ?"
                        + " ORDER BY booking_uuid",
                rs -> rs.getString(1),
                lookup,
                from,
                to);
    }

    /** Gives back a booking's limit places (they are taken again for its current documents). */
    public void eraseClaims(Connection c, String bookingUuid) throws SQLException {
        Jdbc.update(c, "DELETE FROM identity_claim WHERE booking_uuid=?", bookingUuid);
    }

    /** Erases a booking's identities and limit claims; returns the identities erased. */
    public int eraseBooking(Connection c, String bookingUuid) throws SQLException {
        eraseClaims(c, bookingUuid);
        return Jdbc.update(c, "DELETE FROM visitor_identity WHERE booking_uuid=?", bookingUuid);
    }

    /** The bookings with identities of visits before {@code date} (at most {@code limit}). */
    public List<String> bookingsVisitingBefore(Connection c, LocalDate date, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT DISTINCT booking_uuid FROM visitor_identity WHERE visit_date < ? ORDER BY booking_uuid"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                rs -> rs.getString(1),
                date);
    }

    /** Drops limit claims of visits before {@code date} (they can no longer limit anything). */
    public int dropClaimsBefore(Connection c, LocalDate date) throws SQLException {
        return Jdbc.update(c, "DELETE FROM identity_claim WHERE visit_date < ?", date);
    }

    /**
     * Takes one of {@code limit} places {@code base|0 … base|limit-1} for a booking; false when all are held by live
     * bookings. Atomic across nodes: the primary key lets one insert win, a concurrent one waits for it and then
     * sees the place taken. A place held by a cancelled or expired booking is taken over.
     */
    public boolean claim(Connection c, String base, int limit, String bookingUuid, LocalDate visit, Instant now)
            throws SQLException {
        for (int k = 0; k < limit; k++) {
            String key = base + "|" + k;
            if (insertClaim(c, key, bookingUuid, visit)) {
                return true;
            }
            String holder = Jdbc.one(
                            c, "SELECT booking_uuid FROM identity_claim WHERE claim_key=?", rs -> rs.getString(1), key)
                    .orElse(null);
            if (holder != null && !live(c, holder, now)) {
                Jdbc.update(c, "DELETE FROM identity_claim WHERE claim_key=? AND booking_uuid=?", key, holder);
                if (insertClaim(c, key, bookingUuid, visit)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean insertClaim(Connection c, String key, String bookingUuid, LocalDate visit)
            throws SQLException {
        return Jdbc.update(
                        c,
                        "INSERT INTO identity_claim(claim_key, booking_uuid, visit_date) VALUES (?,?,?)"
                                + " ON CONFLICT DO NOTHING",
                        key,
                        bookingUuid,
                        visit)
                == 1;
    }

    /** A booking that still counts: sold, or on a hold that has not run out. */
    private static boolean live(Connection c, String bookingUuid, Instant now) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT status, expires_at FROM booking WHERE uuid=?",
                        rs -> switch (rs.getString(1)) {
                            case "CONFIRMED", "REDEEMED" -> true;
                            case "ON_HOLD" ->
                                Jdbc.longOrNull(rs, "expires_at") != null && rs.getLong(2) > now.toEpochMilli();
                            default -> false;
                        },
                        bookingUuid)
                .orElse(false);
    }

    private static Visitor visitor(ResultSet rs) throws SQLException {
        return new Visitor(
                rs.getString("booking_uuid"),
                rs.getString("item_uuid"),
                rs.getInt("position"),
                rs.getString("doc_type"),
                rs.getString("lookup"),
                rs.getString("binding"),
                rs.getString("number_enc"),
                rs.getString("name_enc"),
                rs.getString("country"),
                rs.getObject("visit_date", LocalDate.class));
    }
}
