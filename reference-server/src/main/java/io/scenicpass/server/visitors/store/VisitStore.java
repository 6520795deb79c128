package io.scenicpass.server.visitors.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Visits and their zones ({@code visit}, {@code visit_zone}), the entry events they are built from, and the feed's marks. */
public final class VisitStore {
    /** An entry event as a visit reads it. */
    public record Event(String eventId, String passId, String zoneId, String direction, Instant at, int party) {}

    /** A visit's zone: entries and minutes inside. */
    public record ZoneTime(String zoneId, String kind, int entries, int minutes) {}

    /** A stored visit. */
    public record Visit(
            long id,
            String passId,
            LocalDate day,
            Long visitorId,
            String bookingUuid,
            int party,
            Instant entryAt,
            Instant exitAt,
            int dwellMinutes) {}

    private static final String EVENT = "SELECT event_id, pass_id, zone_id, direction, corrected_time, party_count,"
            + " received_at FROM entry_event e WHERE ";
    private static final String COUNTS =
            " AND e.verdict='ADMIT' AND e.status<>'REJECTED'" + " AND (e.reason IS NULL OR e.reason<>'NOT_PASSED')";

    /** Admissions with a pass received at or after {@code from} that no visit has taken in yet (by time). */
    public List<Event> unapplied(Connection c, long from, int limit, long[] lastReceived) throws SQLException {
        return Jdbc.list(
                c,
                EVENT + "e.received_at>=? AND e.pass_id IS NOT NULL" + COUNTS
                        + " AND NOT EXISTS (SELECT 1 FROM visitor_entry_applied a WHERE a.event_id=e.event_id)"
                        + " ORDER BY e.received_at, e.event_id LIMIT " + limit,
                rs -> {
                    lastReceived[0] = Math.max(lastReceived[0], rs.getLong(7));
                    return event(rs);
                },
                from);
    }

    /** A pass's admissions between two instants, in time order. */
    public List<Event> ofPass(Connection c, String passId, Instant from, Instant until) throws SQLException {
        return Jdbc.list(
                c,
                EVENT + "e.pass_id=? AND e.corrected_time>=? AND e.corrected_time<?" + COUNTS
                        + " ORDER BY e.corrected_time, e.event_id",
                VisitStore::event,
                passId,
                from.toEpochMilli(),
                until.toEpochMilli());
    }

    public void applied(Connection c, Collection<String> eventIds, Instant now) throws SQLException {
        Jdbc.batch(
                c,
                "INSERT INTO visitor_entry_applied(event_id, applied_at) VALUES (?,?)",
                eventIds.stream()
                        .map(id -> new Object[] {id, now.toEpochMilli()})
                        .toList());
    }

    /** Forgets marks older than {@code before} (the feed no longer reads events that old). */
    public int forgetApplied(Connection c, Instant before) throws SQLException {
        return Jdbc.update(c, "DELETE FROM visitor_entry_applied WHERE applied_at<?", before.toEpochMilli());
    }

    /** The pass's booking, from the sales tables. */
    public Optional<String> bookingOfPass(Connection c, String passId) throws SQLException {
        return Jdbc.one(c, "SELECT booking_uuid FROM pass WHERE pass_id=?", rs -> rs.getString(1), passId);
    }

    /** Creates or rewrites the visit of a pass on a day, with its zones. */
    public void put(Connection c, Visit v, Collection<ZoneTime> zones) throws SQLException {
        Optional<Long> id = Jdbc.one(
                c,
                "SELECT id FROM visit WHERE pass_id=? AND visit_day=?",
                rs -> rs.getLong(1),
                v.passId(),
                Date.valueOf(v.day()));
        long visitId;
        if (id.isPresent()) {
            visitId = id.get();
            Jdbc.update(
                    c,
                    "UPDATE visit SET visitor_id=?, booking_uuid=?, party=?, entry_at=?, exit_at=?, dwell_minutes=?"
                            + " WHERE id=?",
                    v.visitorId(),
                    v.bookingUuid(),
                    v.party(),
                    millis(v.entryAt()),
                    millis(v.exitAt()),
                    v.dwellMinutes(),
                    visitId);
            Jdbc.update(c, "DELETE FROM visit_zone WHERE visit_id=?", visitId);
        } else {
            visitId = Rows.insert(
                    c,
                    "INSERT INTO visit(pass_id, visit_day, visitor_id, booking_uuid, party, entry_at, exit_at,"
                            + " dwell_minutes) VALUES (?,?,?,?,?,?,?,?)",
                    v.passId(),
                    Date.valueOf(v.day()),
                    v.visitorId(),
                    v.bookingUuid(),
                    v.party(),
                    millis(v.entryAt()),
                    millis(v.exitAt()),
                    v.dwellMinutes());
        }
        for (ZoneTime z : zones) {
            Jdbc.update(
                    c,
                    "INSERT INTO visit_zone(visit_id, zone_id, zone_kind, entries, minutes) VALUES (?,?,?,?,?)",
                    visitId,
                    z.zoneId(),
                    z.kind(),
                    z.entries(),
                    z.minutes());
        }
    }

    public List<Visit> ofVisitor(Connection c, long visitorId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT id, pass_id, visit_day, visitor_id, booking_uuid, party, entry_at, exit_at, dwell_minutes"
                        + " FROM visit WHERE visitor_id=? ORDER BY visit_day, id",
                rs -> new Visit(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getInt(6),
                        instant(Jdbc.longOrNull(rs, "entry_at")),
                        instant(Jdbc.longOrNull(rs, "exit_at")),
                        rs.getInt(9)),
                visitorId);
    }

    public List<ZoneTime> zones(Connection c, long visitId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT zone_id, zone_kind, entries, minutes FROM visit_zone WHERE visit_id=? ORDER BY zone_id",
                rs -> new ZoneTime(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
                visitId);
    }

    /** The zones' kinds ({@code zone.kind}, the park's), by zone id. */
    public Map<String, String> zoneKinds(Connection c) throws SQLException {
        Map<String, String> out = new java.util.HashMap<>();
        for (String[] r :
                Jdbc.list(c, "SELECT id, kind FROM zone", rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            out.put(r[0], r[1]);
        }
        return out;
    }

    private static Event event(java.sql.ResultSet rs) throws SQLException {
        return new Event(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                rs.getInt(6));
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
