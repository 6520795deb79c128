package io.scenicpass.server.measures;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.measures.store.MeasureStore;
import io.scenicpass.server.measures.store.MeasureStore.DayRow;
import io.scenicpass.server.measures.store.SegmentDayStore;
import io.scenicpass.server.reports.Period;
import io.scenicpass.server.visitors.segments.SegmentExpression;
import io.scenicpass.server.visitors.segments.SegmentService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The measures of the visitor facts by park day and channel (docs/operations.md § Measures): secondary spending
 * share, average spend per visitor, repurchase rate, offer conversion, package share, dwell time. Each is a ratio of
 * sums of stored facts (never sampled); the sums come from the daily rollup, refreshed before every answer so the
 * answer equals the computation from the facts ({@link #raw}).
 */
public final class Measures {
    /** The measures of some sums; a ratio whose denominator is 0 is null (no data, not 0 %). */
    public record Values(
            BigDecimal secondarySpendingShare,
            Long averageSpendFen,
            BigDecimal repurchaseRate,
            BigDecimal offerConversion,
            BigDecimal packageShare,
            BigDecimal averageDwellMinutes) {
        static Values of(Sums s) {
            return new Values(
                    ratio(s.receiptsFen(), s.ticketsFen() + s.receiptsFen()),
                    s.admitted() == 0
                            ? null
                            : BigDecimal.valueOf(s.ticketsFen() + s.receiptsFen())
                                    .divide(BigDecimal.valueOf(s.admitted()), 0, RoundingMode.HALF_UP)
                                    .longValue(),
                    ratio(s.returners(), s.visitors()),
                    ratio(s.redeemed(), s.offered()),
                    ratio(s.packageBookings(), s.bookings()),
                    minutes(s.dwellMs(), s.dwellVisits()));
        }
    }

    /** One day (and channel: null = all of the answer's) with its sums and measures. */
    public record Line(LocalDate day, String channelId, Sums sums, Values measures) {
        static Line of(LocalDate day, String channelId, Sums s) {
            return new Line(day, channelId, s, Values.of(s));
        }
    }

    /**
     * A saved segment of the hub: its size now, and the dwell of its members' visits of the period that ended
     * ({@code averageDwellMinutes} null when none did).
     */
    public record SegmentLine(String code, String name, long size, long dwellVisits, BigDecimal averageDwellMinutes) {}

    /**
     * The answer for days [from, to] and a channel (null = all): {@code lines} by day and channel, {@code days} by
     * day (the channels summed), {@code total} of the whole period, {@code segments} with their dwell.
     */
    public record Report(
            LocalDate from,
            LocalDate to,
            String channel,
            List<Line> lines,
            List<Line> days,
            Line total,
            List<SegmentLine> segments) {}

    /** How old the segment sizes of an answer may be (docs/operations.md § Measures). */
    public static final Duration SEGMENT_SIZES_AGE = Duration.ofMinutes(1);

    /** How old the dashboard card's measures may be: the background refresh runs this often. */
    public static final Duration DASHBOARD_AGE = Duration.ofSeconds(30);

    private final Database db;
    private final MeasureStore store;
    private final SegmentService segments;
    private final Rollup rollup;
    private final SegmentDwell segmentDwell;
    private final ZoneId zone;
    private final Clock clock;

    Measures(Database db, MeasureStore store, SegmentService segments, ZoneId zone, Clock clock) {
        this.db = db;
        this.store = store;
        this.segments = segments;
        this.rollup = new Rollup(store, zone);
        this.segmentDwell = new SegmentDwell(new SegmentDayStore());
        this.zone = zone;
        this.clock = clock;
    }

    /** The period of a query's from/to (park days; default today), see {@link Period#parse}. */
    public Period period(String from, String to) {
        return Period.parse(from, to, zone, clock);
    }

    /**
     * Today's measures for the dashboard's card: the rollup as the last refresh left it when that was at most
     * {@link #DASHBOARD_AGE} ago (the background refresh, {@link #refreshForDashboard}, keeps it so while the park is
     * open), refreshed first otherwise. A park day's recomputation grows with the day's visitors (seconds at 150,000),
     * so the card never waits for it while facts stream in; the admin API's answers stay exact ({@link #report}).
     */
    public Report today() {
        Period p = period(null, null);
        Instant at = db.read(rollup::refreshedAt).orElse(null);
        if (at == null || at.plus(DASHBOARD_AGE).isBefore(clock.instant())) {
            return report(p, null);
        }
        List<SegmentService.Sized> sized = segments.all(SEGMENT_SIZES_AGE);
        return db.tx(c -> stored(c, p, null, sized));
    }

    /**
     * The background refresh (every {@link #DASHBOARD_AGE} on one node): the rollup brought up to the facts, and
     * today's dwell by segment computed, so the dashboard's card reads stored rows.
     */
    public void refreshForDashboard() {
        Period p = period(null, null);
        List<SegmentService.Sized> sized = segments.all(SEGMENT_SIZES_AGE);
        db.tx(c -> {
            segmentDwell.forget(c, rollup.refresh(c, clock.instant()));
            return stored(c, p, null, sized);
        });
    }

    /** The measures of the period's park days, from the rollup refreshed first (the hub's facts caught up). */
    public Report report(Period p, String channel) {
        // brings the hub's visits up to date first; the sizes at most a minute old (a count over every known visitor)
        List<SegmentService.Sized> sized = segments.all(SEGMENT_SIZES_AGE);
        return db.tx(c -> {
            if (channel != null && !store.channelExists(c, channel)) {
                throw new ServiceException(Problem.NOT_FOUND, "no channel " + channel, channel);
            }
            segmentDwell.forget(c, rollup.refresh(c, clock.instant()));
            return stored(c, p, channel, sized);
        });
    }

    /** The answer from the rollup as it stands, with the segments' dwell from the per-day rows (missing days computed). */
    private Report stored(Connection c, Period p, String channel, List<SegmentService.Sized> sized)
            throws SQLException {
        List<SegmentLine> lines = new ArrayList<>();
        for (SegmentService.Sized s : sized) {
            lines.add(segmentLine(s, segmentDwell.of(c, s.segment(), p.firstDay(), p.lastDay(), channel)));
        }
        return report(p, channel, store.rollup(c, p.firstDay(), p.lastDay(), channel), lines);
    }

    /**
     * The same measures computed from the facts day by day, without the rollup (for checks and benchmarks); the
     * bookings as the last refresh recorded them ({@code measure_booking}).
     */
    public Report raw(Period p, String channel) {
        List<DayRow> rows = db.read(c -> {
            List<DayRow> out = new ArrayList<>();
            for (LocalDate d = p.firstDay(); !d.isAfter(p.lastDay()); d = d.plusDays(1)) {
                for (Map.Entry<String, long[]> e : rollup.raw(c, d).entrySet()) {
                    if (channel == null || channel.equals(e.getKey())) {
                        out.add(new DayRow(d, e.getKey(), Sums.of(e.getValue())));
                    }
                }
            }
            return out;
        });
        return report(p, channel, rows, segmentLines(segments.all(SEGMENT_SIZES_AGE), p, channel));
    }

    /** The channel of a query: null (all) when absent or blank. */
    public static String channel(String q) {
        return q == null || q.isBlank() ? null : q.trim();
    }

    /** Refreshes the rollup now; returns how many days were recomputed. */
    public int refresh() {
        return db.tx(c -> {
            Set<LocalDate> days = rollup.refresh(c, clock.instant());
            segmentDwell.forget(c, days);
            return days.size();
        });
    }

    private List<SegmentLine> segmentLines(List<SegmentService.Sized> sized, Period p, String channel) {
        return db.read(c -> {
            List<SegmentLine> out = new ArrayList<>();
            for (SegmentService.Sized s : sized) {
                SegmentExpression e = SegmentExpression.parse(s.segment().expression());
                out.add(segmentLine(s, store.dwellOf(c, p.firstDay(), p.lastDay(), channel, e.sql(), e.args())));
            }
            return out;
        });
    }

    private static SegmentLine segmentLine(SegmentService.Sized s, long[] dwell) {
        return new SegmentLine(s.segment().code(), s.segment().name(), s.size(), dwell[1], minutes(dwell[0], dwell[1]));
    }

    private static Report report(Period p, String channel, List<DayRow> rows, List<SegmentLine> segments) {
        List<Line> lines = new ArrayList<>();
        Map<LocalDate, Sums> byDay = new TreeMap<>();
        Sums total = Sums.ZERO;
        for (DayRow r : rows) {
            if (r.sums().equals(Sums.ZERO)) {
                continue;
            }
            lines.add(Line.of(r.day(), r.channelId(), r.sums()));
            byDay.merge(r.day(), r.sums(), Sums::plus);
            total = total.plus(r.sums());
        }
        List<Line> days = new ArrayList<>();
        byDay.forEach((d, s) -> days.add(Line.of(d, channel, s)));
        return new Report(p.firstDay(), p.lastDay(), channel, lines, days, Line.of(null, channel, total), segments);
    }

    private static BigDecimal minutes(long ms, long visits) {
        return visits == 0
                ? null
                : BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(visits * 60_000L), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
