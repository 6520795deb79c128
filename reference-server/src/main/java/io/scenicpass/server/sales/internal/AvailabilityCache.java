package io.scenicpass.server.sales.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A short-lived cache of availability answers (the slots of an option over a date range, as one channel sees them).
 *
 * <p>Availability is advisory: a reservation is decided by a conditional update in the database, never by what this
 * cache says. Two bounds keep the answers honest:
 * <ul>
 *   <li>This node's own changes (hold, confirm, cancel, expiry, capacity, close, allotment) bump a version — per option,
 *   or for everything when a daily pool or an admin change is involved — and an entry read before the bump is never
 *   served again. The version is read <em>before</em> the database is, so a load racing with a commit cannot leave a
 *   stale entry behind.</li>
 *   <li>Changes made by OTHER nodes on the same database are seen at most {@code ttl} late (entries expire that long
 *   after they were written).</li>
 * </ul>
 * A ttl of zero disables the cache: every call goes to the loader.
 *
 * @param <V> the cached answer
 */
public final class AvailabilityCache<V> {
    /** What an answer depends on; {@code slotId} is set for single-slot lookups, null for date ranges. */
    public record Key(String optionId, LocalDate from, LocalDate to, String channelId, String slotId) {}

    private record Entry<V>(long optionVersion, long globalVersion, V value) {}

    private final Cache<Key, Entry<V>> cache;
    private final ConcurrentHashMap<String, AtomicLong> optionVersions = new ConcurrentHashMap<>();
    private final AtomicLong globalVersion = new AtomicLong();

    /**
     * @param ttl how long an entry may be served (bounds staleness for changes made by other nodes); zero disables
     * @param ticker time source of the expiry (inject one in tests)
     */
    public AvailabilityCache(Duration ttl, Ticker ticker) {
        this.cache = ttl.isZero() || ttl.isNegative()
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(50_000)
                        .expireAfterWrite(ttl)
                        .ticker(ticker)
                        .build();
    }

    /** The ticker of a cache whose expiry follows {@code clock}. */
    public static Ticker ticker(java.time.Clock clock) {
        // the system clock may step back; an injected (test) clock drives expiry so staleness is testable without
        // sleeping
        return clock.getClass() == java.time.Clock.systemUTC().getClass()
                ? Ticker.systemTicker()
                : () -> clock.millis() * 1_000_000L;
    }

    /** Whether answers are cached at all. */
    public boolean enabled() {
        return cache != null;
    }

    /** The cached answer for {@code key}, or the loader's (then cached), when nothing changed locally since. */
    public V get(Key key, Supplier<V> loader) {
        if (cache == null) {
            return loader.get();
        }
        long ov = optionVersion(key.optionId()).get();
        long gv = globalVersion.get();
        Entry<V> e = cache.getIfPresent(key);
        if (e != null && e.optionVersion() == ov && e.globalVersion() == gv) {
            return e.value();
        }
        V v = loader.get();
        cache.put(key, new Entry<>(ov, gv, v));
        return v;
    }

    /** A slot of this option changed (call after the commit). */
    public void optionChanged(String optionId) {
        optionVersion(optionId).incrementAndGet();
    }

    /** Anything may have changed (daily pools shared across options, admin changes, expiries; call after the commit). */
    public void allChanged() {
        globalVersion.incrementAndGet();
    }

    private AtomicLong optionVersion(String optionId) {
        return optionVersions.computeIfAbsent(optionId, k -> new AtomicLong());
    }
}
