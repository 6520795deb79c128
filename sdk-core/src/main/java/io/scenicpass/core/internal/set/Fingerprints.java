package io.scenicpass.core.internal.set;

import io.scenicpass.core.internal.text.Crockford;
import java.nio.charset.StandardCharsets;

/** 64-bit fingerprints of pass ids and holder bindings. */
public final class Fingerprints {
    private Fingerprints() {}

    /** A compact pass id is its own 64-bit value (exact); any other id is hashed. */
    public static long ofPassId(String passId) {
        if (Crockford.isCanonical64(passId)) {
            return Crockford.decode64(passId);
        }
        return ofBytes(passId.getBytes(StandardCharsets.UTF_8));
    }

    /** A 64-bit hash of bytes (FNV-1a then a murmur3 finaliser; not cryptographic). */
    public static long ofBytes(byte[] b) {
        long h = 0xcbf29ce484222325L;
        for (byte x : b) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return FingerprintTable.mix(h ^ b.length);
    }
}
