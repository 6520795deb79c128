package io.scenicpass.server.visitors;

import io.scenicpass.server.visitors.store.TagStore;
import io.scenicpass.server.visitors.store.VisitorStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The computed tags, each with its rule (docs/operations.md § Visitor data hub), over the visitor's facts of the
 * last 12 months: {@code family} a booking with a CHILD, INFANT or FAMILY unit; {@code senior} one with a SENIOR
 * unit; {@code repeat} visits on two or more days; {@code culture} a visit with at least {@code cultureMinutes} in a
 * MUSEUM zone; {@code thrill} two or more entries into CABLE_CAR zones. Recomputed incrementally: only the visitor a
 * new fact belongs to is read again (their own rows, by index), never the whole table; the daily job does the same
 * for the visitors whose facts leave the 12-month window.
 */
public final class Tags {
    public static final List<String> ALL = List.of("family", "senior", "repeat", "culture", "thrill");
    private final TagStore store;
    private final VisitorStore visitors;
    private final ZoneId zone;
    private final int cultureMinutes;

    Tags(TagStore store, VisitorStore visitors, ZoneId zone, int cultureMinutes) {
        this.store = store;
        this.visitors = visitors;
        this.zone = zone;
        this.cultureMinutes = cultureMinutes;
    }

    /** The visitor's profile and tags recomputed from their own facts of the 12 months before {@code now}. */
    void refresh(Connection c, long visitorId, Instant now) throws SQLException {
        LocalDate today = LocalDate.ofInstant(now, zone);
        TagStore.Facts f = store.facts(c, visitorId, since(today));
        Set<String> tags = new TreeSet<>();
        if (f.unitTypes().contains("CHILD")
                || f.unitTypes().contains("INFANT")
                || f.unitTypes().contains("FAMILY")) {
            tags.add("family");
        }
        if (f.unitTypes().contains("SENIOR")) {
            tags.add("senior");
        }
        if (f.visits() >= 2) {
            tags.add("repeat");
        }
        if (f.longestMuseumMinutes() >= cultureMinutes) {
            tags.add("culture");
        }
        if (f.cableCarEntries() >= 2) {
            tags.add("thrill");
        }
        store.write(c, visitorId, tags, now);
        visitors.profile(
                c,
                visitorId,
                f.visits(),
                f.bookings(),
                f.receipts(),
                f.spend(),
                f.dwell(),
                f.lastDay() == null ? today : f.lastDay());
    }

    /** The first day of the 12-month window ending {@code today}. */
    static LocalDate since(LocalDate today) {
        return today.minusMonths(12).plusDays(1);
    }

    /** Today in the park's zone. */
    LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }
}
