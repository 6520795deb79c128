package io.scenicpass.terminal.internal.journal;

import io.scenicpass.terminal.journal.JournalException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: appenders waiting for their record to be durable share one {@code force()} of the active
 * segment — whoever gets the sync lock forces everything written so far, and the others find their record
 * already durable.
 */
public final class GroupCommit {
    private final ReentrantLock syncLock = new ReentrantLock();
    private final AtomicLong durableId = new AtomicLong(-1);
    private final AtomicLong forces = new AtomicLong();
    private final Source source;

    /** What there is to force, read under the journal's lock. */
    public interface Source {
        /**
         * @return the last written record id and the segment it is in
         * @throws JournalException {@code JOURNAL_CLOSED} when the journal is closed
         */
        Written written();

        /** @return whether the journal is closed */
        boolean closed();
    }

    /** The last written record id and the segment holding it. */
    public static final class Written {
        final long id;
        final Segment segment;

        /** @param id the last written id @param segment the active segment */
        public Written(long id, Segment segment) {
            this.id = id;
            this.segment = segment;
        }
    }

    /** @param source what to force @param durableThrough records up to this id are durable already */
    public GroupCommit(Source source, long durableThrough) {
        this.source = source;
        this.durableId.set(durableThrough);
    }

    /** @param id records up to this id were made durable otherwise (a rolled segment was forced) */
    public void durableThrough(long id) {
        durableId.accumulateAndGet(id, Math::max);
    }

    /** @return how many forces ran */
    public long forceCount() {
        return forces.get();
    }

    /**
     * Returns once record {@code id} is on disk, forcing (for everyone waiting) when needed.
     *
     * @param id a written record id
     * @throws JournalException {@code JOURNAL_IO} when the force fails, {@code JOURNAL_CLOSED}
     */
    public void awaitDurable(long id) {
        if (durableId.get() >= id) {
            return;
        }
        syncLock.lock();
        try {
            if (durableId.get() >= id) {
                return;
            }
            Written w = source.written();
            try {
                w.segment.channel().force(false);
                forces.incrementAndGet();
            } catch (ClosedChannelException e) {
                // the segment was rolled (and forced then) and compacted meanwhile
                if (source.closed()) {
                    throw new JournalException("JOURNAL_CLOSED", "journal closed", e);
                }
            }
            durableThrough(w.id);
        } catch (IOException e) {
            throw new JournalException("JOURNAL_IO", "journal fsync failed", e);
        } finally {
            syncLock.unlock();
        }
    }
}
