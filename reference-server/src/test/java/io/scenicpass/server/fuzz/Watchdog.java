package io.scenicpass.server.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Watches requests in flight: the first few that are still unanswered after {@code slowMillis} are printed with a
 * dump of every thread of the JVM (the server runs in-process), so a hang shows where it waits while it waits.
 */
final class Watchdog implements AutoCloseable {
    /** One request in flight. */
    static final class Entry {
        final long started = System.nanoTime();
        final Supplier<String> what;
        volatile boolean reported;

        Entry(Supplier<String> what) {
            this.what = what;
        }
    }

    private final Map<Entry, Boolean> inFlight = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fuzz-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger dumps = new AtomicInteger();
    private final long slowNanos;
    private final int maxDumps;
    private volatile Supplier<String> more = () -> "";

    Watchdog(long slowMillis, int maxDumps) {
        this.slowNanos = TimeUnit.MILLISECONDS.toNanos(slowMillis);
        this.maxDumps = maxDumps;
        timer.scheduleWithFixedDelay(this::check, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** More to print with each dump (e.g. the database's sessions and who blocks whom). */
    void alsoPrint(Supplier<String> more) {
        this.more = more;
    }

    Entry start(Supplier<String> what) {
        Entry e = new Entry(what);
        inFlight.put(e, Boolean.TRUE);
        return e;
    }

    void done(Entry e) {
        inFlight.remove(e);
    }

    private void check() {
        long now = System.nanoTime();
        for (Entry e : inFlight.keySet()) {
            if (!e.reported && now - e.started > slowNanos) {
                e.reported = true;
                StringBuilder b = new StringBuilder(
                        "FUZZ SLOW (" + (now - e.started) / 1_000_000 + " ms so far) " + e.what.get());
                if (dumps.incrementAndGet() <= maxDumps) {
                    b.append('\n').append(more.get()).append("\nthreads:\n");
                    for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                        b.append(full(t));
                    }
                }
                System.out.println(b);
            }
        }
    }

    /** ThreadInfo.toString cuts stacks at 8 frames; print them whole. */
    private static String full(ThreadInfo t) {
        StringBuilder b = new StringBuilder("\"" + t.getThreadName() + "\" " + t.getThreadState());
        if (t.getLockName() != null) {
            b.append(" on ").append(t.getLockName());
        }
        if (t.getLockOwnerName() != null) {
            b.append(" owned by \"").append(t.getLockOwnerName()).append('"');
        }
        b.append('\n');
        for (StackTraceElement f : t.getStackTrace()) {
            b.append("\tat ").append(f).append('\n');
        }
        return b.append('\n').toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
