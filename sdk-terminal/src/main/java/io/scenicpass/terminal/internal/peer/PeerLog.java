package io.scenicpass.terminal.internal.peer;

import io.scenicpass.core.EntryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The usage events this gate knows (its own and its peers'), numbered in the order it learnt them, that
 * it offers every peer. Bounded: the oldest are dropped past the capacity (they are in the journals and,
 * once the cloud is back, on the server). Numbers restart with each process (a new epoch).
 */
public final class PeerLog {
    private final EntryEvent[] ring; // event number n sits at n % capacity
    private long firstSeq = 1;
    private long lastSeq;

    /** @param capacity the most events kept */
    public PeerLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new EntryEvent[capacity];
    }

    /** @param e an event to offer the peers */
    public synchronized void add(EntryEvent e) {
        lastSeq++;
        ring[(int) (lastSeq % ring.length)] = e;
        if (lastSeq - firstSeq + 1 > ring.length) {
            firstSeq++;
        }
        notifyAll();
    }

    /** @return the number of the newest event (0 when none) */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** @return the number of the oldest event still kept */
    public synchronized long firstSeq() {
        return firstSeq;
    }

    /**
     * Waits up to {@code waitMillis} for events after {@code after}.
     *
     * @param after the last number the peer has
     * @param max the most to return
     * @param waitMillis how long to wait when there is nothing new
     * @return a batch: its events and the number of its last one (= {@code after} when empty)
     * @throws InterruptedException when interrupted
     */
    public synchronized Batch after(long after, int max, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (lastSeq <= after) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return new Batch(List.of(), after);
            }
            wait(left);
        }
        long from = Math.max(after + 1, firstSeq);
        List<EntryEvent> out = new ArrayList<>();
        for (long n = from; n <= lastSeq && out.size() < max; n++) {
            out.add(ring[(int) (n % ring.length)]);
        }
        return new Batch(out, from + out.size() - 1);
    }

    /** A run of consecutive events. */
    public static final class Batch {
        /** The events. */
        public final List<EntryEvent> events;
        /** The number of the last one. */
        public final long through;

        Batch(List<EntryEvent> events, long through) {
            this.events = events;
            this.through = through;
        }
    }
}
