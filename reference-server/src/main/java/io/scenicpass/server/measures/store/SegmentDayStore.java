package io.scenicpass.server.measures.store;

import io.scenicpass.server.db.Jdbc;
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
 * The SQL of dwell by segment per park day ({@code measure_segment_day}, V97): one day's ended visits of a
 * segment's members by channel, computed from the facts through the day's index; the stored rows of a period; and
 * forgetting days whose facts changed. Channel {@value #MARKER} marks a day computed for an expression.
 */
public final class SegmentDayStore {
    /** The marker row's channel: the day was computed (also when it had no visits). */
    public static final String MARKER = "-";

    /** The days of [from, to] already computed for the segment's expression {@code hash}. */
    public Set<LocalDate> computedDays(Connection c, String segment, String hash, LocalDate from, LocalDate to)
            throws SQLException {
        return new HashSet<>(Jdbc.list(
                c,
                "SELECT park_day FROM measure_segment_day WHERE segment_code = ? AND channel_id = ?"
                        + " AND expression_hash = ? AND park_day >= ? AND park_day <= ?",
                rs -> rs.getObject(1, LocalDate.class),
                segment,
                MARKER,
                hash,
                from,
                to));
    }

    /**
     * Day {@code day}'s ended visits of the visitors matching {@code condition} (the segment's SQL over
     * {@code visitor v}) by channel ('' = none) → {ms from entry to exit summed, visits}.
     */
    public Map<String, long[]> computeDay(Connection c, LocalDate day, String condition, List<Object> args)
            throws SQLException {
        List<Object> all = new ArrayList<>();
        all.add(day);
        all.addAll(args);
        Map<String, long[]> out = new TreeMap<>();
        for (Object[] r : Jdbc.list(
                c,
                "SELECT ch, SUM(d), COUNT(*) FROM (SELECT COALESCE(" + MeasureStore.VISIT_CHANNEL + ", '') AS ch,"
                        + " x.exit_at - x.entry_at AS d FROM visit x JOIN visitor v ON v.id = x.visitor_id"
                        + " WHERE x.visit_day = ? AND " + MeasureStore.ENDED + " AND (" + condition + ")) t"
                        + " GROUP BY ch",
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)},
                all.toArray())) {
            out.put((String) r[0], new long[] {(Long) r[1], (Long) r[2]});
        }
        return out;
    }

    /** Replaces the segment's rows of {@code day} with {@code rows} (channel → {dwell ms, visits}) and the marker. */
    public void replaceDay(Connection c, String segment, String hash, LocalDate day, Map<String, long[]> rows)
            throws SQLException {
        Jdbc.update(c, "DELETE FROM measure_segment_day WHERE segment_code = ? AND park_day = ?", segment, day);
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[] {day, segment, MARKER, hash, 0L, 0L});
        rows.forEach((channel, v) -> params.add(new Object[] {day, segment, channel, hash, v[0], v[1]}));
        Jdbc.batch(
                c,
                "INSERT INTO measure_segment_day(park_day, segment_code, channel_id, expression_hash, dwell_ms, visits)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                params);
    }

    /** The segment's stored sums of [from, to], one channel or (null) all → {dwell ms, visits}. */
    public long[] sum(Connection c, String segment, LocalDate from, LocalDate to, String channel) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(segment, from, to, MARKER));
        if (channel != null) {
            args.add(channel);
        }
        return Jdbc.one(
                        c,
                        "SELECT COALESCE(SUM(dwell_ms), 0), COALESCE(SUM(visits), 0) FROM measure_segment_day"
                                + " WHERE segment_code = ? AND park_day >= ? AND park_day <= ? AND channel_id <> ?"
                                + (channel == null ? "" : " AND channel_id = ?"),
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                        args.toArray())
                .orElse(new long[2]);
    }

    /** Forgets the rows of days whose facts changed: the next period that asks recomputes them. */
    public void forget(Connection c, Set<LocalDate> days) throws SQLException {
        for (LocalDate d : days) {
            Jdbc.update(c, "DELETE FROM measure_segment_day WHERE park_day = ?", d);
        }
    }
}
