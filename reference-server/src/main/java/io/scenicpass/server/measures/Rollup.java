package io.scenicpass.server.measures;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.measures.store.MeasureStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the daily rollup ({@code measure_day}) equal to the facts, incrementally: a refresh finds the park days
 * whose facts changed since the last refresh (by the facts' change times, indexed) and recomputes only those days
 * from the facts. Refreshes take turns (the {@code measures} lock row); a change committed up to {@link #MARGIN_MS}
 * after its change time is still seen, since each refresh looks that far back.
 */
final class Rollup {
    /** How far before the last refresh a refresh looks again (a transaction slower than this could be missed). */
    static final long MARGIN_MS = 5 * 60_000L;

    private static final String REFRESHED_AT = "measures.refreshedAt";

    private final MeasureStore store;
    private final SettingStore settings = new SettingStore();
    private final ZoneId zone;

    Rollup(MeasureStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    /** Recomputes the days changed since the last refresh, in the caller's transaction; returns those days. */
    Set<LocalDate> refresh(Connection c, Instant now) throws SQLException {
        Jdbc.lockFeed(c, "measures");
        long since = settings.get(c, REFRESHED_AT)
                .map(v -> Long.parseLong(v) - MARGIN_MS)
                .orElse(Long.MIN_VALUE);
        Set<LocalDate> days = new TreeSet<>(store.changedBookingDays(c, since));
        days.addAll(store.changedCouponDays(c, since));
        days.addAll(store.changedReceiptDays(c, since));
        days.addAll(store.changedVisitDays(c, since));
        for (long bucket : store.changedEntryBuckets(c, since)) {
            days.add(LocalDate.ofInstant(Instant.ofEpochMilli(bucket * MeasureStore.BUCKET_MS), zone));
        }
        for (LocalDate d : days) {
            store.replaceDay(c, d, raw(c, d));
        }
        settings.put(c, REFRESHED_AT, Long.toString(now.toEpochMilli()));
        return days;
    }

    /** When the rollup was last refreshed (empty before its first build). */
    java.util.Optional<Instant> refreshedAt(Connection c) throws SQLException {
        return settings.get(c, REFRESHED_AT).map(v -> Instant.ofEpochMilli(Long.parseLong(v)));
    }

    /** Day {@code d}'s sums by channel, from the facts. */
    java.util.Map<String, long[]> raw(Connection c, LocalDate d) throws SQLException {
        return store.rawDay(c, d, start(d), start(d.plusDays(1)));
    }

    private long start(LocalDate d) {
        return d.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
