package io.scenicpass.server.visitors.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One visitor's facts since a day, summed for the profile and the tags; the tags themselves ({@code visitor_tag}). */
public final class TagStore {
    /** A visitor's facts since a day: visits (days with an entry), dwell, bookings, receipts, spend, last fact day. */
    public record Facts(
            int visits,
            int dwell,
            int bookings,
            int receipts,
            long spend,
            LocalDate lastDay,
            Set<String> unitTypes,
            int longestMuseumMinutes,
            int cableCarEntries) {}

    public Facts facts(Connection c, long id, LocalDate since) throws SQLException {
        Date d = Date.valueOf(since);
        int[] visits = Jdbc.one(
                        c,
                        "SELECT COUNT(DISTINCT visit_day), COALESCE(SUM(dwell_minutes),0) FROM visit"
                                + " WHERE visitor_id=? AND visit_day>=? AND entry_at IS NOT NULL",
                        rs -> new int[] {rs.getInt(1), rs.getInt(2)},
                        id,
                        d)
                .orElseThrow();
        int bookings = Jdbc.one(
                        c,
                        "SELECT COUNT(*) FROM visitor_booking WHERE visitor_id=? AND visit_day>=?",
                        rs -> rs.getInt(1),
                        id,
                        d)
                .orElseThrow();
        long[] receipts = Jdbc.one(
                        c,
                        "SELECT COUNT(*), COALESCE(SUM(amount),0) FROM visitor_receipt WHERE visitor_id=? AND"
                                + " receipt_day>=?",
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                        id,
                        d)
                .orElseThrow();
        LocalDate last = Jdbc.one(
                        c,
                        "SELECT MAX(x) FROM (SELECT MAX(visit_day) x FROM visit WHERE visitor_id=? UNION ALL"
                                + " SELECT MAX(visit_day) FROM visitor_booking WHERE visitor_id=? UNION ALL"
                                + " SELECT MAX(receipt_day) FROM visitor_receipt WHERE visitor_id=?) t",
                        rs -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(),
                        id,
                        id,
                        id)
                .orElse(null);
        Set<String> types = new TreeSet<>(Jdbc.list(
                c,
                "SELECT DISTINCT u.unit_type FROM visitor_booking b JOIN visitor_booking_unit u"
                        + " ON u.booking_uuid=b.booking_uuid WHERE b.visitor_id=? AND b.visit_day>=?",
                rs -> rs.getString(1),
                id,
                d));
        int[] zones = Jdbc.one(
                        c,
                        "SELECT COALESCE(MAX(CASE WHEN z.zone_kind='MUSEUM' THEN z.minutes END),0),"
                                + " COALESCE(SUM(CASE WHEN z.zone_kind='CABLE_CAR' THEN z.entries END),0)"
                                + " FROM visit v JOIN visit_zone z ON z.visit_id=v.id WHERE v.visitor_id=? AND"
                                + " v.visit_day>=?",
                        rs -> new int[] {rs.getInt(1), rs.getInt(2)},
                        id,
                        d)
                .orElseThrow();
        return new Facts(
                visits[0], visits[1], bookings, (int) receipts[0], receipts[1], last, types, zones[0], zones[1]);
    }

    public Set<String> tags(Connection c, long id) throws SQLException {
        return new TreeSet<>(Jdbc.list(c, "SELECT tag FROM visitor_tag WHERE visitor_id=?", rs -> rs.getString(1), id));
    }

    /** Makes the visitor's tags exactly {@code tags} (a tag kept keeps its {@code since}). */
    public void write(Connection c, long id, Collection<String> tags, Instant now) throws SQLException {
        Set<String> old = tags(c, id);
        for (String t : old) {
            if (!tags.contains(t)) {
                Jdbc.update(c, "DELETE FROM visitor_tag WHERE visitor_id=? AND tag=?", id, t);
            }
        }
        for (String t : tags) {
            if (!old.contains(t)) {
                Jdbc.update(
                        c, "INSERT INTO visitor_tag(visitor_id, tag, since) VALUES (?,?,?)", id, t, now.toEpochMilli());
            }
        }
    }

    /** Visitors with a fact on {@code day} (their 12-month window loses it the day after). */
    public List<Long> withFactOn(Connection c, LocalDate day) throws SQLException {
        Date d = Date.valueOf(day);
        return Jdbc.list(
                c,
                "SELECT visitor_id FROM visit WHERE visit_day=? AND visitor_id IS NOT NULL UNION"
                        + " SELECT visitor_id FROM visitor_booking WHERE visit_day=? AND visitor_id IS NOT NULL UNION"
                        + " SELECT visitor_id FROM visitor_receipt WHERE receipt_day=? AND visitor_id IS NOT NULL",
                rs -> rs.getLong(1),
                d,
                d,
                d);
    }
}
