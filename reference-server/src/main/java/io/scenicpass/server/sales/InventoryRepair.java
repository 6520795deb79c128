package io.scenicpass.server.sales;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.InventoryAudit;
import io.scenicpass.server.sales.store.InventoryAudit.Drift;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the inventory counters against the bookings ({@link InventoryAudit}) and repairs them: each disagreeing
 * row is locked, compared again and set to what its bookings count, in a transaction of its own (live traffic waits
 * for one row at a time, never for the whole run). For data written before a fix, or after a crash of the database.
 */
public final class InventoryRepair {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryRepair.class);
    /** Most rows the start-up check names in the log (the count is always logged). */
    static final int LOG_AT_MOST = 20;

    /** What a run found and, unless it was a dry run, set right. */
    public record Report(List<Drift> drift, boolean applied) {}

    private final Database db;
    private final InventoryAudit audit;
    private final Runnable countersChanged;

    /** @param countersChanged called after a repair changed counters (drops cached availability answers) */
    public InventoryRepair(Database db, InventoryAudit audit, Runnable countersChanged) {
        this.db = db;
        this.audit = audit;
        this.countersChanged = countersChanged;
    }

    /** The rows that disagree now (a plain read: a row may be mid-change under live traffic; {@link #repair} rechecks). */
    public List<Drift> check() {
        return db.read(audit::drift);
    }

    /**
     * Recomputes the disagreeing counters from the bookings under the row locks. With {@code apply} false (a dry
     * run) nothing is written and the report says what would change.
     */
    public Report repair(boolean apply) {
        List<Drift> out = new ArrayList<>();
        for (Drift candidate : check()) {
            Optional<Drift> confirmed = db.tx(c -> {
                Optional<Drift> d = audit.lockAndCheck(c, candidate.kind(), candidate.key());
                if (d.isPresent() && apply) {
                    audit.repair(c, d.get());
                }
                return d;
            });
            confirmed.ifPresent(out::add);
        }
        if (apply && !out.isEmpty()) {
            countersChanged.run();
            for (Drift d : out) {
                LOG.warn(
                        "inventory repaired: {} {} held {} -> {}, sold {} -> {}{}",
                        d.kind(),
                        d.key(),
                        d.held(),
                        d.expectedHeld(),
                        d.sold(),
                        d.expectedSold(),
                        d.overCapacity()
                                ? ", capacity " + d.capacity() + " -> " + (d.expectedHeld() + d.expectedSold())
                                : "");
            }
        }
        return new Report(List.copyOf(out), apply);
    }

    /**
     * The start-up check. After an unclean stop of the embedded H2 ({@code repairNow}) it repairs what it finds, said
     * at ERROR: H2 may keep part of a transaction that was in flight at the crash, e.g. a booking's status without its
     * counter move (h2database issue 2080). Otherwise it only logs ({@link #logDrift}).
     *
     * @return the rows that disagreed (repaired when {@code repairNow})
     */
    public List<Drift> atStart(boolean repairNow) {
        if (!repairNow) {
            return logDrift();
        }
        List<Drift> drift = repair(true).drift();
        if (drift.isEmpty()) {
            LOG.info("unclean stop of the embedded database: the inventory counters agree with the bookings");
        } else {
            LOG.error(
                    "unclean stop of the embedded database: {} inventory counter row(s) disagreed with the bookings"
                            + " (H2 kept part of a transaction in flight at the crash) and were set to what the"
                            + " bookings count",
                    drift.size());
        }
        return drift;
    }

    /** The start-up check after a clean stop: logs every disagreement (changes nothing: the operator's call). */
    private List<Drift> logDrift() {
        List<Drift> drift = check();
        if (!drift.isEmpty()) {
            LOG.error(
                    "inventory counters disagree with the bookings in {} row(s); run `scenicpass-server repair-inventory"
                            + " --dry-run` or POST /admin/v1/inventory/repair to see and fix them",
                    drift.size());
            drift.stream()
                    .limit(LOG_AT_MOST)
                    .forEach(d -> LOG.error(
                            "inventory drift: {} {} held {} (bookings {}), sold {}" + " (bookings {})",
                            d.kind(),
                            d.key(),
                            d.held(),
                            d.expectedHeld(),
                            d.sold(),
                            d.expectedSold()));
        }
        return drift;
    }
}
