package io.scenicpass.terminal.internal.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Framing of one record: {@code int length | int crc32c | long id | payload}. The checksum covers the
 * length, the id and the payload, so a torn or half-written record never passes as valid.
 */
public final class RecordFormat {
    /** Bytes before the payload. */
    public static final int HEADER = 16;

    private RecordFormat() {
    }

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
}
