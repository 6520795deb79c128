package io.scenicpass.terminal.internal.state;

import io.scenicpass.core.ScenicPassException;
import io.scenicpass.terminal.internal.journal.FileOps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the gate state directory: small items replaced atomically (temporary file, fsync, rename),
 * and snapshots with a forced {@link DeltaLog} of the deltas applied since, folded into a new snapshot
 * when the log grows. A damaged file never keeps the gate from starting.
 */
public final class StateDir {
    private static final Logger LOG = LoggerFactory.getLogger(StateDir.class);
    private static final long SNAPSHOT_AFTER_BYTES = 4L << 20;

    private final Path dir;

    /** Something that reads or writes state files. */
    public interface IoAction {
        /** @throws IOException on failure */
        void run() throws IOException;
    }

    /** Applies one stored delta. */
    public interface DeltaReplay {
        /** @param delta the stored delta bytes @throws IOException when unreadable */
        void apply(byte[] delta) throws IOException;
    }

    /** Writes a full snapshot. */
    public interface SnapshotWriter {
        /** @param out where to write @throws IOException on failure */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * @param dir the directory, created when missing
     * @throws IOException when it cannot be created
     */
    public StateDir(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    /** @return the directory */
    public Path path() {
        return dir;
    }

    /** @param name a file name @return whether it exists */
    public boolean exists(String name) {
        return Files.exists(dir.resolve(name));
    }

    /** @param name a file name @return its content, or null when absent @throws IOException on failure */
    public byte[] readIfExists(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readAllBytes(p) : null;
    }

    /**
     * Runs a load step; a damaged cache file is logged and the gate goes on without it.
     *
     * @param file the file the step reads, for the log
     * @param a the step
     */
    public static void tolerant(String file, IoAction a) {
        try {
            a.run();
        } catch (IOException | RuntimeException e) {
            LOG.error("state file {} is unreadable ({}); starting without it until the next sync", file, e.toString());
        }
    }

    /**
     * Opens a delta log and replays its deltas; a delta that no longer applies is skipped with a warning.
     *
     * @param name the log file name
     * @param replay applies one delta
     * @return the open log
     * @throws IOException when the log cannot be opened
     */
    public DeltaLog openLog(String name, DeltaReplay replay) throws IOException {
        List<byte[]> stored = DeltaLog.newReplayList();
        DeltaLog log = DeltaLog.open(dir.resolve(name), stored);
        for (byte[] d : stored) {
            try {
                replay.apply(d);
            } catch (IOException | ScenicPassException e) {
                LOG.warn("skipping a stored delta that no longer applies: {}", e.toString());
            }
        }
        return log;
    }

    /**
     * Replaces a file atomically.
     *
     * @param name the file name
     * @param content the new content
     * @param what what it holds, for the error
     * @throws UncheckedIOException when it cannot be written
     */
    public void write(String name, byte[] content, String what) {
        try {
            FileOps.writeAtomically(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist " + what, e);
        }
    }

    /**
     * Logs an applied delta durably; folds the log into a new snapshot when it grew large.
     *
     * @param log the delta log
     * @param delta the delta's bytes
     * @param snapshotName the snapshot file
     * @param snapshot writes the snapshot of the current content
     * @throws UncheckedIOException when it cannot be written
     */
    public void persistDelta(DeltaLog log, byte[] delta, String snapshotName, SnapshotWriter snapshot) {
        try {
            log.append(delta);
            if (log.size() > SNAPSHOT_AFTER_BYTES) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                snapshot.writeTo(out);
                FileOps.writeAtomically(dir.resolve(snapshotName), out.toByteArray());
                log.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist " + snapshotName, e);
        }
    }
}
