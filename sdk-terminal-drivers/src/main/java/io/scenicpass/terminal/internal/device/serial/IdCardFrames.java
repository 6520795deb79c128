package io.scenicpass.terminal.internal.device.serial;

import io.scenicpass.terminal.device.DeviceFaultCode;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * GA/T 467-style framing of Chinese ID card readers (the SAM protocol).
 * <pre>
 * command:  AA AA AA 96 69 | LEN(2, big-endian) | CMD | PARA | DATA... | CHK
 * response: AA AA AA 96 69 | LEN(2, big-endian) | SW1 | SW2 | SW3 | DATA... | CHK
 * </pre>
 * LEN counts the bytes after itself (including CHK); CHK is the XOR of every byte after the preamble
 * except itself. SW3 0x90 = success, 0x9F = card found, 0x80 = no card.
 */
public final class IdCardFrames {
    /** The frame preamble. */
    public static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** Largest LEN accepted (a base-info response is 0x0508; fingerprint variants are larger). */
    public static final int MAX_LEN = 0x1000;

    private IdCardFrames() {}

    /** Builds a command frame. */
    public static byte[] command(int cmd, int para, byte... data) {
        return frame(new byte[] {(byte) cmd, (byte) para}, data);
    }

    /** Builds a response frame (used by simulators and tests). */
    public static byte[] response(int sw1, int sw2, int sw3, byte... data) {
        return frame(new byte[] {(byte) sw1, (byte) sw2, (byte) sw3}, data);
    }

    private static byte[] frame(byte[] head, byte[] data) {
        int len = head.length + data.length + 1;
        byte[] out = new byte[PREAMBLE.length + 2 + len];
        System.arraycopy(PREAMBLE, 0, out, 0, PREAMBLE.length);
        out[5] = (byte) (len >> 8);
        out[6] = (byte) len;
        System.arraycopy(head, 0, out, 7, head.length);
        System.arraycopy(data, 0, out, 7 + head.length, data.length);
        out[out.length - 1] = xor(out, 5, out.length - 1);
        return out;
    }

    /** XOR of {@code b[from..to)}. */
    public static byte xor(byte[] b, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= b[i];
        }
        return (byte) x;
    }

    /** A decoded response. */
    public static final class Response {
        private final int sw1;
        private final int sw2;
        private final int sw3;
        private final byte[] data;

        Response(int sw1, int sw2, int sw3, byte[] data) {
            this.sw1 = sw1;
            this.sw2 = sw2;
            this.sw3 = sw3;
            this.data = data;
        }

        /** Status byte 1. */
        public int sw1() {
            return sw1;
        }

        /** Status byte 2. */
        public int sw2() {
            return sw2;
        }

        /** Status byte 3 (the operation result). */
        public int sw3() {
            return sw3;
        }

        /** Data between SW3 and the checksum. */
        public byte[] data() {
            return data.clone();
        }
    }

    /** Receives decoder output. */
    public interface Sink {
        /** A complete frame with a good checksum. */
        void onResponse(Response response);

        /** Garbage skipped, bad checksum, or impossible length. */
        void onError(DeviceFaultCode code, String message);
    }

    /** Incremental response decoder: tolerates garbage before the preamble and split frames. */
    public static final class Decoder {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        /** Forgets partial input. */
        public void reset() {
            buf.reset();
        }

        /** Bytes held for an incomplete frame. */
        public int pending() {
            return buf.size();
        }

        /** Feeds received bytes; emits zero or more events. */
        public void feed(byte[] data, int len, Sink sink) {
            buf.write(data, 0, len);
            while (true) {
                byte[] b = buf.toByteArray();
                int start = indexOfPreamble(b);
                if (start < 0) {
                    // keep a tail that could be the start of a preamble
                    int keep = Math.min(b.length, PREAMBLE.length - 1);
                    while (keep > 0 && !startsPreamble(b, b.length - keep)) {
                        keep--;
                    }
                    if (b.length - keep > 0) {
                        sink.onError(DeviceFaultCode.GARBAGE, (b.length - keep) + " bytes outside any frame");
                    }
                    replace(Arrays.copyOfRange(b, b.length - keep, b.length));
                    return;
                }
                if (start > 0) {
                    sink.onError(DeviceFaultCode.GARBAGE, start + " bytes before the preamble");
                    b = Arrays.copyOfRange(b, start, b.length);
                    replace(b);
                }
                if (b.length < 7) {
                    return;
                }
                int frameLen = ((b[5] & 0xFF) << 8) | (b[6] & 0xFF);
                if (frameLen < 4 || frameLen > MAX_LEN) {
                    sink.onError(DeviceFaultCode.MALFORMED_FRAME, "impossible frame length " + frameLen);
                    replace(Arrays.copyOfRange(b, 1, b.length)); // resynchronise on the next preamble
                    continue;
                }
                if (b.length < 7 + frameLen) {
                    return;
                }
                int end = 7 + frameLen;
                replace(Arrays.copyOfRange(b, end, b.length));
                if (xor(b, 5, end - 1) != b[end - 1]) {
                    sink.onError(DeviceFaultCode.BAD_CHECKSUM, "response checksum mismatch");
                    continue;
                }
                sink.onResponse(
                        new Response(b[7] & 0xFF, b[8] & 0xFF, b[9] & 0xFF, Arrays.copyOfRange(b, 10, end - 1)));
            }
        }

        private void replace(byte[] rest) {
            buf.reset();
            buf.write(rest, 0, rest.length);
        }

        private static int indexOfPreamble(byte[] b) {
            outer:
            for (int i = 0; i + PREAMBLE.length <= b.length; i++) {
                for (int k = 0; k < PREAMBLE.length; k++) {
                    if (b[i + k] != PREAMBLE[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static boolean startsPreamble(byte[] b, int from) {
            for (int i = from, k = 0; i < b.length; i++, k++) {
                if (b[i] != PREAMBLE[k]) {
                    return false;
                }
            }
            return true;
        }
    }
}
