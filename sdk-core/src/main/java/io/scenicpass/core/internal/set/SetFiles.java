package io.scenicpass.core.internal.set;

import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.ScenicPassException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * File format of a fingerprint set: magic (4 bytes), format version (int 1), sequence (long),
 * count (int), count fingerprints (long each, big-endian), CRC-32 of everything before (int).
 */
public final class SetFiles {
    private static final int VERSION = 1;
    private static final int MAX_COUNT = 100_000_000;

    private SetFiles() {}

    /** Writes the set; does not close {@code out}. */
    public static void write(OutputStream out, int magic, long sequence, FingerprintTable table) {
        try {
            CheckedOutputStream checked = new CheckedOutputStream(new NonClosing(out), new CRC32());
            DataOutputStream d = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
            d.writeInt(magic);
            d.writeInt(VERSION);
            d.writeLong(sequence);
            int[] count = {0};
            table.forEach(v -> count[0]++);
            d.writeInt(count[0]);
            IOException[] failure = {null};
            table.forEach(v -> {
                try {
                    d.writeLong(v);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            d.flush();
            d.writeInt((int) checked.getChecksum().getValue());
            d.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write set", e);
        }
    }

    /** Reads a set written by {@link #write}; MALFORMED on anything else. Returns the sequence. */
    public static long read(InputStream in, int magic, FingerprintTable into) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            CheckedInputStream checked = new CheckedInputStream(buffered, new CRC32());
            DataInputStream d = new DataInputStream(checked);
            if (d.readInt() != magic || d.readInt() != VERSION) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "not a set file of this kind/version");
            }
            long sequence = d.readLong();
            int count = d.readInt();
            if (count < 0 || count > MAX_COUNT || sequence < 0) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "bad count or sequence in set file");
            }
            into.ensureCapacity((int) (count / 0.6 * 0.75) + 1);
            for (int i = 0; i < count; i++) {
                into.add(d.readLong());
            }
            int expected = (int) checked.getChecksum().getValue();
            if (new DataInputStream(buffered).readInt() != expected) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "set file checksum mismatch");
            }
            return sequence;
        } catch (EOFException e) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "set file truncated");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read set", e);
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
