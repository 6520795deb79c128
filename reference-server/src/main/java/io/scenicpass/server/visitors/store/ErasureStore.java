package io.scenicpass.server.visitors.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Erasure and retention: a visitor's keys, tags and row go; their facts stay only as counts (day, channel, units,
 * dwell, zones, amounts) with nothing that leads back to them (no visitor, pass or booking on a visit or receipt).
 */
public final class ErasureStore {
    /** Erases one visitor; false when there is none. */
    public boolean erase(Connection c, long id) throws SQLException {
        if (Jdbc.update(c, "DELETE FROM visitor WHERE id=?", id) == 0) {
            return false;
        }
        Jdbc.update(c, "DELETE FROM visitor_key WHERE visitor_id=?", id);
        Jdbc.update(c, "DELETE FROM visitor_tag WHERE visitor_id=?", id);
        // the booking's row stays (visitor NULL) so that the feed never links it again
        Jdbc.update(c, "UPDATE visitor_booking SET visitor_id=NULL WHERE visitor_id=?", id);
        Jdbc.update(c, "UPDATE visit SET visitor_id=NULL, pass_id=NULL, booking_uuid=NULL WHERE visitor_id=?", id);
        Jdbc.update(c, "UPDATE visitor_receipt SET visitor_id=NULL, pass_id=NULL WHERE visitor_id=?", id);
        return true;
    }

    /** Deletes every fact of a day before {@code cutoff}, and the visitors with no fact since; the visitors deleted. */
    public int expire(Connection c, LocalDate cutoff) throws SQLException {
        Date d = Date.valueOf(cutoff);
        Jdbc.update(c, "DELETE FROM visit_zone WHERE visit_id IN (SELECT id FROM visit WHERE visit_day<?)", d);
        Jdbc.update(c, "DELETE FROM visit WHERE visit_day<?", d);
        Jdbc.update(c, "DELETE FROM visitor_receipt WHERE receipt_day<?", d);
        Jdbc.update(
                c,
                "DELETE FROM visitor_booking_unit WHERE booking_uuid IN (SELECT booking_uuid FROM visitor_booking"
                        + " WHERE visit_day<?)",
                d);
        Jdbc.update(c, "DELETE FROM visitor_booking WHERE visit_day<?", d);
        String gone = "SELECT id FROM visitor WHERE last_fact_day<?";
        Jdbc.update(c, "DELETE FROM visitor_key WHERE visitor_id IN (" + gone + ")", d);
        Jdbc.update(c, "DELETE FROM visitor_tag WHERE visitor_id IN (" + gone + ")", d);
        return Jdbc.update(c, "DELETE FROM visitor WHERE last_fact_day<?", d);
    }
}
