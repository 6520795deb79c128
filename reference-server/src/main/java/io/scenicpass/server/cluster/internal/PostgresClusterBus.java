package io.scenicpass.server.cluster.internal;

import io.scenicpass.server.cluster.ClusterBus;
import io.scenicpass.server.cluster.ClusterEventStore;
import io.scenicpass.server.db.Database;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster bus on PostgreSQL. {@link #publish} appends a {@code cluster_event} row and NOTIFYs its seq in the
 * same transaction (PostgreSQL delivers the notification on commit), then calls this node's subscribers. A listener
 * thread keeps a dedicated, non-pooled connection ({@code application_name} "scenicpass-listen &lt;node id&gt;")
 * LISTENing on {@link ClusterEventStore#CHANNEL}; on a notification
 * it reads the events after its cursor (or, for {@code feed:*} notifications sent by the log triggers, wakes the
 * feed subscribers). If that connection breaks (PostgreSQL restart or failover) it reconnects with backoff and then
 * catches up — and a periodic catch-up read on the caller's scheduler bounds the delay even when a notification is
 * lost. Each node delivers each event once (cursor; its own events are skipped, they were delivered when published).
 */
public final class PostgresClusterBus implements ClusterBus {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresClusterBus.class);
    private static final Duration KEEP = Duration.ofHours(1);
    private static final int PAGE = 500;

    private final Database db;
    private final ClusterEventStore store;
    private final String nodeId;
    private final Clock clock;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final Set<Long> own = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong notifications = new AtomicLong();
    private final Object sleeper = new Object();
    private volatile long cursor;
    private volatile boolean closed;
    private volatile ClusterEventStore.Listening listening;
    private volatile Instant lastPrune = Instant.EPOCH;
    private Thread listener;

    public PostgresClusterBus(Database db, ClusterEventStore store, String nodeId, Clock clock) {
        this.db = db;
        this.store = store;
        this.nodeId = nodeId;
        this.clock = clock;
        this.cursor = db.read(store::last);
    }

    /** Starts the listener thread and the periodic catch-up read (every {@code catchUpEvery}) on {@code jobs}. */
    public PostgresClusterBus start(ScheduledExecutorService jobs, Duration catchUpEvery) {
        listener = new Thread(this::listen, "scenicpass-cluster-listen");
        listener.setDaemon(true);
        listener.start();
        long ms = Math.max(100, catchUpEvery.toMillis());
        jobs.scheduleWithFixedDelay(
                () -> {
                    try {
                        catchUp();
                        prune();
                    } catch (RuntimeException e) {
                        LOG.warn("cluster event catch-up failed; will retry", e);
                    }
                },
                ms,
                ms,
                TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void publish(String kind, String payload) {
        try {
            db.tx(c -> {
                long seq = store.append(c, kind, payload, nodeId, clock.instant());
                own.add(seq); // before commit: the listener may read the row as soon as it is committed
                store.notify(c, "event:" + seq);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not publish {} to the other nodes (database unavailable?); delivering on this node only",
                    kind,
                    e);
        }
        LocalClusterBus.dispatch(listeners, kind, payload);
    }

    @Override
    public void subscribe(String kind, Consumer<String> l) {
        listeners.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(l);
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public long received() {
        return received.get();
    }

    /** Notifications received on the LISTEN connection (for tests: proof that NOTIFY, not a poll, carried an event). */
    public long notifications() {
        return notifications.get();
    }

    /** Reads the events after this node's cursor and hands the others' to the subscribers. */
    public synchronized void catchUp() {
        while (true) {
            long from = cursor;
            List<ClusterEventStore.Event> events = db.read(c -> store.after(c, from, PAGE));
            for (ClusterEventStore.Event e : events) {
                cursor = e.seq();
                if (own.remove(e.seq())) {
                    continue;
                }
                received.incrementAndGet();
                LocalClusterBus.dispatch(listeners, e.kind(), e.payload());
            }
            if (events.size() < PAGE) {
                own.removeIf(s -> s <= cursor);
                return;
            }
        }
    }

    private void prune() {
        Instant now = clock.instant();
        if (now.isAfter(lastPrune.plus(Duration.ofMinutes(10)))) {
            lastPrune = now;
            db.tx(c -> store.prune(c, now.minus(KEEP)));
        }
    }

    private void listen() {
        long backoff = 200;
        while (!closed) {
            try (ClusterEventStore.Listening l = store.listen(db, "scenicpass-listen " + nodeId)) {
                listening = l;
                backoff = 200;
                LOG.info("cluster bus: node {} listening on {}", nodeId, ClusterEventStore.CHANNEL);
                // whatever happened while we were not listening
                catchUp();
                wakeFeeds();
                while (!closed) {
                    List<String> got = l.await(1000);
                    if (got.isEmpty()) {
                        continue;
                    }
                    notifications.addAndGet(got.size());
                    boolean events = false;
                    for (String p : got) {
                        if (p.startsWith("feed:")) {
                            received.incrementAndGet();
                            LocalClusterBus.dispatch(listeners, p.substring(5), "");
                        } else {
                            events = true;
                        }
                    }
                    if (events) {
                        catchUp();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("cluster bus: LISTEN connection lost ({}); reconnecting in {} ms", e.getMessage(), backoff);
                synchronized (sleeper) {
                    try {
                        sleeper.wait(backoff); // reconnect backoff, cut short by close()
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                backoff = Math.min(5000, backoff * 2);
            } finally {
                listening = null;
            }
        }
    }

    private void wakeFeeds() {
        LocalClusterBus.dispatch(listeners, REVOCATION, "");
        LocalClusterBus.dispatch(listeners, BLACKLIST, "");
    }

    @Override
    public void close() {
        closed = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        ClusterEventStore.Listening l = listening;
        if (l != null) {
            try {
                l.close();
            } catch (SQLException e) {
                LOG.debug("closing the LISTEN connection", e);
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
        listeners.clear();
    }
}
