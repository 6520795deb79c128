package io.scenicpass.server.sales.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The holds (bookings ON_HOLD) whose expiry has passed, for the expiry job and the lazy checks before "sold out". */
public final class DueHoldStore {

    /**
     * Holds due to expire at {@code now}, the earliest first, at most {@code limit}. A booking ON_HOLD holds places
     * of its slot ({@code slot.held}) or of its channel's allotment on the slot ({@code allotment.held}), so only the
     * slots with places held are visited, each with one range of {@code booking_by_slot} (V43).
     */
    public List<String> dueHolds(Connection c, Instant now, int limit) throws SQLException {
        // written as joins that start at the slot (allotment): H2 2.5 plans "slot_id IN (subquery)" here as a scan of
        // the whole index on its expires_at column
        long at = now.toEpochMilli();
        return Jdbc.list(
                c,
                "SELECT b.uuid, b.expires_at FROM slot s JOIN booking b ON b.slot_id = s.id"
                        + " AND b.status='ON_HOLD' AND b.expires_at <= ? WHERE s.held > 0"
                        + " UNION SELECT b.uuid, b.expires_at FROM allotment a JOIN booking b ON b.slot_id = a.slot_id"
                        + " AND b.status='ON_HOLD' AND b.expires_at <= ? WHERE a.held > 0"
                        + " ORDER BY 2, 1 FETCH FIRST " + limit + " ROWS ONLY",
                rs -> rs.getString(1),
                at,
                at);
    }

    /** Holds due at {@code now} in the slots of one option between two local dates (inclusive). */
    public List<String> dueHoldsForOption(Connection c, String optionId, LocalDate from, LocalDate to, Instant now)
            throws SQLException {
        return Jdbc.list(
                c,
                "SELECT b.uuid FROM slot s JOIN booking b ON b.slot_id = s.id AND b.status='ON_HOLD'"
                        + " AND b.expires_at <= ? WHERE s.option_id = ? AND s.local_date BETWEEN ? AND ?",
                rs -> rs.getString(1),
                now.toEpochMilli(),
                optionId,
                from,
                to);
    }

    public List<String> dueHoldsForSlot(Connection c, String slotId, Instant now) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT uuid FROM booking WHERE slot_id=? AND status='ON_HOLD' AND expires_at <= ?",
                rs -> rs.getString(1),
                slotId,
                now.toEpochMilli());
    }
}
