package io.scenicpass.server.sales.internal;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.InventoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Combines concurrent holds on the SAME slot (flat combining): the requests waiting for a slot at one moment
 * are taken by whichever of their threads gets the slot's lane first, which takes all their places with ONE
 * conditional update ({@code held = held + N ... WHERE held + sold + N <= capacity}) and inserts all their
 * bookings in the same statement (PostgreSQL) or transaction (H2). When the combined update is refused (not
 * enough places for all) or fails (e.g. one uuid already exists), the batch falls back to one conditional hold
 * per booking in arrival order, so exactly the bookings that fit succeed; once the slot refuses q places, the
 * batch's later drafts of q or more places are refused without another statement (a sold-out slot costs two
 * statements per batch, whatever the number of buyers waiting).
 *
 * <p>When the slot's last cycle showed company, a hold that arrives while fewer than the expected number are queued
 * parks for a very short, bounded time ({@link Gathering}) and the hold that completes the group leads the batch; a
 * lone client never waits (measurements and what was tried: docs/benchmarks.md § "reference-server hot-slot
 * reservation").
 *
 * <p>The JVM lane only groups work; correctness stays in the database: every hold is a conditional update,
 * so several server processes on one PostgreSQL still never oversell. Only for holds that touch the slot's
 * shared pool alone (no daily pool, no channel allotment).
 */
public final class HoldCombiner {
    /** Most bookings one combined statement carries. */
    public static final int MAX_BATCH = 64;
    /** Longest gathering wait of a batch's leader (see {@link Gathering}). */
    static final long MAX_WINDOW_NANOS = 1_000_000;
    /** Lanes kept for slots that showed concurrency are swept once there are more than this many. */
    static final int SWEEP_ABOVE = 64;

    static final long IDLE_NANOS = 1_000_000_000L;

    /** What happened to one booking of a batch: held, refused (sold out or closed) or failed. */
    public record Outcome(Booking held, RuntimeException failure) {
        static final Outcome REFUSED = new Outcome(null, null);

        /** True when the booking was held and inserted. */
        public boolean isHeld() {
            return held != null;
        }
    }

    private static final class Pending {
        final Booking draft;
        final Thread thread = Thread.currentThread();
        volatile Outcome outcome;

        Pending(Booking draft) {
            this.draft = draft;
        }
    }

    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger queued = new AtomicInteger();
        final Gathering gathering;

        Lane(long maxWindowNanos) {
            gathering = new Gathering(maxWindowNanos, MAX_BATCH);
        }
    }

    private final Database db;
    private final BookingStore bookings;
    private final InventoryStore inventory;
    /** One batch's hold and insert, in the form of the database (see {@link #holdTogether}). */
    private final HoldTogether holdTogether;

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final long maxWindowNanos;
    private final LongSupplier nanoTime;

    /** A combiner over the given database and stores (one per server: lanes are per slot id). */
    public HoldCombiner(Database db, BookingStore bookings, InventoryStore inventory) {
        this(db, bookings, inventory, MAX_WINDOW_NANOS, System::nanoTime);
    }

    /** As above with the gathering window's bound ({@code 0} = never wait) and the ticker it is measured with. */
    HoldCombiner(
            Database db, BookingStore bookings, InventoryStore inventory, long maxWindowNanos, LongSupplier nanoTime) {
        this.db = db;
        this.bookings = bookings;
        this.inventory = inventory;
        this.maxWindowNanos = maxWindowNanos;
        this.nanoTime = nanoTime;
        this.holdTogether =
                db.dialect().<HoldTogether>pick(() -> this::holdInTransaction, () -> this::holdInOneStatement);
    }

    /** Holds the places of all the drafts of one slot and inserts them, or changes nothing; false when refused. */
    private interface HoldTogether {
        boolean hold(String slotId, List<Booking> drafts);
    }

    /**
     * Holds the draft's places in its slot and inserts it, possibly together with other threads' drafts.
     *
     * @return true when held and inserted, false when the slot has not enough places or is closed
     * @throws RuntimeException what the database answered for this booking (e.g. a duplicate uuid)
     */
    public boolean hold(Booking draft) {
        String slotId = draft.slotId();
        Lane lane = lane(slotId);
        Pending mine = new Pending(draft);
        lane.queue.add(mine);
        lane.queued.incrementAndGet();
        boolean gathering = true;
        boolean timed = false;
        long deadline = 0;
        while (mine.outcome == null) {
            if (gathering) {
                // the slot had company last time: unless this hold completes the expected group, park a moment so that
                // the
                // hold that does complete it leads the batch at once (no extra wake-up on the batch's path)
                int target = lane.gathering.target();
                if (target > 1 && lane.queued.get() < target) {
                    long now = nanoTime.getAsLong();
                    if (!timed) {
                        deadline = now + lane.gathering.windowNanos();
                        timed = true;
                    }
                    if (deadline - now > 0) {
                        LockSupport.parkNanos(this, deadline - now);
                        continue;
                    }
                }
                gathering = false;
            }
            if (lane.lock.tryLock()) {
                try {
                    while (mine.outcome == null) {
                        runBatch(lane, slotId);
                    }
                    if (lane.queue.isEmpty() && !lane.gathering.expectsCompany()) {
                        lanes.remove(
                                slotId,
                                lane); // a racing thread may still use this lane: it then works alone, correctly
                    }
                } finally {
                    lane.lock.unlock();
                }
                // whoever queued while we held the lane and is parked takes over (it re-checks after waking)
                Pending next = lane.queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.thread);
                }
            } else {
                // wait to be answered by the thread holding the lane, or to be woken to hold it ourselves;
                // waiters never queue on the lock itself, so a combined batch wakes each of them once
                LockSupport.park(this);
            }
        }
        if (mine.outcome.failure() != null) {
            throw mine.outcome.failure();
        }
        return mine.outcome.isHeld();
    }

    private Lane lane(String slotId) {
        Lane lane = lanes.get(slotId);
        if (lane != null) {
            return lane;
        }
        if (lanes.size() > SWEEP_ABOVE) {
            sweep();
        }
        return lanes.computeIfAbsent(slotId, k -> new Lane(maxWindowNanos));
    }

    /** Drops the lanes kept for their gathering statistics that have been idle for a while. */
    private void sweep() {
        long now = nanoTime.getAsLong();
        for (var e : lanes.entrySet()) {
            Lane lane = e.getValue();
            if (lane.lock.tryLock()) {
                try {
                    if (lane.queue.isEmpty() && lane.gathering.idleSince(now, IDLE_NANOS)) {
                        lanes.remove(e.getKey(), lane);
                    }
                } finally {
                    lane.lock.unlock();
                }
            }
        }
    }

    private void runBatch(Lane lane, String slotId) {
        long start = nanoTime.getAsLong();
        List<Pending> batch = new ArrayList<>();
        for (Pending p = lane.queue.poll(); p != null; p = batch.size() < MAX_BATCH ? lane.queue.poll() : null) {
            batch.add(p);
        }
        lane.queued.addAndGet(-batch.size());
        List<Booking> drafts = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            drafts.add(p.draft);
        }
        List<Outcome> outcomes;
        try {
            outcomes = holdAll(slotId, drafts);
        } catch (RuntimeException | Error e) { // never leave a waiter without an answer
            RuntimeException failure = e instanceof RuntimeException re ? re : new IllegalStateException(e);
            outcomes = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                outcomes.add(new Outcome(null, failure));
            }
        }
        lane.gathering.batchDone(batch.size(), lane.queued.get(), start, nanoTime.getAsLong());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            p.outcome = outcomes.get(i);
            if (p.thread != Thread.currentThread()) {
                LockSupport.unpark(p.thread);
            }
        }
    }

    /**
     * Holds a batch of drafts of ONE slot: all with one conditional update when they all fit, otherwise one by
     * one in order. Returns one outcome per draft, in order.
     */
    List<Outcome> holdAll(String slotId, List<Booking> drafts) {
        List<Outcome> out = new ArrayList<>(drafts.size());
        if (drafts.size() > 1) {
            boolean all;
            try {
                all = holdTogether(slotId, drafts);
            } catch (RuntimeException e) {
                all = false; // e.g. one duplicate uuid: each booking gets its own answer below
            }
            if (all) {
                for (Booking b : drafts) {
                    out.add(new Outcome(b, null));
                }
                return out;
            }
        }
        int refusedAt = Integer.MAX_VALUE; // the fewest places a refused draft of this batch asked for
        for (Booking b : drafts) {
            if (b.quantity() >= refusedAt) {
                // the slot just refused as few places as this: a sold-out slot costs one statement per batch, not one
                // per waiting buyer (a place released meanwhile elsewhere is as if this request had come a moment
                // earlier)
                out.add(Outcome.REFUSED);
                continue;
            }
            try {
                if (holdTogether(slotId, List.of(b))) {
                    out.add(new Outcome(b, null));
                } else {
                    out.add(Outcome.REFUSED);
                    refusedAt = b.quantity();
                }
            } catch (RuntimeException e) {
                out.add(new Outcome(null, e));
            }
        }
        return out;
    }

    private boolean holdTogether(String slotId, List<Booking> drafts) {
        return holdTogether.hold(slotId, drafts);
    }

    /** PostgreSQL: one auto-commit statement (a data-modifying CTE). */
    private boolean holdInOneStatement(String slotId, List<Booking> drafts) {
        return db.read(c -> bookings.insertHeldPostgres(c, drafts, slotId));
    }

    /** H2: the conditional update and the inserts in one transaction. */
    private boolean holdInTransaction(String slotId, List<Booking> drafts) {
        int n = 0;
        for (Booking b : drafts) {
            n += b.quantity();
        }
        int total = n;
        return db.tx(c -> {
            if (!inventory.tryHold(c, slotId, total)) {
                return false; // nothing written
            }
            bookings.insertAll(c, drafts); // a failure rolls the hold back with the transaction
            return true;
        });
    }
}
