package io.scenicpass.terminal.internal.journal;

import io.scenicpass.terminal.journal.JournalRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The journal's segment files and upload marks: recovery on open (torn tails cut off, upload marks
 * re-applied), reading, marking records uploaded, and compaction (deleting segments whose records are all
 * uploaded). Not thread-safe: the {@code Journal} guards it with its lock.
 */
public final class SegmentSet {
    private static final String UPLOAD_LOG = "uploaded.log";

    private final Path dir;
    private final TreeMap<Long, Segment> segments;
    private final UploadLog uploadLog;
    private final long firstFreeId;
    private Segment active;

    private SegmentSet(Path dir, TreeMap<Long, Segment> segments, UploadLog uploadLog, long firstFreeId) {
        this.dir = dir;
        this.segments = segments;
        this.uploadLog = uploadLog;
        this.firstFreeId = firstFreeId;
        this.active = segments.lastEntry().getValue();
    }

    /**
     * Recovers the segments of a directory (creating the first one when there is none).
     *
     * @param dir the journal directory
     * @param maxRecordBytes the largest payload a record may have
     * @return the recovered set
     * @throws IOException on failure
     */
    public static SegmentSet recover(Path dir, int maxRecordBytes) throws IOException {
        TreeMap<Long, Segment> segments = SegmentLoader.recover(dir, maxRecordBytes);
        long maxRecord = -1;
        for (Segment s : segments.values()) {
            maxRecord = Math.max(maxRecord, s.lastId());
        }
        List<Long> acked = new ArrayList<>();
        UploadLog uploadLog = UploadLog.open(dir.resolve(UPLOAD_LOG), acked::add);
        long next = Math.max(maxRecord + 1, uploadLog.maxId() + 1);
        if (segments.isEmpty()) {
            next = Math.max(next, 1);
            segments.put(next, SegmentLoader.create(dir, next));
        } else {
            next = Math.max(next, segments.lastKey());
        }
        SegmentSet set = new SegmentSet(dir, segments, uploadLog, next);
        for (long id : acked) {
            set.markInMemory(id);
        }
        return set;
    }

    /** @return the id the next record gets after recovery */
    public long firstFreeId() {
        return firstFreeId;
    }

    /** @return the segment being written */
    public Segment active() {
        return active;
    }

    /**
     * Starts a new active segment.
     *
     * @param firstId the id of its first record
     * @return the new segment
     * @throws IOException on failure
     */
    public Segment roll(long firstId) throws IOException {
        active = SegmentLoader.create(dir, firstId);
        segments.put(firstId, active);
        return active;
    }

    /** @param max the most to return @return records not yet uploaded, oldest first @throws IOException on read failure */
    public List<JournalRecord> pending(int max) throws IOException {
        List<JournalRecord> out = new ArrayList<>();
        for (Segment s : segments.values()) {
            for (int i = 0; i < s.count() && out.size() < max; i++) {
                if (!s.isUploaded(i)) {
                    out.add(new JournalRecord(s.idAt(i), s.read(i)));
                }
            }
            if (out.size() >= max) {
                break;
            }
        }
        return out;
    }

    /** @param visitor receives every record on disk, oldest first @throws IOException on read failure */
    public void forEach(Consumer<JournalRecord> visitor) throws IOException {
        for (Segment s : segments.values()) {
            for (int i = 0; i < s.count(); i++) {
                visitor.accept(new JournalRecord(s.idAt(i), s.read(i), s.isUploaded(i)));
            }
        }
    }

    /** @return records not yet uploaded */
    public int pendingCount() {
        int n = 0;
        for (Segment s : segments.values()) {
            n += s.pendingCount();
        }
        return n;
    }

    /** @return number of segment files */
    public int count() {
        return segments.size();
    }

    /**
     * Marks records uploaded, durably (upload log forced). Unknown and already marked ids are ignored.
     *
     * @param ids record ids
     * @throws IOException on failure
     */
    public void markUploaded(Collection<Long> ids) throws IOException {
        List<Long> fresh = new ArrayList<>();
        for (long id : ids) {
            Map.Entry<Long, Segment> e = segments.floorEntry(id);
            int idx = e == null ? -1 : e.getValue().indexOf(id);
            if (idx >= 0 && !e.getValue().isUploaded(idx)) {
                fresh.add(id);
            }
        }
        uploadLog.append(fresh);
        for (long id : fresh) {
            markInMemory(id);
        }
    }

    private void markInMemory(long id) {
        Map.Entry<Long, Segment> e = segments.floorEntry(id);
        if (e != null) {
            int idx = e.getValue().indexOf(id);
            if (idx >= 0) {
                e.getValue().markUploaded(idx);
            }
        }
    }

    /** @return whether a segment other than the active one has all its records uploaded */
    public boolean hasCompactableSegment() {
        for (Segment s : segments.values()) {
            if (s != active && s.fullyUploaded()) {
                return true;
            }
        }
        return false;
    }

    /** Deletes fully uploaded segments (not the active one) and shrinks the upload log. @throws IOException on failure */
    public void compact() throws IOException {
        boolean deleted = false;
        for (Iterator<Segment> it = segments.values().iterator(); it.hasNext(); ) {
            Segment s = it.next();
            if (s != active && s.fullyUploaded()) {
                s.channel().close();
                Files.deleteIfExists(s.path());
                it.remove();
                deleted = true;
            }
        }
        if (deleted) {
            FileOps.fsyncDirectory(dir);
            List<Long> keep = new ArrayList<>();
            for (Segment s : segments.values()) {
                for (int i = 0; i < s.count(); i++) {
                    if (s.isUploaded(i)) {
                        keep.add(s.idAt(i));
                    }
                }
            }
            Collections.sort(keep);
            uploadLog.rewrite(keep);
        }
    }

    /** @return bytes on disk: segments and upload log */
    public long usedBytes() {
        long used = uploadLog.size();
        for (Segment s : segments.values()) {
            used += s.size();
        }
        return used;
    }

    /** Closes the files. @throws IOException on failure */
    public void close() throws IOException {
        for (Segment s : segments.values()) {
            s.channel().close();
        }
        uploadLog.close();
    }
}
