package io.scenicpass.terminal.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, names and recovers segment files. */
public final class SegmentLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentLoader.class);
    /** Magic bytes at the start of every segment. */
    static final byte[] MAGIC = "SPJRNL01".getBytes(StandardCharsets.US_ASCII);

    private static final String PREFIX = "seg-";
    private static final String SUFFIX = ".log";

    private SegmentLoader() {}

    /**
     * Opens every segment in a directory. The last segment's torn tail (a half-written or corrupt record)
     * is truncated; an earlier segment is read up to its first bad record (which is logged).
     *
     * @param dir the journal directory
     * @param maxPayload largest plausible payload
     * @return segments by name id, ascending
     * @throws IOException on failure
     */
    public static TreeMap<Long, Segment> recover(Path dir, int maxPayload) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : ds) {
                files.add(p);
            }
        }
        TreeMap<Long, Path> byId = new TreeMap<>();
        for (Path p : files) {
            String n = p.getFileName().toString();
            try {
                byId.put(Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length())), p);
            } catch (NumberFormatException e) {
                LOG.warn("ignoring unexpected file in journal directory: {}", n);
            }
        }
        TreeMap<Long, Segment> out = new TreeMap<>();
        Long last = byId.isEmpty() ? null : byId.lastKey();
        for (java.util.Map.Entry<Long, Path> e : byId.entrySet()) {
            out.put(e.getKey(), load(e.getValue(), e.getKey(), e.getKey().equals(last), maxPayload));
        }
        return out;
    }

    private static Segment load(Path path, long nameId, boolean isLast, int maxPayload) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        byte[] data = FileOps.readAll(ch);
        boolean headerOk = data.length >= MAGIC.length;
        for (int i = 0; headerOk && i < MAGIC.length; i++) {
            headerOk = data[i] == MAGIC[i];
        }
        if (!headerOk) {
            if (!isLast && data.length > 0) {
                LOG.error("journal segment {} has a bad header; its records are unreadable", path.getFileName());
            }
            ch.truncate(0);
            FileOps.writeFully(ch, ByteBuffer.wrap(MAGIC), 0);
            ch.force(true);
            return new Segment(path, nameId, ch, MAGIC.length);
        }
        Segment seg = new Segment(path, nameId, ch, MAGIC.length);
        int pos = MAGIC.length;
        while (pos < data.length) {
            RecordFormat.Decoded d = RecordFormat.decode(data, pos, data.length, maxPayload);
            if (d == null) {
                break;
            }
            seg.add(d.id, pos, d.payloadLength);
            pos = d.end();
        }
        if (pos < data.length) {
            if (isLast) {
                LOG.info(
                        "journal recovery: discarding {} bytes of torn tail in {}",
                        data.length - pos,
                        path.getFileName());
                ch.truncate(pos);
                ch.force(true);
            } else {
                LOG.error(
                        "journal segment {} is corrupt at offset {}; later records in it are skipped",
                        path.getFileName(),
                        pos);
            }
        }
        return seg;
    }

    /**
     * Creates a new, empty segment and makes its directory entry durable.
     *
     * @param dir the journal directory
     * @param nameId the first id it will hold
     * @return the open segment
     * @throws IOException on failure
     */
    public static Segment create(Path dir, long nameId) throws IOException {
        Path p = dir.resolve(String.format("%s%020d%s", PREFIX, nameId, SUFFIX));
        FileChannel ch = FileChannel.open(
                p,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        FileOps.writeFully(ch, ByteBuffer.wrap(MAGIC), 0);
        ch.force(true);
        FileOps.fsyncDirectory(dir);
        return new Segment(p, nameId, ch, MAGIC.length);
    }
}
