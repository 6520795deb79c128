package io.scenicpass.terminal.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Framing of one record: {@code int length | int crc32c | long id | payload}. The checksum covers the
 * length, the id and the payload, so a torn or half-written record never passes as valid.
 */
public final class RecordFormat {
    /** Bytes before the payload. */
    public static final int HEADER = 16;

    private RecordFormat() {}

    /**
     * @param id record id
     * @param payload bytes to store
     * @return the framed record, ready to write
     */
    public static ByteBuffer encode(long id, byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length);
        buf.putInt(payload.length);
        buf.putInt(crc(payload.length, id, payload, 0, payload.length));
        buf.putLong(id);
        buf.put(payload);
        buf.flip();
        return buf;
    }

    /**
     * Checksum of a record.
     *
     * @param length payload length
     * @param id record id
     * @param data array holding the payload
     * @param off payload offset in {@code data}
     * @param len payload length in {@code data}
     * @return the CRC32C value
     */
    public static int crc(int length, long id, byte[] data, int off, int len) {
        CRC32C c = new CRC32C();
        ByteBuffer head = ByteBuffer.allocate(12);
        head.putInt(length).putLong(id);
        c.update(head.array(), 0, 12);
        c.update(data, off, len);
        return (int) c.getValue();
    }

    /** Result of decoding the record at a position of a byte array. */
    public static final class Decoded {
        /** Record id. */
        public final long id;
        /** Offset of the payload. */
        public final int payloadOffset;
        /** Length of the payload. */
        public final int payloadLength;

        Decoded(long id, int payloadOffset, int payloadLength) {
            this.id = id;
            this.payloadOffset = payloadOffset;
            this.payloadLength = payloadLength;
        }

        /** @return offset just after the record */
        public int end() {
            return payloadOffset + payloadLength;
        }
    }

    /**
     * Decodes the record starting at {@code pos}.
     *
     * @param data file content
     * @param pos record start
     * @param limit end of valid data
     * @param maxPayload largest plausible payload
     * @return the record, or null when the bytes there are not a complete valid record
     */
    public static Decoded decode(byte[] data, int pos, int limit, int maxPayload) {
        if (limit - pos < HEADER) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(data, pos, HEADER);
        int len = b.getInt();
        int crc = b.getInt();
        long id = b.getLong();
        if (len < 0 || len > maxPayload || (long) pos + HEADER + len > limit) {
            return null;
        }
        if (crc(len, id, data, pos + HEADER, len) != crc) {
            return null;
        }
        return new Decoded(id, pos + HEADER, len);
    }

    /** Receives the valid records of a {@link #scanAndTrim} scan. */
    public interface Visitor {
        /**
         * @param data the file content
         * @param record one valid record in it
         * @return false to treat this record and everything after it as a torn tail
         */
        boolean accept(byte[] data, Decoded record);
    }

    /**
     * Reads a small framed log file (upload marks, state deltas) from its start, hands every valid record
     * to the visitor and cuts off a torn or half-written tail (truncated and forced).
     *
     * @param channel the open file
     * @param visitor receives each record, oldest first
     * @return the length of the valid part, where the next record goes
     * @throws IOException on failure
     */
    public static int scanAndTrim(FileChannel channel, Visitor visitor) throws IOException {
        byte[] data = FileOps.readAll(channel);
        int pos = 0;
        while (true) {
            Decoded d = decode(data, pos, data.length, Integer.MAX_VALUE);
            if (d == null || !visitor.accept(data, d)) {
                break;
            }
            pos = d.end();
        }
        if (pos < data.length) {
            channel.truncate(pos);
            channel.force(true);
        }
        return pos;
    }
}
