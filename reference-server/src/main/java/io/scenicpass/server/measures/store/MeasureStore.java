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
    private static final int TICKETS = 0, BOOKINGS = 1, PACKAGES = 2, ADMITTED = 3, RECEIPTS = 4, VISITORS = 5;

    private static final int RETURNERS = 6, DWELL_MS = 7, DWELL_VISITS = 8, OFFERED = 9, REDEEMED = 10;

    /**
     * The channel of a visit's booking, and of a pass's booking: looked up per row through the primary keys (a join
     * would let the planner scan every booking ever sold for one day's rows: 5.5 s against 1.2 s at 1.8 million
     * bookings, docs/benchmarks.md § Measures at scale).
     */
    static final String VISIT_CHANNEL = "(SELECT b.channel_id FROM booking b WHERE b.uuid = x.booking_uuid)";

    private static String channelOf(String passId) {
        return "(SELECT b.channel_id FROM pass p JOIN booking b ON b.uuid = p.booking_uuid WHERE p.pass_id = " + passId
                + ")";
    }

    /**
     * The returners of a day by channel (parameters: the day, the day, a year before it): the day's visitors whose
     * latest earlier visit is within the year. That visit is found per visitor of the day (a scalar subquery, which
     * the planner keeps as one probe of {@code visit_by_visitor} per row), so the cost grows with the day's visitors,
     * not with the look-back's history; an {@code EXISTS} became a hash semi-join over every visit of the window
     * (docs/benchmarks.md § Measures at scale).
     */
    public static final String RETURNERS_OF_DAY =
            "SELECT t.ch, COUNT(DISTINCT t.visitor_id) FROM (SELECT " + VISIT_CHANNEL
                    + " AS ch, x.visitor_id FROM visit x WHERE x.visit_day = ? AND x.visitor_id IS NOT NULL AND (SELECT"
                    + " MAX(y.visit_day) FROM visit y WHERE y.visitor_id = x.visitor_id AND y.visit_day < ?) >= ?) t"
                    + " GROUP BY t.ch";

    /** A visit with its first entry and last exit: its dwell counts. */
    static final String ENDED = "x.entry_at IS NOT NULL AND x.exit_at IS NOT NULL";

    /** A sold booking: confirmed, not cancelled (a coupon in such a booking is redeemed). */
    private static final String SOLD = "('CONFIRMED', 'REDEEMED')";

    /**
     * A day's sold bookings by channel: count, tickets, package bookings (parameter: the day), from the refresh's
     * record of each booking ({@code measure_booking}, V98: indexed by day) — {@code booking} has no index by date
     * (V43), and a scan of it grows with every day kept.
     */
    public static final String BOOKINGS_OF_DAY = "SELECT channel_id, COUNT(*), COALESCE(SUM(total_retail), 0),"
            + " COALESCE(SUM(CASE WHEN package = TRUE THEN 1 ELSE 0 END), 0) FROM measure_booking"
            + " WHERE local_date = ? AND sold = TRUE GROUP BY channel_id";

    /** What {@code measure_booking} keeps of a booking, in its column order after the uuid. */
    private static final String BOOKING_FACTS = "b.local_date, b.channel_id, CASE WHEN b.status IN " + SOLD
            + " THEN TRUE ELSE FALSE END, b.total_retail, CASE WHEN EXISTS (SELECT 1 FROM package_booking_part p"
            + " WHERE p.booking_uuid = b.uuid) THEN TRUE ELSE FALSE END";

    /** A day's receipts by the channel of the pass they name (parameter: the day). */
    public static final String RECEIPTS_OF_DAY = "SELECT t.ch, COALESCE(SUM(t.amount), 0) FROM (SELECT "
            + channelOf("r.pass_id") + " AS ch, r.amount FROM visitor_receipt r WHERE r.receipt_day = ?) t"
            + " GROUP BY t.ch";

    /** A day's visitors and dwell of the visits that ended, by channel (parameter: the day). */
    public static final String VISITS_OF_DAY =
            "SELECT t.ch, COUNT(DISTINCT t.visitor_id), COALESCE(SUM(t.dwell), 0), COALESCE(SUM(t.ended), 0)"
                    + " FROM (SELECT " + VISIT_CHANNEL + " AS ch, x.visitor_id, CASE WHEN " + ENDED
                    + " THEN x.exit_at - x.entry_at ELSE 0 END AS dwell, CASE WHEN " + ENDED
                    + " THEN 1 ELSE 0 END AS ended FROM visit x WHERE x.visit_day = ?) t GROUP BY t.ch";

    /** The coupons issued for a day's visits and those used in a sold booking (parameter: the day). */
    public static final String COUPONS_OF_DAY = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM"
            + " offer_redemption r JOIN booking b ON b.uuid = r.booking_uuid WHERE r.coupon_code = k.code AND"
            + " b.status IN " + SOLD + ") THEN 1 ELSE 0 END), 0) FROM coupon k WHERE k.visit_day = ?";

    /** People admitted by channel: passes' first entries in [from, to) ms (parameters: from, to). */
    public static final String ADMITTED_OF_DAY = "SELECT t.ch, COALESCE(SUM(t.party), 0) FROM (SELECT "
            + channelOf("u.pass_id") + " AS ch, (SELECT p.party_size FROM pass p WHERE p.pass_id = u.pass_id) AS"
            + " party FROM pass_use u WHERE u.first_entry_at >= ? AND u.first_entry_at < ?) t GROUP BY t.ch";

    /** A quarter of an hour: entries' times are bucketed so any zone's day boundary falls between buckets. */
    public static final long BUCKET_MS = 15 * 60_000L;

    /**
     * The sums of park day {@code day} ([{@code fromMs}, {@code toMs}) in the park's zone), by channel, from the
     * facts: tickets = confirmed bookings for the day (not cancelled; partial refunds already taken out of their
     * totals; a package booking = one that took partner parts), admitted = people on passes whose first entry fell
     * in the day; receipts of the day (channel: of the booking of the pass they name); the hub's visits of the day
     * (distinct visitors, those of them with another visit in the year before, dwell of visits that ended; channel:
     * of the visit's booking); coupons issued for the day's visits and those used in a sold booking (channel '').
     */
    public Map<String, long[]> rawDay(Connection c, LocalDate day, long fromMs, long toMs) throws SQLException {
        Map<String, long[]> out = new TreeMap<>();
        for (Object[] r : Jdbc.list(
                c,
                BOOKINGS_OF_DAY,
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)},
                day)) {
            long[] s = row(out, (String) r[0]);
            s[BOOKINGS] += (Long) r[1];
            s[TICKETS] += (Long) r[2];
            s[PACKAGES] += (Long) r[3];
        }
        for (Object[] r : Jdbc.list(c, RECEIPTS_OF_DAY, rs -> new Object[] {rs.getString(1), rs.getLong(2)}, day)) {
            row(out, (String) r[0])[RECEIPTS] += (Long) r[1];
        }
        for (Object[] r : Jdbc.list(
                c,
                VISITS_OF_DAY,
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)},
                day)) {
            long[] s = row(out, (String) r[0]);
            s[VISITORS] += (Long) r[1];
            s[DWELL_MS] += (Long) r[2];
            s[DWELL_VISITS] += (Long) r[3];
        }
        for (Object[] r : Jdbc.list(
                c,
                RETURNERS_OF_DAY,
                rs -> new Object[] {rs.getString(1), rs.getLong(2)},
                day,
                day,
                day.minusYears(1))) {
            row(out, (String) r[0])[RETURNERS] += (Long) r[1];
        }
        for (long[] r : Jdbc.list(c, COUPONS_OF_DAY, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, day)) {
            if (r[0] > 0) {
                long[] s = row(out, "");
                s[OFFERED] += r[0];
                s[REDEEMED] += r[1];
            }
        }
        for (Object[] r :
                Jdbc.list(c, ADMITTED_OF_DAY, rs -> new Object[] {rs.getString(1), rs.getLong(2)}, fromMs, toMs)) {
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
     * before (a booking moved to another day), which this then records with what the day's sums need of it.
     */
    public Set<LocalDate> changedBookingDays(Connection c, long sinceMs) throws SQLException {
        if (sinceMs == Long.MIN_VALUE) { // the first refresh: every booking, in two set-based statements
            Jdbc.update(c, "DELETE FROM measure_booking");
            Jdbc.update(
                    c,
                    "INSERT INTO measure_booking(booking_uuid, local_date, channel_id, sold, total_retail, package)"
                            + " SELECT b.uuid, " + BOOKING_FACTS + " FROM booking b");
            return new HashSet<>(
                    Jdbc.list(c, "SELECT DISTINCT local_date FROM booking", rs -> rs.getObject(1, LocalDate.class)));
        }
        List<Object[]> changed = Jdbc.list(
                c,
                "SELECT b.uuid, " + BOOKING_FACTS + ", m.local_date FROM booking b LEFT JOIN measure_booking m"
                        + " ON m.booking_uuid = b.uuid WHERE b.updated_at > ?",
                rs -> new Object[] {
                    rs.getString(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getString(3),
                    rs.getBoolean(4),
                    rs.getLong(5),
                    rs.getBoolean(6),
                    rs.getObject(7, LocalDate.class)
                },
                sinceMs);
        Set<LocalDate> days = new HashSet<>();
        List<Object[]> added = new ArrayList<>();
        List<Object[]> updated = new ArrayList<>();
        for (Object[] r : changed) {
            days.add((LocalDate) r[1]);
            if (r[6] == null) {
                added.add(new Object[] {r[0], r[1], r[2], r[3], r[4], r[5]});
            } else {
                days.add((LocalDate) r[6]); // moved to another day: the day it was counted on changes too
                updated.add(new Object[] {r[1], r[2], r[3], r[4], r[5], r[0]});
            }
        }
        Jdbc.batch(
                c,
                "INSERT INTO measure_booking(booking_uuid, local_date, channel_id, sold, total_retail, package)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                added);
        Jdbc.batch(
                c,
                "UPDATE measure_booking SET local_date = ?, channel_id = ?, sold = ?, total_retail = ?, package = ?"
                        + " WHERE booking_uuid = ?",
                updated);
        return days;
    }

    /**
     * The visit days of coupons issued, or used or given back (their booking changed), after {@code sinceMs}.
     */
    public Set<LocalDate> changedCouponDays(Connection c, long sinceMs) throws SQLException {
        return new HashSet<>(Jdbc.list(
                c,
                "SELECT visit_day FROM coupon WHERE created_at > ? UNION SELECT k.visit_day FROM offer_redemption r"
                        + " JOIN coupon k ON k.code = r.coupon_code WHERE r.created_at > ? UNION SELECT k.visit_day"
                        + " FROM booking b JOIN offer_redemption r ON r.booking_uuid = b.uuid JOIN coupon k"
                        + " ON k.code = r.coupon_code WHERE b.updated_at > ?",
                rs -> rs.getObject(1, LocalDate.class),
                sinceMs,
                sinceMs,
                sinceMs));
    }

    /**
     * The visits of days [from, to] (of one channel, or null: all) that ended, of the visitors matching a segment's
     * condition ({@code condition} over {@code visitor v}, from the hub's own expression language, never an
     * operator's SQL): {ms from entry to exit summed, visits}.
     */
    public long[] dwellOf(
            Connection c, LocalDate from, LocalDate to, String channel, String condition, List<Object> args)
            throws SQLException {
        List<Object> all = new ArrayList<>(List.of(from, to));
        if (channel != null) {
            all.add(channel);
        }
        all.addAll(args);
        return Jdbc.one(
                        c,
                        "SELECT COALESCE(SUM(x.exit_at - x.entry_at), 0), COUNT(*) FROM visit x JOIN visitor v"
                                + " ON v.id = x.visitor_id WHERE x.visit_day >= ? AND x.visit_day <= ? AND " + ENDED
                                + (channel == null ? "" : " AND " + VISIT_CHANNEL + " = ?") + " AND (" + condition
                                + ")",
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                        all.toArray())
                .orElse(new long[2]);
    }

    /** The days of receipts received after {@code sinceMs}. */
    public Set<LocalDate> changedReceiptDays(Connection c, long sinceMs) throws SQLException {
        return new HashSet<>(Jdbc.list(
                c,
                "SELECT DISTINCT receipt_day FROM visitor_receipt WHERE received_at > ?",
                rs -> rs.getObject(1, LocalDate.class),
                sinceMs));
    }

    /**
     * The days of visits the hub changed after {@code sinceMs} (entries it applied), and the days of the same
     * visitors' later visits within a year (whether those visitors were returning depends on the changed visit). In
     * two steps, each through an index: the changed visits from the applied entries, then the later visits of their
     * visitors by {@code visit_by_visitor}, {@value #VISITORS_PER_QUERY} visitors a query (one statement joining
     * both made H2 read every visit: seconds per dashboard answer on the demo's 28 days).
     */
    public Set<LocalDate> changedVisitDays(Connection c, long sinceMs) throws SQLException {
        Set<LocalDate> days = new HashSet<>();
        Map<Long, LocalDate[]> span = new TreeMap<>(); // visitor → {earliest, latest} changed visit day
        for (Object[] r : Jdbc.list(
                c,
                "SELECT DISTINCT v.visit_day, v.visitor_id FROM visitor_entry_applied a JOIN entry_event e"
                        + " ON e.event_id = a.event_id JOIN visit v ON v.pass_id = e.pass_id WHERE a.applied_at > ?",
                rs -> new Object[] {rs.getObject(1, LocalDate.class), rs.getObject(2, Long.class)},
                sinceMs)) {
            LocalDate day = (LocalDate) r[0];
            days.add(day);
            if (r[1] != null) {
                span.merge((Long) r[1], new LocalDate[] {day, day}, (a, b) ->
                        new LocalDate[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
        }
        List<Long> visitors = new ArrayList<>(span.keySet());
        for (int i = 0; i < visitors.size(); i += VISITORS_PER_QUERY) {
            List<Long> chunk = visitors.subList(i, Math.min(visitors.size(), i + VISITORS_PER_QUERY));
            LocalDate from = chunk.stream()
                    .map(v -> span.get(v)[0])
                    .min(LocalDate::compareTo)
                    .orElseThrow();
            List<Object> args = new ArrayList<>(chunk);
            args.add(from);
            for (Object[] r : Jdbc.list(
                    c,
                    "SELECT DISTINCT visitor_id, visit_day FROM visit WHERE visitor_id IN (" + Jdbc.marks(chunk.size())
                            + ") AND visit_day > ?",
                    rs -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class)},
                    args.toArray())) {
                // within a year after one of the visitor's changed visits, or (a visitor with several: rarely more)
                // between them: recomputing a day too many changes nothing
                LocalDate[] changed = span.get((Long) r[0]);
                LocalDate later = (LocalDate) r[1];
                if (later.isAfter(changed[0]) && !later.isAfter(changed[1].plusYears(1))) {
                    days.add(later);
                }
            }
        }
        return days;
    }

    /** How many visitors one query of {@link #changedVisitDays} asks for their later visits. */
    static final int VISITORS_PER_QUERY = 500;

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
