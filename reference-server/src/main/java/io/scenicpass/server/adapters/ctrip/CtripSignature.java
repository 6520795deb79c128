package io.scenicpass.server.adapters.ctrip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Ctrip's envelope signature: lower-case hex MD5 of {@code accountId + serviceName + requestTime + body + version +
 * signKey} (UTF-8), where {@code body} is the body's JSON text as sent (docs/resellers-ctrip.md).
 */
public final class CtripSignature {
    private CtripSignature() {}

    public static String sign(
            String accountId, String serviceName, String requestTime, String body, String version, String key) {
        String base = accountId + serviceName + requestTime + body + version + key;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(base.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of the expected and the given signature (case-insensitive hex). */
    public static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                given.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
