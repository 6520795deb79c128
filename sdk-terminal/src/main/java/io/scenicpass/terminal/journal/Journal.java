package io.scenicpass.terminal.journal;

import io.scenicpass.terminal.internal.journal.DiskMonitor;
import io.scenicpass.terminal.internal.journal.FileOps;
import io.scenicpass.terminal.internal.journal.GroupCommit;
import io.scenicpass.terminal.internal.journal.RecordFormat;
import io.scenicpass.terminal.internal.journal.Segment;
import io.scenicpass.terminal.internal.journal.SegmentSet;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's append-only journal: nothing acknowledged is ever lost.
 *
 * <p>Records go into segment files, each framed with its length and a CRC32C checksum. {@link #append}
 * returns the record's id once the record is as durable as the {@link FsyncPolicy} promises; with
 * {@link FsyncPolicy#ALWAYS} concurrent appenders share one {@code force()} (group commit). On
 * {@link #open}, a torn or half-written tail is discarded, so every acknowledged record is present
 * exactly once. Records stay pending until the server acknowledged them ({@link #markUploaded}, persisted);
 * segments whose records are all uploaded are deleted (compaction). Disk use is bounded by
 * {@link JournalConfig#budgetBytes()}; a {@link JournalListener} hears the alarm before the budget is full.
 *
 * <p>Thread-safe.
 */
public final class Journal implements JournalView, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final JournalConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final SegmentSet segments;
    private final GroupCommit commits;
    private final ScheduledExecutorService flusher;
    private long nextId;
    private long writtenId;
    private long usedBytes;
    private final DiskMonitor disk;
    private final FileChannel lockChannel;
    private final FileLock dirLock;
    private volatile boolean closed;

    private Journal(JournalConfig config, FileChannel lockChannel, FileLock dirLock) throws IOException {
        this.config = config;
        this.lockChannel = lockChannel;
        this.dirLock = dirLock;
        this.segments = SegmentSet.recover(config.directory(), config.maxRecordBytes());
        this.nextId = segments.firstFreeId();
        this.writtenId = nextId - 1;
        this.commits = new GroupCommit(
                new GroupCommit.Source() {
                    @Override
                    public GroupCommit.Written written() {
                        lock.lock();
                        try {
                            ensureOpen();
                            return new GroupCommit.Written(writtenId, segments.active());
                        } finally {
                            lock.unlock();
                        }
                    }

                    @Override
                    public boolean closed() {
                        return closed;
                    }
                },
                nextId - 1);
        this.disk =
                new DiskMonitor(config.budgetBytes(), config.alarmRatio(), config.minFreeBytes(), config::usableSpace);
        usedBytes = segments.usedBytes();
        disk.checkFreeSpace();
        disk.init(usedBytes);
        if (config.fsyncPolicy() == FsyncPolicy.INTERVAL) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "journal-fsync");
                t.setDaemon(true);
                return t;
            });
            long ms = config.fsyncInterval().toMillis();
            flusher.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
        } else {
            flusher = null;
        }
        LOG.info(
                "journal opened at {}: {} segments, {} pending records, next id {}",
                config.directory(),
                segments.count(),
                pendingCount(),
                nextId);
    }

    /**
     * Opens (and recovers) a journal.
     *
     * @param config where and how to write
     * @return the open journal
     * @throws JournalException {@code JOURNAL_IO} when the directory cannot be read or written;
     *     {@code JOURNAL_LOCKED} when another journal (process) has it open
     */
    public static Journal open(JournalConfig config) {
        FileChannel ch = null;
        FileLock lock = null;
        try {
            Files.createDirectories(config.directory());
            ch = FileChannel.open(
                    config.directory().resolve("journal.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new JournalException(
                        "JOURNAL_LOCKED", "journal at " + config.directory() + " is in use by another gate", null);
            }
            return new Journal(config, ch, lock);
        } catch (IOException e) {
            release(ch, lock);
            throw new JournalException("JOURNAL_IO", "cannot open journal at " + config.directory(), e);
        } catch (RuntimeException e) {
            release(ch, lock);
            throw e;
        }
    }

    private static void release(FileChannel ch, FileLock lock) {
        try {
            if (lock != null) {
                lock.release();
            }
            if (ch != null) {
                ch.close();
            }
        } catch (IOException e) {
            LOG.warn("releasing the journal lock: {}", e.toString());
        }
    }

    /**
     * Appends a record and waits until it is durable as the fsync policy promises.
     *
     * @param payload the record content
     * @return the record id, ascending
     * @throws JournalFullException when the disk budget is used up
     * @throws JournalException {@code JOURNAL_IO}, {@code JOURNAL_CLOSED}, {@code RECORD_TOO_LARGE}
     */
    public long append(byte[] payload) {
        long id = appendDeferred(payload);
        if (config.fsyncPolicy() == FsyncPolicy.ALWAYS) {
            commits.awaitDurable(id);
        }
        return id;
    }

    /**
     * Appends a record without waiting for it to be durable: it is once {@link #flush()} returns. For a batch
     * acknowledged as a whole (events learnt from a peer gate): one fsync instead of one per record.
     *
     * @param payload the record content
     * @return the record id, ascending
     * @throws JournalFullException when the disk budget is used up
     * @throws JournalException {@code JOURNAL_IO}, {@code JOURNAL_CLOSED}, {@code RECORD_TOO_LARGE}
     */
    public long appendDeferred(byte[] payload) {
        if (payload.length > config.maxRecordBytes()) {
            throw new JournalException(
                    "RECORD_TOO_LARGE",
                    "record of " + payload.length + " bytes exceeds " + config.maxRecordBytes(),
                    null);
        }
        long id;
        DiskMonitor.Change change = null;
        lock.lock();
        try {
            ensureOpen();
            long frame = RecordFormat.HEADER + (long) payload.length;
            if (usedBytes + frame > config.budgetBytes()) {
                change = disk.set(DiskState.FULL, usedBytes);
                throw new JournalFullException(usedBytes, config.budgetBytes());
            }
            Segment active = segments.active();
            if (active.size() + frame > config.segmentBytes() && active.count() > 0) {
                active = roll();
            }
            id = nextId;
            long offset = active.size();
            FileOps.writeFully(active.channel(), RecordFormat.encode(id, payload), offset);
            active.add(id, offset, payload.length);
            nextId = id + 1;
            writtenId = id;
            usedBytes += frame;
            change = disk.set(disk.stateFor(usedBytes), usedBytes);
        } catch (IOException e) {
            throw new JournalException("JOURNAL_IO", "journal write failed", e);
        } finally {
            lock.unlock();
            disk.fire(change);
        }
        return id;
    }

    /** Forces everything appended so far to disk, whatever the policy. */
    public void flush() {
        long target;
        lock.lock();
        try {
            target = writtenId;
        } finally {
            lock.unlock();
        }
        commits.awaitDurable(target);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("periodic journal fsync failed: {}", e.toString());
        }
    }

    private Segment roll() throws IOException {
        if (config.fsyncPolicy() != FsyncPolicy.NEVER) {
            segments.active().channel().force(false);
            commits.durableThrough(writtenId);
        }
        Segment next = segments.roll(nextId);
        usedBytes += next.size();
        disk.checkFreeSpace();
        return next;
    }

    /**
     * Records not yet acknowledged by the server, oldest first.
     *
     * @param max the most to return
     * @return up to {@code max} pending records
     */
    @Override
    public List<JournalRecord> pending(int max) {
        lock.lock();
        try {
            ensureOpen();
            return segments.pending(max);
        } catch (IOException e) {
            throw new JournalException("JOURNAL_IO", "journal read failed", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Visits every record still on disk (uploaded or not), oldest first, one at a time; used to rebuild
     * state on start. The journal is locked meanwhile: the visitor must not call back into the journal.
     *
     * @param visitor receives each record
     */
    public void forEach(Consumer<JournalRecord> visitor) {
        lock.lock();
        try {
            ensureOpen();
            segments.forEach(visitor);
        } catch (IOException e) {
            throw new JournalException("JOURNAL_IO", "journal read failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** @return number of records not yet acknowledged by the server */
    @Override
    public int pendingCount() {
        lock.lock();
        try {
            return segments.pendingCount();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks records as acknowledged by the server. Persisted (forced) before returning; then segments whose
     * records are all uploaded are deleted. Unknown ids are ignored; repeating is harmless.
     *
     * @param ids record ids from {@link JournalRecord#id()}
     */
    public void markUploaded(Collection<Long> ids) {
        markUploaded(ids, null);
    }

    /**
     * Like {@link #markUploaded(Collection)}, running {@code beforeCompaction} (under the journal's lock; it
     * must not call the journal) only when segments are about to be deleted, so state derived from their
     * records can be checkpointed first. If it throws, nothing is deleted this time.
     *
     * @param ids record ids
     * @param beforeCompaction checkpoint hook, may be null
     */
    public void markUploaded(Collection<Long> ids, Runnable beforeCompaction) {
        DiskMonitor.Change change;
        lock.lock();
        try {
            ensureOpen();
            segments.markUploaded(ids);
            if (beforeCompaction != null && segments.hasCompactableSegment()) {
                try {
                    beforeCompaction.run();
                    compact();
                } catch (RuntimeException e) {
                    LOG.error("checkpoint before compaction failed; keeping the segments", e);
                }
            } else {
                compact();
            }
            disk.checkFreeSpace();
            change = disk.set(disk.stateFor(usedBytes), usedBytes);
        } catch (IOException e) {
            throw new JournalException("JOURNAL_IO", "journal upload mark failed", e);
        } finally {
            lock.unlock();
        }
        disk.fire(change);
    }

    private void compact() throws IOException {
        segments.compact();
        usedBytes = segments.usedBytes();
    }

    /** @param listener told about disk state changes */
    @Override
    public void addListener(JournalListener listener) {
        disk.addListener(listener);
    }

    /** @return the current disk state */
    @Override
    public DiskState diskState() {
        return disk.state();
    }

    /** @return bytes the journal occupies (segments and upload log) */
    @Override
    public long usedBytes() {
        lock.lock();
        try {
            return usedBytes;
        } finally {
            lock.unlock();
        }
    }

    /** @return number of segment files */
    @Override
    public int segmentCount() {
        lock.lock();
        try {
            return segments.count();
        } finally {
            lock.unlock();
        }
    }

    /** @return how many group-commit forces ran since open (appends per force shows the batching) */
    @Override
    public long forceCount() {
        return commits.forceCount();
    }

    /** @return the configuration */
    @Override
    public JournalConfig config() {
        return config;
    }

    private void ensureOpen() {
        if (closed) {
            throw new JournalException("JOURNAL_CLOSED", "journal closed", null);
        }
    }

    /** Forces pending writes and closes the files. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (config.fsyncPolicy() != FsyncPolicy.NEVER) {
            flushQuietly();
        }
        lock.lock();
        try {
            closed = true;
            segments.close();
            dirLock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("closing journal: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }
}
