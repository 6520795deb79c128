package io.scenicpass.core.codec;

import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.ScenicPassException;

/**
 * Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric set.
 * {@link #decode(String)} throws {@link ScenicPassException} with {@link ErrorCode#MALFORMED} on bad input
 * (never IllegalArgumentException), so it can sit on the pass decoder's no-surprises path.
 */
public final class Base45 {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".toCharArray();
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = (byte) i;
        }
    }

    private Base45() {}

    /** Encodes bytes as Base45. */
    public static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length / 2) * 3 + 2);
        int i = 0;
        for (; i + 1 < data.length; i += 2) {
            int n = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
            sb.append(ALPHABET[n % 45]).append(ALPHABET[(n / 45) % 45]).append(ALPHABET[n / 2025]);
        }
        if (i < data.length) {
            int n = data[i] & 0xff;
            sb.append(ALPHABET[n % 45]).append(ALPHABET[n / 45]);
        }
        return sb.toString();
    }

    /**
     * Decodes Base45 text.
     *
     * @throws ScenicPassException MALFORMED on a character outside the alphabet, a bad length or a group
     *     whose value overflows
     */
    public static byte[] decode(String text) {
        return decode(text, 0, text.length());
    }

    /** Decodes {@code text[from, to)}; see {@link #decode(String)}. */
    public static byte[] decode(CharSequence text, int from, int to) {
        int len = to - from;
        if (len % 3 == 1) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "Base45 length " + len + " is invalid");
        }
        byte[] out = new byte[len / 3 * 2 + (len % 3 == 2 ? 1 : 0)];
        int o = 0;
        int i = from;
        for (; i + 2 < to; i += 3) {
            int n = value(text.charAt(i)) + value(text.charAt(i + 1)) * 45 + value(text.charAt(i + 2)) * 2025;
            if (n > 0xffff) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "Base45 group overflows");
            }
            out[o++] = (byte) (n >> 8);
            out[o++] = (byte) n;
        }
        if (i < to) {
            int n = value(text.charAt(i)) + value(text.charAt(i + 1)) * 45;
            if (n > 0xff) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "Base45 group overflows");
            }
            out[o] = (byte) n;
        }
        return out;
    }

    private static int value(char c) {
        int v = c < 128 ? VALUES[c] : -1;
        if (v < 0) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "character outside the Base45 alphabet");
        }
        return v;
    }
}
