package io.scenicpass.terminal.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;

/** One segment file: its open channel and an index of the records in it. Not thread-safe; the journal locks. */
public final class Segment {
    private final Path path;
    private final long nameId;
    private final FileChannel channel;
    private long size;
    private long[] ids = new long[64];
    private long[] offsets = new long[64];
    private int[] lengths = new int[64];
    private int count;
    private final BitSet uploaded = new BitSet();

    /**
     * @param path the file
     * @param nameId the id in the file name (first id the segment was created for)
     * @param channel open read/write channel
     * @param size bytes of valid content
     */
    public Segment(Path path, long nameId, FileChannel channel, long size) {
        this.path = path;
        this.nameId = nameId;
        this.channel = channel;
        this.size = size;
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /** @return the id in the file name */
    public long nameId() {
        return nameId;
    }

    /** @return the channel */
    public FileChannel channel() {
        return channel;
    }

    /** @return bytes of valid content */
    public long size() {
        return size;
    }

    /** @return number of records */
    public int count() {
        return count;
    }

    /** @return id of the last record, or -1 */
    public long lastId() {
        return count == 0 ? -1 : ids[count - 1];
    }

    /**
     * Indexes a record.
     *
     * @param id record id
     * @param offset where its frame starts
     * @param payloadLength its payload length
     */
    public void add(long id, long offset, int payloadLength) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        ids[count] = id;
        offsets[count] = offset;
        lengths[count] = payloadLength;
        count++;
        size = Math.max(size, offset + RecordFormat.HEADER + payloadLength);
    }

    /**
     * @param id a record id
     * @return its index in this segment, or negative when absent
     */
    public int indexOf(long id) {
        return Arrays.binarySearch(ids, 0, count, id);
    }

    /** @param index record index @return its id */
    public long idAt(int index) {
        return ids[index];
    }

    /** @param index record index @return whether it is marked uploaded */
    public boolean isUploaded(int index) {
        return uploaded.get(index);
    }

    /** @param index record index to mark uploaded */
    public void markUploaded(int index) {
        uploaded.set(index);
    }

    /** @return whether every record is uploaded */
    public boolean fullyUploaded() {
        return uploaded.cardinality() == count;
    }

    /** @return records not yet uploaded */
    public int pendingCount() {
        return count - uploaded.cardinality();
    }

    /**
     * Reads a record's payload.
     *
     * @param index record index
     * @return the payload
     * @throws IOException on read failure
     */
    public byte[] read(int index) throws IOException {
        byte[] out = new byte[lengths[index]];
        ByteBuffer buf = ByteBuffer.wrap(out);
        long pos = offsets[index] + RecordFormat.HEADER;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of segment " + path.getFileName());
            }
            pos += n;
        }
        return out;
    }
}
