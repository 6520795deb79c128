package io.scenicpass.core.internal.text;

/** Crockford base32 for 64-bit pass ids: 13 upper-case characters, the first one 0-F. */
public final class Crockford {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final byte[] VALUES = new byte[128];
    /** Length of an encoded 64-bit id. */
    public static final int ID_LENGTH = 13;

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = (byte) i;
        }
    }

    private Crockford() {}

    /** Encodes a 64-bit value as 13 characters. */
    public static String encode64(long v) {
        char[] out = new char[ID_LENGTH];
        for (int i = ID_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (v & 31)];
            v >>>= 5;
        }
        return new String(out);
    }

    /** True if {@code s} is the canonical 13-character form of a 64-bit value. */
    public static boolean isCanonical64(CharSequence s) {
        if (s.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = s.charAt(i);
            int v = c < 128 ? VALUES[c] : -1;
            if (v < 0 || (i == 0 && v > 15)) {
                return false;
            }
        }
        return true;
    }

    /** Decodes a canonical 13-character id (check {@link #isCanonical64} first). */
    public static long decode64(CharSequence s) {
        long v = 0;
        for (int i = 0; i < ID_LENGTH; i++) {
            v = (v << 5) | VALUES[s.charAt(i)];
        }
        return v;
    }
}
