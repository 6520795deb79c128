package io.scenicpass.terminal.internal.journal;

import io.scenicpass.terminal.journal.DiskState;
import io.scenicpass.terminal.journal.JournalListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's disk state: OK, ALARM (budget threshold passed or the file system nearly full) or FULL,
 * and the listeners told about changes. State changes are computed under the journal's lock and the
 * listeners are told afterwards.
 */
public final class DiskMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(DiskMonitor.class);

    private final long budget;
    private final long alarmAt;
    private final long minFree;
    private final LongSupplier usableSpace;
    private final List<JournalListener> listeners = new CopyOnWriteArrayList<>();
    private volatile DiskState state = DiskState.OK;
    private volatile boolean lowFreeSpace;

    /** A state change to report. */
    public static final class Change {
        final DiskState previous;
        final DiskState current;
        final long used;

        Change(DiskState previous, DiskState current, long used) {
            this.previous = previous;
            this.current = current;
            this.used = used;
        }
    }

    /**
     * @param budget the disk budget in bytes
     * @param alarmRatio fraction of the budget that raises the alarm
     * @param minFree free file-system bytes below which the alarm is raised
     * @param usableSpace reads the file system's usable bytes (-1 = unknown)
     */
    public DiskMonitor(long budget, double alarmRatio, long minFree, LongSupplier usableSpace) {
        this.budget = budget;
        this.alarmAt = (long) (budget * alarmRatio);
        this.minFree = minFree;
        this.usableSpace = usableSpace;
    }

    /** Re-reads the file system's free space (cheap enough at open, segment roll and upload). */
    public void checkFreeSpace() {
        long free = usableSpace.getAsLong();
        boolean low = free >= 0 && free < minFree;
        if (low && !lowFreeSpace) {
            LOG.warn("journal file system is nearly full: {} bytes free", free);
        }
        lowFreeSpace = low;
    }

    /** @param used bytes in use @return the state that usage means */
    public DiskState stateFor(long used) {
        if (used >= budget) {
            return DiskState.FULL;
        }
        return used >= alarmAt || lowFreeSpace ? DiskState.ALARM : DiskState.OK;
    }

    /** @param used bytes in use; sets the state silently (at open) */
    public void init(long used) {
        state = stateFor(used);
    }

    /**
     * @param next the new state
     * @param used bytes in use
     * @return the change to report, or null
     */
    public Change set(DiskState next, long used) {
        DiskState prev = state;
        if (prev == next) {
            return null;
        }
        state = next;
        if (next != DiskState.OK) {
            LOG.warn("journal disk state {} -> {}: {} of {} bytes used", prev, next, used, budget);
        }
        return new Change(prev, next, used);
    }

    /** @param change a change from {@link #set}, may be null; told to every listener */
    public void fire(Change change) {
        if (change == null) {
            return;
        }
        for (JournalListener l : listeners) {
            try {
                l.diskStateChanged(change.previous, change.current, change.used, budget);
            } catch (RuntimeException e) {
                LOG.warn("journal listener failed: {}", e.toString());
            }
        }
    }

    /** @param listener to tell about changes */
    public void addListener(JournalListener listener) {
        listeners.add(listener);
    }

    /** @return the current state */
    public DiskState state() {
        return state;
    }
}
