package io.scenicpass.terminal.lane;

import io.scenicpass.terminal.GateFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Timers driven by the test: {@link #advance(Duration)} moves the fixture clock and runs what is due. */
final class ManualScheduler implements LaneScheduler {
    private final GateFixture.SettableClock clock;
    private final List<Entry> entries = new ArrayList<>();
    private long seq;

    private static final class Entry {
        final Instant due;
        final long order;
        final Runnable task;
        boolean cancelled;

        Entry(Instant due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }
    }

    ManualScheduler(GateFixture.SettableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Task schedule(Duration delay, Runnable task) {
        Entry e = new Entry(clock.instant().plus(delay), seq++, task);
        entries.add(e);
        return () -> {
            synchronized (ManualScheduler.this) {
                e.cancelled = true;
            }
        };
    }

    synchronized int pending() {
        return (int) entries.stream().filter(e -> !e.cancelled).count();
    }

    void advance(Duration d) {
        Instant target = clock.instant().plus(d);
        while (true) {
            Entry next;
            synchronized (this) {
                entries.removeIf(e -> e.cancelled);
                next = entries.stream()
                        .filter(e -> !e.due.isAfter(target))
                        .min(Comparator.comparing((Entry e) -> e.due).thenComparingLong(e -> e.order))
                        .orElse(null);
                if (next != null) {
                    entries.remove(next);
                }
            }
            if (next == null) {
                break;
            }
            if (next.due.isAfter(clock.instant())) {
                clock.set(next.due);
            }
            next.task.run();
        }
        clock.set(target);
    }
}
