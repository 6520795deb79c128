package io.scenicpass.benchmarks.server;

import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.measures.Measures;
import io.scenicpass.server.measures.store.MeasureStore;
import io.scenicpass.server.reports.Period;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.visitors.segments.SegmentService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The measures at scale on PostgreSQL (issue #19): generates {@code --days} park days of {@code --visitors} a day
 * ({@link VisitorFacts}, COPY), builds the rollup once, then times (p50/p99 of {@code --queries} calls, one thread)
 * the dashboard's and the admin API's measure queries against a floor in the same run ({@code SELECT 1} through the
 * same pool), and prints the query plans of one day's recomputation (EXPLAIN ANALYZE) at that size.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.scenicpass.benchmarks.server.MeasuresScale --days 30 --visitors 150000
 * </pre>
 *
 * Phases can be skipped ({@code --skip-rollup}, {@code --skip-timed}, {@code --skip-ingest}, {@code --skip-explain}):
 * for example {@code --days 365 --visitors 2000 --skip-rollup --skip-timed --skip-ingest} shows only the plans of a
 * day's recomputation after a year of history. {@code --keep DIR} keeps the PostgreSQL server and the generated
 * facts in {@code DIR} (a year takes ~40 minutes to generate): a later run with the same {@code --keep}, days and
 * visitors starts that server again, migrates the database to this build's schema (as an upgrade would) and skips
 * the generation.
 */
public final class MeasuresScale {
    private MeasuresScale() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i < args.length; i++) { // --name value, or a flag --skip-x alone
            String name = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            a.put(name, flag ? "true" : args[++i]);
        }
        int days = Integer.parseInt(a.getOrDefault("days", "30"));
        int visitors = Integer.parseInt(a.getOrDefault("visitors", "150000"));
        int queries = Integer.parseInt(a.getOrDefault("queries", "50"));
        Set<String> skip = new TreeSet<>();
        for (String phase : List.of("rollup", "timed", "ingest", "explain", "retention")) {
            if (a.containsKey("skip-" + phase)) {
                skip.add(phase);
            }
        }
        String keep = a.get("keep");
        Path dir;
        ScenicPassServer server;
        if (keep == null) {
            dir = Files.createTempDirectory("sp-measures-scale");
            server = BenchServer.start("postgres", dir);
        } else {
            Path kept = Files.createDirectories(Path.of(keep).toAbsolutePath());
            System.setProperty(PostgresServer.DIR_PROPERTY, kept.resolve("pg").toString());
            dir = Files.createDirectories(
                    kept.resolve("server"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            server = BenchServer.startOn(PostgresServer.get().database("measures_scale"), dir);
        }
        try {
            run(server, days, visitors, queries, skip);
        } finally {
            server.close();
            if (keep == null) {
                BenchServer.deleteTree(dir);
            }
        }
    }

    /**
     * Generates the facts, then runs the phases not in {@code skip}: "rollup" (its first build, and the timed calls
     * that read it), "timed", "ingest", "explain"; each result is printed as soon as it is measured.
     */
    static void run(ScenicPassServer server, int days, int visitors, int queries, Set<String> skip) throws Exception {
        LocalDate today = LocalDate.ofInstant(server.clock().instant(), VisitorFacts.ZONE);
        LocalDate first = today.minusDays(days - 1);
        String generated = server.database()
                .read(c -> new SettingStore().get(c, GENERATED))
                .orElse(null);
        if (generated == null) {
            generate(server, days, visitors, today, first);
        } else if (!generated.equals(days + "x" + visitors)) {
            throw new IllegalArgumentException("--keep holds " + generated + " (days x visitors), not " + days + "x"
                    + visitors + ": use another directory");
        } else {
            System.out.println("generated facts kept from an earlier run: " + generated + " (days x visitors)");
            // the kept facts include the earlier run's late entries and ingest, received at its clock: this run's
            // clock goes on from there (past the rollup's look-back), as a server restarted later would
            server.database()
                    .read(c -> new SettingStore().get(c, CLOCK))
                    .ifPresent(t -> ((MutableClock) server.clock())
                            .set(Instant.ofEpochMilli(Long.parseLong(t)).plus(Duration.ofMinutes(6))));
        }
        try {
            phases(server, days, queries, skip, today, first);
        } finally {
            server.database().tx(c -> {
                new SettingStore().put(c, CLOCK, Long.toString(server.clock().millis()));
                return null;
            });
        }
    }

    /** The phases after the generation: rollup, timed calls, ingest, plans, each unless skipped. */
    static void phases(
            ScenicPassServer server, int days, int queries, Set<String> skip, LocalDate today, LocalDate first)
            throws Exception {
        printSizes(server);
        if (server.visitors().segments().all().isEmpty()) {
            server.visitors().segments().put("regulars", new SegmentService.Input("Regulars", "visits12m >= 2"));
        }
        Measures m = server.measures().measures;
        if (!skip.contains("rollup")) {
            long b0 = System.nanoTime();
            int built = m.refresh();
            System.out.printf(Locale.ROOT, "rollup built: %d days in %.1f s%n", built, (System.nanoTime() - b0) / 1e9);
            // the server's clock stands at 08:00 of the last generated day, whose visits run until the evening: move it
            // past that day's last fact and the rollup's 5-minute look-back (Rollup.MARGIN_MS), refresh once, so
            // "nothing changed" below finds nothing — the dashboard read in the evening after the park day
            Instant evening = today.plusDays(1)
                    .atStartOfDay(VisitorFacts.ZONE)
                    .toInstant()
                    .plus(Duration.ofMinutes(6));
            if (server.clock().instant().isBefore(evening)) {
                ((MutableClock) server.clock()).set(evening);
            }
            m.refresh();
        }
        if (!skip.contains("timed")) {
            timed(server, m, first, today, days, queries, !skip.contains("rollup"));
        }
        if (!skip.contains("ingest")) {
            ingest(server, Math.max(3, queries / 10));
        }
        if (!skip.contains("explain")) {
            explain(server, today);
        }
        if (!skip.contains("retention")) {
            retention(server, first);
        }
    }

    /**
     * The next day's retention run (the hourly job's first run of a day): the tags of every visitor with a fact on
     * the first generated day, which has just left the 12-month window, recomputed; once, since each day is done once.
     */
    static void retention(ScenicPassServer server, LocalDate first) {
        Instant next =
                first.plusYears(1).atStartOfDay(VisitorFacts.ZONE).toInstant().plus(Duration.ofHours(1));
        if (server.clock().instant().isBefore(next)) {
            ((MutableClock) server.clock()).set(next);
        }
        long visitors = server.database()
                .read(c -> new io.scenicpass.server.visitors.store.TagStore()
                        .withFactOn(c, first)
                        .size());
        long t = System.nanoTime();
        server.visitors().privacy().retain();
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "retention run: %,d visitors' tags recomputed (their day left the 12-month window) in %.1f s (%,.0f/s)%n",
                visitors,
                s,
                visitors / s);
    }

    /** The setting that records the generated facts' size, "days" x "visitors". */
    static final String GENERATED = "bench.measuresScale.generated";

    /** The setting that records the clock (epoch ms) at the end of the last run on kept facts. */
    static final String CLOCK = "bench.measuresScale.clock";

    /** Generates the channels, an offer and the facts of days [first, today] (COPY), then ANALYZE. */
    static void generate(ScenicPassServer server, int days, int visitors, LocalDate today, LocalDate first)
            throws Exception {
        for (String ch : VisitorFacts.CHANNELS) {
            server.channels().create(new Channel(ch, ch, "OTA", null, null, 1000, 1000, true));
        }
        long rows = 0;
        long t0 = System.nanoTime();
        try (Connection c = server.database().openDedicatedConnection("measures-scale")) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO offer(id, title, kind, amount, coupon_trigger, coupon_days, status, created_at,"
                        + " updated_at) VALUES ('gen-camp', 'Come back', 'PERCENT', 10, 'EXIT', 30, 'ACTIVE', 0, 0)");
            }
            int index = 0;
            for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                rows += VisitorFacts.day(c, d, index++, visitors, !d.isBefore(today.minusDays(1)));
                if (d.getDayOfMonth() % 5 == 0) {
                    System.out.printf(Locale.ROOT, "  generated up to %s: %,d rows%n", d, rows);
                }
            }
            try (Statement st = c.createStatement()) {
                // the generated history already holds the hub's facts (visitors, visits, receipts): its feed starts
                // after it, as on a hub that took every booking and entry in as they came
                for (String[] f : List.of(
                        new String[] {"visitors.feed.bookings", "SELECT MAX(confirmed_at) FROM booking"},
                        new String[] {"visitors.feed.entries", "SELECT MAX(received_at) FROM entry_event"})) {
                    st.execute("INSERT INTO setting(name, setting_value) SELECT '" + f[0] + "', CAST((" + f[1]
                            + ") + 1 AS VARCHAR)");
                }
                st.execute("ANALYZE");
            }
        }
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "generated %d days × %,d visitors: %,d rows in %.0f s (%,.0f rows/s, COPY)%n",
                days,
                visitors,
                rows,
                genSeconds,
                rows / genSeconds);
        server.database().tx(c -> {
            new SettingStore().put(c, GENERATED, days + "x" + visitors);
            return null;
        });
    }

    /** The timed calls, each row printed when measured; those reading the rollup only when it was built. */
    static void timed(
            ScenicPassServer server, Measures m, LocalDate first, LocalDate today, int days, int n, boolean rollup) {
        Period day = m.period(today.toString(), today.toString());
        Period month = m.period(today.minusDays(Math.min(days, 30) - 1).toString(), today.toString());
        Period all = m.period(first.toString(), today.toString());
        print(time(
                "floor: SELECT 1 (same pool)",
                n,
                () -> server.database().read(c -> {
                    try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery("SELECT 1")) {
                        return rs.next();
                    }
                })));
        print(time("one day recomputed from the facts (raw)", Math.max(5, n / 5), () -> m.raw(day, null)));
        if (!rollup) {
            return;
        }
        print(time("segment sizes: the background count (one scan, every visitor)", Math.max(3, n / 5), () -> {
            server.visitors().segments().recount();
            return null;
        }));
        print(time(
                "of which: the hub caught up, the sizes of the last count",
                n,
                () -> server.visitors().segments().all(Measures.SEGMENT_SIZES_AGE)));
        print(time("dashboard card (today), refreshed < 30 s before", n, m::today));
        print(time("today (admin API), nothing changed", n, () -> m.report(day, null)));
        print(time("30 days, nothing changed", n, () -> m.report(month, null)));
        print(time(days + " days (all), nothing changed", n, () -> m.report(all, null)));
        print(time("30 days, one channel", n, () -> m.report(month, "ota-a")));
        int k = Math.max(5, n / 5);
        print(time("a late entry today, then the admin API (today recomputed)", k, () -> {
            touchToday(server, today);
            return m.report(day, null);
        }));
        print(time("a late entry today, then the background refresh (the job)", k, () -> {
            touchToday(server, today);
            m.refreshForDashboard();
            return null;
        }));
        print(time("a late entry today, then the dashboard card", k, () -> {
            touchToday(server, today);
            return m.today();
        }));
    }

    static void print(String[] row) {
        System.out.println(String.join("  ", row));
        System.out.flush();
    }

    /** Entries and exits through the real path against the raw batch insert, alternating, {@code rounds} times. */
    static void ingest(ScenicPassServer server, int rounds) throws Exception {
        FactIngest f = new FactIngest(server);
        long hubNs = 0;
        long floorNs = 0;
        long events = 0;
        for (int r = 0; r <= rounds; r++) {
            List<String> passes = f.issue(100); // 400 passes: 400 entries + 400 exits
            long h = f.ingest(passes);
            long fl = f.floor(passes);
            if (r > 0) { // the first round warms up
                hubNs += h;
                floorNs += fl;
                events += 2L * passes.size();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "ingest at this size, %,d events in %d rounds: real path %,.0f events/s, floor (raw batch insert)"
                        + " %,.0f events/s, ratio %.1f×%n",
                events,
                rounds,
                events / (hubNs / 1e9),
                events / (floorNs / 1e9),
                (double) hubNs / floorNs);
    }

    /**
     * A gate event of today received now, not taken in by the hub yet (as a late upload of an offline gate): the hub's
     * feed applies it at the next answer and today's rollup row is recomputed.
     */
    static void touchToday(ScenicPassServer server, LocalDate today) {
        long now = server.clock().instant().toEpochMilli() + 1;
        server.database().tx(c -> {
            String id;
            try (var ps = c.prepareStatement("SELECT event_id FROM entry_event WHERE corrected_time >= ? AND pass_id IS"
                    + " NOT NULL ORDER BY corrected_time LIMIT 1")) {
                ps.setLong(1, today.atStartOfDay(VisitorFacts.ZONE).toInstant().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getString(1);
                }
            }
            try (var ps = c.prepareStatement("UPDATE entry_event SET received_at = ? WHERE event_id = ?")) {
                ps.setLong(1, now);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("DELETE FROM visitor_entry_applied WHERE event_id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    static String[] time(String what, int n, Supplier<Object> call) {
        for (int i = 0; i < Math.min(3, n); i++) {
            call.get(); // warm
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return new String[] {
            String.format(Locale.ROOT, "%-58s", what),
            String.format(
                    Locale.ROOT,
                    "n=%d p50=%.1fms p99=%.1fms max=%.1fms",
                    n,
                    ms(nanos, 50),
                    ms(nanos, 99),
                    nanos[n - 1] / 1e6)
        };
    }

    static double ms(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static void printSizes(ScenicPassServer server) {
        server.database().read(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE relname IN"
                                    + " ('booking', 'pass', 'pass_use', 'entry_event', 'coupon', 'offer_redemption',"
                                    + " 'package_booking_part', 'visitor', 'visit', 'visitor_receipt') ORDER BY relname")) {
                StringBuilder s = new StringBuilder("rows:");
                while (rs.next()) {
                    s.append(String.format(Locale.ROOT, " %s %,d", rs.getString(1), rs.getLong(2)));
                }
                System.out.println(s);
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                System.out.printf(Locale.ROOT, "database size: %,d MB%n", rs.getLong(1) >> 20);
            }
            return null;
        });
    }

    /** EXPLAIN ANALYZE of one day's fact queries: the statements of {@link MeasureStore#rawDay}, values bound. */
    static void explain(ScenicPassServer server, LocalDate day) {
        long from = day.atStartOfDay(VisitorFacts.ZONE).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(VisitorFacts.ZONE).toInstant().toEpochMilli();
        Map<String, Object[]> sql = new LinkedHashMap<>();
        sql.put(MeasureStore.BOOKINGS_OF_DAY, new Object[] {day});
        sql.put(MeasureStore.RECEIPTS_OF_DAY, new Object[] {day});
        sql.put(MeasureStore.VISITS_OF_DAY, new Object[] {day});
        sql.put(MeasureStore.RETURNERS_OF_DAY, new Object[] {day, day, day.minusYears(1)});
        sql.put(MeasureStore.COUPONS_OF_DAY, new Object[] {day});
        sql.put(MeasureStore.ADMITTED_OF_DAY, new Object[] {from, to});
        server.database().read(c -> {
            for (Map.Entry<String, Object[]> q : sql.entrySet()) {
                System.out.println("\nEXPLAIN ANALYZE " + q.getKey() + "  -- " + Arrays.toString(q.getValue()));
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) " + q.getKey())) {
                    for (int i = 0; i < q.getValue().length; i++) {
                        ps.setObject(i + 1, q.getValue()[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            System.out.println("  " + rs.getString(1));
                        }
                    }
                }
            }
            return null;
        });
    }
}
