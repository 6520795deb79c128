package io.scenicpass.terminal.internal.state;

import io.scenicpass.terminal.internal.journal.FileOps;
import io.scenicpass.terminal.internal.journal.RecordFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only log of applied deltas next to a snapshot file: appending is cheap (one forced write),
 * and on start the deltas are replayed over the snapshot. Uses the journal's checksummed framing, so a
 * torn last delta is dropped (it was never acknowledged as applied).
 */
public final class DeltaLog implements AutoCloseable {
    private final FileChannel channel;
    private long size;
    private long seq;

    private DeltaLog(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens the log and returns the valid deltas in it.
     *
     * @param path the log file
     * @param replay receives the stored deltas, oldest first
     * @return the open log
     * @throws IOException on failure
     */
    public static DeltaLog open(Path path, List<byte[]> replay) throws IOException {
        DeltaLog log = new DeltaLog(
                FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
        log.size = RecordFormat.scanAndTrim(log.channel, (data, d) -> {
            byte[] payload = new byte[d.payloadLength];
            System.arraycopy(data, d.payloadOffset, payload, 0, d.payloadLength);
            replay.add(payload);
            log.seq = d.id;
            return true;
        });
        return log;
    }

    /** @return bytes in the log */
    public long size() {
        return size;
    }

    /**
     * Appends a delta and forces it to disk.
     *
     * @param payload the serialized delta
     * @throws IOException on failure
     */
    public void append(byte[] payload) throws IOException {
        ByteBuffer frame = RecordFormat.encode(++seq, payload);
        int len = frame.remaining();
        FileOps.writeFully(channel, frame, size);
        channel.force(false);
        size += len;
    }

    /**
     * Empties the log (after a snapshot that includes every delta was written).
     *
     * @throws IOException on failure
     */
    public void clear() throws IOException {
        channel.truncate(0);
        channel.force(true);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** @return an empty list to collect replayed deltas */
    public static List<byte[]> newReplayList() {
        return new ArrayList<>();
    }
}
