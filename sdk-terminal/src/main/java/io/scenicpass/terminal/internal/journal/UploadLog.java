package io.scenicpass.terminal.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.function.LongConsumer;

/**
 * Append-only log of record ids the server acknowledged, with the same checksummed framing as segments.
 * Each frame holds a batch of ids. Rewritten (atomically) during compaction to drop ids of deleted segments.
 */
public final class UploadLog implements AutoCloseable {
    private final Path path;
    private FileChannel channel;
    private long size;
    private long maxId = -1;

    private UploadLog(Path path) {
        this.path = path;
    }

    /**
     * Opens the log, replaying every valid id and dropping a torn tail.
     *
     * @param path the file
     * @param consumer receives each acknowledged id
     * @return the open log
     * @throws IOException on failure
     */
    public static UploadLog open(Path path, LongConsumer consumer) throws IOException {
        UploadLog log = new UploadLog(path);
        log.channel =
                FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        log.size = RecordFormat.scanAndTrim(log.channel, (data, d) -> {
            if (d.payloadLength % 8 != 0) {
                return false;
            }
            ByteBuffer b = ByteBuffer.wrap(data, d.payloadOffset, d.payloadLength);
            while (b.hasRemaining()) {
                long id = b.getLong();
                log.maxId = Math.max(log.maxId, id);
                consumer.accept(id);
            }
            return true;
        });
        return log;
    }

    /** @return the largest id ever acknowledged, or -1 */
    public long maxId() {
        return maxId;
    }

    /** @return bytes on disk */
    public long size() {
        return size;
    }

    /**
     * Appends and forces a batch of ids.
     *
     * @param ids acknowledged ids
     * @throws IOException on failure
     */
    public void append(Collection<Long> ids) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        ByteBuffer frame = RecordFormat.encode(0, pack(ids));
        int len = frame.remaining();
        FileOps.writeFully(channel, frame, size);
        channel.force(false);
        size += len;
        for (long id : ids) {
            maxId = Math.max(maxId, id);
        }
    }

    /**
     * Atomically replaces the log by one holding only {@code keep}.
     *
     * @param keep ids still relevant
     * @throws IOException on failure
     */
    public void rewrite(Collection<Long> keep) throws IOException {
        ByteBuffer frame = keep.isEmpty() ? ByteBuffer.allocate(0) : RecordFormat.encode(0, pack(keep));
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        channel.close();
        FileOps.writeAtomically(path, bytes);
        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        size = bytes.length;
    }

    private static byte[] pack(Collection<Long> ids) {
        ByteBuffer b = ByteBuffer.allocate(ids.size() * 8);
        for (long id : ids) {
            b.putLong(id);
        }
        return b.array();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
