package io.scenicpass.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Secrets people type (cashier PINs, operator passwords) as Argon2id hashes (Bouncy Castle), in the PHC text form {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}
 * so that the parameters can be raised later without breaking stored hashes. A PIN is short: the slow, salted,
 * memory-hard hash is what makes a stolen table expensive to try every PIN or password on.
 */
public final class SecretHash {
    /** OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane): about 50 ms a check on a small server. */
    public static final int MEMORY_KIB = 19_456;

    public static final int ITERATIONS = 2;
    private static final int LANES = 1;
    private static final int SALT = 16;
    private static final int LENGTH = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private SecretHash() {}

    public static String hash(String pin, SecureRandom random) {
        byte[] salt = new byte[SALT];
        random.nextBytes(salt);
        byte[] out = derive(pin, salt, MEMORY_KIB, ITERATIONS, LANES, LENGTH);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(out);
    }

    /** True when {@code pin} is the one {@code stored} was made from (constant-time comparison). */
    public static boolean matches(String pin, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) {
            return false;
        }
        int m = 0, t = 0, p = 0;
        for (String kv : parts[3].split(",")) {
            int v = Integer.parseInt(kv.substring(2));
            switch (kv.charAt(0)) {
                case 'm' -> m = v;
                case 't' -> t = v;
                case 'p' -> p = v;
                default -> {
                    return false;
                }
            }
        }
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = Base64.getDecoder().decode(parts[5]);
        return MessageDigest.isEqual(expected, derive(pin, salt, m, t, p, expected.length));
    }

    private static byte[] derive(String pin, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .build());
        byte[] out = new byte[length];
        g.generateBytes(pin.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
