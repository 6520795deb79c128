package io.scenicpass.server.console;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, 6 digits, as every
 * authenticator app reads them from an {@code otpauth://} QR. Secrets are 20 random bytes, shown in Base32.
 */
public final class Totp {
    static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {}

    /** A new secret (Base32, 32 characters). */
    public static String newSecret(SecureRandom random) {
        byte[] raw = new byte[20];
        random.nextBytes(raw);
        return base32(raw);
    }

    /** The 30-second step of {@code epochMillis}. */
    public static long step(long epochMillis) {
        return Math.floorDiv(epochMillis, STEP_SECONDS * 1000L);
    }

    /** The code of {@code step} for {@code secret}, {@code digits} long (RFC 4226 § 5.3 dynamic truncation). */
    static String code(byte[] secret, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            String s = Integer.toString(bin % (int) Math.pow(10, digits));
            return "0".repeat(digits - s.length()) + s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step {@code code} is valid for at {@code epochMillis} (this step or one either side, for clock drift), or -1.
     * The caller refuses a step not after the last one used (a code works once).
     */
    public static long verify(String base32Secret, String code, long epochMillis) {
        if (code == null || !code.trim().matches("\\d{6}")) {
            return -1;
        }
        byte[] secret = unbase32(base32Secret);
        long now = step(epochMillis);
        for (long s = now - 1; s <= now + 1; s++) {
            if (MessageDigest.isEqual(
                    code(secret, s, DIGITS, "HmacSHA1").getBytes(StandardCharsets.US_ASCII),
                    code.trim().getBytes(StandardCharsets.US_ASCII))) {
                return s;
            }
        }
        return -1;
    }

    /** The enrolment URI an authenticator app reads from a QR (Key Uri Format). */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String base32(byte[] raw) {
        StringBuilder out = new StringBuilder();
        int buffer = 0, bits = 0;
        for (byte b : raw) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] unbase32(String s) {
        String t = s.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(t.length() * 5 / 8);
        int buffer = 0, bits = 0;
        for (char ch : t.toCharArray()) {
            int v = ALPHABET.indexOf(ch);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
