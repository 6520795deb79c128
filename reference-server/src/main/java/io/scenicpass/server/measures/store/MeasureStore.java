package io.scenicpass.server.measures.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.measures.Sums;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * All SQL of the measures: one park day's sums computed from the stored facts (bookings, passes' first entries,
 * the hub's visits and receipts, offers, packages), the daily rollup {@code measure_day}, and what changed since a
 * time (the days to recompute). Each fact query reads one day through an index, so its cost is that day's rows.
 */
public final class MeasureStore {
    /** One rollup row: a park day, a channel ('' = none) and its sums. */
    public record DayRow(LocalDate day, String channelId, Sums sums) {}

    private static final String COLUMNS = "tickets_fen, bookings, package_bookings, admitted, receipts_fen, visitors,"
            + " returners, dwell_ms, dwell_visits, offered, redeemed";

    /** Positions in {@link Sums#values()}. */
    private static final int TICKETS = 0, BOOKINGS = 1, ADMITTED = 3;

    /** A quarter of an hour: entries' times are bucketed so any zone's day boundary falls between buckets. */
    public static final long BUCKET_MS = 15 * 60_000L;

    /**
     * The sums of park day {@code day} ([{@code fromMs}, {@code toMs}) in the park's zone), by channel, from the
     * facts: tickets = confirmed bookings for the day (not cancelled; partial refunds already taken out of their
     * totals), admitted = people on passes whose first entry fell in the day.
     */
    public Map<String, long[]> rawDay(Connection c, LocalDate day, long fromMs, long toMs) throws SQLException {
        Map<String, long[]> out = new TreeMap<>();
        for (Object[] r : Jdbc.list(
                c,
                "SELECT channel_id, COUNT(*), COALESCE(SUM(total_retail), 0) FROM booking WHERE local_date = ?"
                        + " AND status IN ('CONFIRMED', 'REDEEMED') GROUP BY channel_id",
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)},
                day)) {
            long[] s = row(out, (String) r[0]);
            s[BOOKINGS] += (Long) r[1];
            s[TICKETS] += (Long) r[2];
        }
        for (Object[] r : Jdbc.list(
                c,
                "SELECT b.channel_id, COALESCE(SUM(p.party_size), 0) FROM pass_use u JOIN pass p ON p.pass_id ="
                        + " u.pass_id JOIN booking b ON b.uuid = p.booking_uuid WHERE u.first_entry_at >= ?"
                        + " AND u.first_entry_at < ? GROUP BY b.channel_id",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)},
                fromMs,
                toMs)) {
            row(out, (String) r[0])[ADMITTED] += (Long) r[1];
        }
        return out;
    }

    /** Replaces the rollup rows of {@code day} with {@code rows} (channel → sums). */
    public void replaceDay(Connection c, LocalDate day, Map<String, long[]> rows) throws SQLException {
        Jdbc.update(c, "DELETE FROM measure_day WHERE park_day = ?", day);
        List<Object[]> params = new ArrayList<>();
        rows.forEach((channel, v) -> {
            Object[] p = new Object[Sums.SIZE + 2];
            p[0] = day;
            p[1] = channel;
            for (int i = 0; i < Sums.SIZE; i++) {
                p[i + 2] = v[i];
            }
            params.add(p);
        });
        Jdbc.batch(
                c,
                "INSERT INTO measure_day(park_day, channel_id, " + COLUMNS + ") VALUES (" + Jdbc.marks(Sums.SIZE + 2)
                        + ")",
                params);
    }

    /** The rollup rows of days [from, to], of one channel or (null) all, by day then channel. */
    public List<DayRow> rollup(Connection c, LocalDate from, LocalDate to, String channel) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT park_day, channel_id, " + COLUMNS + " FROM measure_day WHERE park_day >= ? AND park_day <= ?"
                        + (channel == null ? "" : " AND channel_id = ?") + " ORDER BY park_day, channel_id",
                rs -> {
                    long[] v = new long[Sums.SIZE];
                    for (int i = 0; i < Sums.SIZE; i++) {
                        v[i] = rs.getLong(i + 3);
                    }
                    return new DayRow(rs.getObject(1, LocalDate.class), rs.getString(2), Sums.of(v));
                },
                channel == null ? new Object[] {from, to} : new Object[] {from, to, channel});
    }

    /**
     * The park days of bookings changed after {@code sinceMs}: the day each is for now and the day it was counted on
     * before (a booking moved to another day), which this then records.
     */
    public Set<LocalDate> changedBookingDays(Connection c, long sinceMs) throws SQLException {
        List<Object[]> changed = Jdbc.list(
                c,
                "SELECT b.uuid, b.local_date, m.local_date FROM booking b LEFT JOIN measure_booking m"
                        + " ON m.booking_uuid = b.uuid WHERE b.updated_at > ?",
                rs -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)
                },
                sinceMs);
        Set<LocalDate> days = new HashSet<>();
        List<Object[]> moved = new ArrayList<>();
        List<Object[]> added = new ArrayList<>();
        for (Object[] r : changed) {
            days.add((LocalDate) r[1]);
            if (r[2] == null) {
                added.add(new Object[] {r[0], r[1]});
            } else if (!r[1].equals(r[2])) {
                days.add((LocalDate) r[2]);
                moved.add(new Object[] {r[1], r[0]});
            }
        }
        Jdbc.batch(c, "INSERT INTO measure_booking(booking_uuid, local_date) VALUES (?, ?)", added);
        Jdbc.batch(c, "UPDATE measure_booking SET local_date = ? WHERE booking_uuid = ?", moved);
        return days;
    }

    /** The quarter hours ({@link #BUCKET_MS}) of entries received after {@code sinceMs}. */
    public Set<Long> changedEntryBuckets(Connection c, long sinceMs) throws SQLException {
        return new HashSet<>(Jdbc.list(
                c,
                "SELECT DISTINCT corrected_time / " + BUCKET_MS + " FROM entry_event WHERE received_at > ?",
                rs -> rs.getLong(1),
                sinceMs));
    }

    public boolean channelExists(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM channel WHERE id = ?", rs -> rs.getString(1), id)
                .isPresent();
    }

    private static long[] row(Map<String, long[]> out, String channel) {
        return out.computeIfAbsent(channel == null ? "" : channel, k -> new long[Sums.SIZE]);
    }
}
