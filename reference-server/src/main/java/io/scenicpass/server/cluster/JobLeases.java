package io.scenicpass.server.cluster;

import io.scenicpass.server.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Singleton jobs on several server nodes sharing one database: each run first takes or renews the job's lease
 * ({@link JobLeaseStore}, a conditional UPDATE of its {@code job_lease} row) and does the work only when this node
 * holds it. The holder renews at every run; when it dies (kill -9, network split) its lease lapses and another node
 * takes over at its next run after the lease end. Lease times come from the nodes' clocks, which must agree (NTP)
 * to well within the lease length.
 *
 * <p>A lease makes "one node at a time" the normal case, not a guarantee: a run longer than the lease, or a paused
 * JVM, can overlap with the next holder. The work must therefore be idempotent on its own — hold expiry is a
 * compare-and-set of the booking status ({@code HELD → EXPIRED} only if still held and due), alert raising and
 * clearing are compare-and-set on the alert row — so an overlap costs only duplicate reads, never a double effect.
 */
public final class JobLeases implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobLeases.class);

    private final Database db;
    private final JobLeaseStore store;
    private final Clock clock;
    private final String nodeId;
    private final Map<String, AtomicLong> runs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> held = new ConcurrentHashMap<>();

    public JobLeases(Database db, JobLeaseStore store, Clock clock, String nodeId) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    /** This node's name in the lease table. */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Schedules {@code work} every {@code every} on {@code jobs}; each run happens only while this node holds the
     * lease of {@code job} for {@code lease} (at least 3 × {@code every}, so a live holder never lapses).
     */
    public void schedule(ScheduledExecutorService jobs, String job, Duration every, Duration lease, Runnable work) {
        Duration ttl = lease.compareTo(every.multipliedBy(3)) < 0 ? every.multipliedBy(3) : lease;
        long ms = Math.max(1, every.toMillis());
        runs.computeIfAbsent(job, k -> new AtomicLong());
        jobs.scheduleWithFixedDelay(
                () -> {
                    try {
                        runIfLeader(job, ttl, work);
                    } catch (RuntimeException e) {
                        LOG.warn("singleton job '{}' failed; will retry", job, e);
                    }
                },
                ms,
                ms,
                TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} now if this node gets (or keeps) the lease of {@code job}; true when it ran. */
    public boolean runIfLeader(String job, Duration lease, Runnable work) {
        Instant now = clock.instant();
        boolean mine = db.tx(c -> store.lease(c, job, nodeId, now, now.plus(lease)));
        Boolean before = held.put(job, mine);
        if (before == null || before != mine) {
            LOG.info("job '{}': node {} {} the lease", job, nodeId, mine ? "holds" : "does not hold");
        }
        if (!mine) {
            return false;
        }
        runs.computeIfAbsent(job, k -> new AtomicLong()).incrementAndGet();
        work.run();
        return true;
    }

    /** How many times this node ran {@code job} (for metrics and tests). */
    public long runs(String job) {
        AtomicLong n = runs.get(job);
        return n == null ? 0 : n.get();
    }

    /** Whether this node held the lease of {@code job} at its last attempt. */
    public boolean holds(String job) {
        return Boolean.TRUE.equals(held.get(job));
    }

    /** The jobs scheduled or run here. */
    public java.util.Set<String> jobs() {
        return runs.keySet();
    }

    /** Gives up the leases this node holds, so another node takes over at once instead of after the lease end. */
    @Override
    public void close() {
        for (Map.Entry<String, Boolean> e : held.entrySet()) {
            if (e.getValue()) {
                try {
                    db.tx(c -> {
                        store.release(c, e.getKey(), nodeId);
                        return null;
                    });
                } catch (RuntimeException ex) {
                    LOG.debug("could not release the lease of {}", e.getKey(), ex);
                }
            }
        }
    }
}
