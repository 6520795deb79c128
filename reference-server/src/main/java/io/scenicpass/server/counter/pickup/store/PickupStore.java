package io.scenicpass.server.counter.pickup.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The print audit of pick-ups ({@code pickup_print}, V71) and the booking-code lookup of a kiosk. */
public final class PickupStore {
    /** Most bookings one typed code may find (a reseller reference may repeat across channels). */
    public static final int MAX_BY_CODE = 10;

    /** One print of a booking's tickets: the first ({@code PRINT}, seq 0) or a reprint (seq 1, 2, …). */
    public record Print(
            String bookingUuid, int seq, String kind, String deviceId, String reason, String by, Instant at) {}

    /** Records the first print; false when the booking was printed already (the primary key keeps one). */
    public boolean insertFirst(Connection c, String bookingUuid, String deviceId, Instant at) throws SQLException {
        return Jdbc.update(
                        c,
                        "INSERT INTO pickup_print(booking_uuid, seq, kind, device_id, printed_at) VALUES (?,0,'PRINT',?,?)"
                                + " ON CONFLICT DO NOTHING",
                        bookingUuid,
                        deviceId,
                        at.toEpochMilli())
                == 1;
    }

    /** Records a reprint as the next seq; the caller holds the booking's row lock (so two reprints get two seqs). */
    public Print insertReprint(Connection c, String bookingUuid, String deviceId, String reason, String by, Instant at)
            throws SQLException {
        int seq = Jdbc.one(c, "SELECT MAX(seq) FROM pickup_print WHERE booking_uuid=?", rs -> rs.getInt(1), bookingUuid)
                        .orElse(0)
                + 1;
        Jdbc.update(
                c,
                "INSERT INTO pickup_print(booking_uuid, seq, kind, device_id, reason, printed_by, printed_at)"
                        + " VALUES (?,?,'REPRINT',?,?,?,?)",
                bookingUuid,
                seq,
                deviceId,
                reason,
                by,
                at.toEpochMilli());
        return new Print(bookingUuid, seq, "REPRINT", deviceId, reason, by, at);
    }

    /** The prints of these bookings, by booking, each list in seq order (the first print first). */
    public Map<String, List<Print>> ofBookings(Connection c, Collection<String> uuids) throws SQLException {
        Map<String, List<Print>> out = new HashMap<>();
        List<String> all = new ArrayList<>(uuids);
        for (int from = 0; from < all.size(); from += Jdbc.IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + Jdbc.IN_CHUNK));
            for (Print p : Jdbc.list(
                    c,
                    "SELECT * FROM pickup_print WHERE booking_uuid IN (" + Jdbc.marks(chunk.size())
                            + ") ORDER BY booking_uuid, seq",
                    PickupStore::print,
                    chunk.toArray())) {
                out.computeIfAbsent(p.bookingUuid(), k -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    /** Prints made from {@code from} to {@code to} (both included), oldest first, at most {@code limit}. */
    public List<Print> between(Connection c, Instant from, Instant to, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM pickup_print WHERE printed_at BETWEEN ? AND ?"
                        + " ORDER BY printed_at, booking_uuid, seq FETCH FIRST " + limit + " ROWS ONLY",
                PickupStore::print,
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    /**
     * The bookings a code typed at the kiosk stands for: a booking's uuid, its supplier reference (also typed in lower
     * case) or a reseller's reference (any channel; at most {@link #MAX_BY_CODE}), in that order, without repeats.
     */
    public List<String> bookingsByCode(Connection c, String code) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        out.addAll(Jdbc.list(c, "SELECT uuid FROM booking WHERE uuid=?", rs -> rs.getString(1), code));
        out.addAll(Jdbc.list(
                c,
                "SELECT uuid FROM booking WHERE supplier_reference IN (?,?)",
                rs -> rs.getString(1),
                code,
                code.toUpperCase(java.util.Locale.ROOT)));
        out.addAll(Jdbc.list(
                c,
                "SELECT uuid FROM booking WHERE reseller_reference=? ORDER BY created_at DESC FETCH FIRST "
                        + MAX_BY_CODE + " ROWS ONLY",
                rs -> rs.getString(1),
                code));
        return new ArrayList<>(out).subList(0, Math.min(out.size(), MAX_BY_CODE));
    }

    private static Print print(ResultSet rs) throws SQLException {
        return new Print(
                rs.getString("booking_uuid"),
                rs.getInt("seq"),
                rs.getString("kind"),
                rs.getString("device_id"),
                rs.getString("reason"),
                rs.getString("printed_by"),
                Instant.ofEpochMilli(rs.getLong("printed_at")));
    }
}
