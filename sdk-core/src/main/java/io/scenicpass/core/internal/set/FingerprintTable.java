package io.scenicpass.core.internal.set;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * An open-addressing set of 64-bit fingerprints in one {@code long[]} (linear probing, 0 = empty slot,
 * the fingerprint 0 kept in a flag). Many concurrent readers, one writer: inserts publish each slot
 * with release semantics, resizes and removals publish a new table through a volatile field.
 * Growth is 1.5x at load 0.75, so 1,000,000 fingerprints take 8 bytes x 1.33 to 2.0 slots each
 * (10.7 to 16 MB); a table read from disk is sized for load 0.6 (13.3 MB).
 */
public final class FingerprintTable {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final double MAX_LOAD = 0.75;
    private static final int MIN_CAPACITY = 16;

    private static final class State {
        final long[] slots;
        final boolean hasZero;

        State(long[] slots, boolean hasZero) {
            this.slots = slots;
            this.hasZero = hasZero;
        }
    }

    private volatile State state = new State(new long[MIN_CAPACITY], false);
    private volatile int size;

    /** Mixes a fingerprint so that the slot index is spread even for structured inputs. */
    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    private static int index(long fp, int capacity) {
        return (int) (((mix(fp) >>> 32) * capacity) >>> 32);
    }

    /** Membership test; lock-free. */
    public boolean contains(long fp) {
        State s = state;
        if (fp == 0) {
            return s.hasZero;
        }
        long[] t = s.slots;
        int cap = t.length;
        int i = index(fp, cap);
        while (true) {
            long v = (long) SLOTS.getOpaque(t, i);
            if (v == fp) {
                return true;
            }
            if (v == 0) {
                return false;
            }
            if (++i == cap) {
                i = 0;
            }
        }
    }

    /** Number of fingerprints. */
    public int size() {
        return size;
    }

    /** Slots in the current table (for memory accounting). */
    public int capacity() {
        return state.slots.length;
    }

    /** Adds a fingerprint; returns true if it was new. Writer only. */
    public boolean add(long fp) {
        State s = state;
        if (fp == 0) {
            if (s.hasZero) {
                return false;
            }
            state = new State(s.slots, true);
            size++;
            return true;
        }
        if (contains(fp)) {
            return false;
        }
        if (size + 1 > s.slots.length * MAX_LOAD) {
            s = rebuild(s, (int) Math.min(Integer.MAX_VALUE - 8, (long) (s.slots.length * 1.5) + 1), null);
            state = s;
        }
        insert(s.slots, fp, true);
        size++;
        return true;
    }

    /** Makes room for {@code n} fingerprints in total without further resizing. Writer only. */
    public void ensureCapacity(int n) {
        State s = state;
        int needed = (int) Math.min(Integer.MAX_VALUE - 8, (long) (n / MAX_LOAD) + 1);
        if (needed > s.slots.length) {
            state = rebuild(s, needed, null);
        }
    }

    /** Removes fingerprints by publishing a rebuilt table. Writer only. */
    public void removeAll(long[] fps) {
        if (fps.length == 0) {
            return;
        }
        long[] sorted = fps.clone();
        Arrays.sort(sorted);
        State s = state;
        boolean zero = s.hasZero && Arrays.binarySearch(sorted, 0L) < 0;
        State n = rebuild(new State(s.slots, zero), s.slots.length, sorted);
        int count = zero ? 1 : 0;
        for (long v : n.slots) {
            if (v != 0) {
                count++;
            }
        }
        state = n;
        size = count;
    }

    /** Visits every fingerprint. */
    public void forEach(LongConsumer action) {
        State s = state;
        if (s.hasZero) {
            action.accept(0);
        }
        for (long v : s.slots) {
            if (v != 0) {
                action.accept(v);
            }
        }
    }

    private static State rebuild(State s, int capacity, long[] sortedExclusions) {
        long[] t = new long[Math.max(MIN_CAPACITY, capacity)];
        for (long v : s.slots) {
            if (v != 0 && (sortedExclusions == null || Arrays.binarySearch(sortedExclusions, v) < 0)) {
                insert(t, v, false);
            }
        }
        return new State(t, s.hasZero);
    }

    private static void insert(long[] t, long fp, boolean publish) {
        int cap = t.length;
        int i = index(fp, cap);
        while (t[i] != 0) {
            if (++i == cap) {
                i = 0;
            }
        }
        if (publish) {
            SLOTS.setRelease(t, i, fp);
        } else {
            t[i] = fp;
        }
    }
}
