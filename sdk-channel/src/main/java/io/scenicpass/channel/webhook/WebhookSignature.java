package io.scenicpass.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ScenicPass webhook signature scheme, shared by the server (which signs) and channels (which verify with
 * {@link WebhookVerifier}).
 *
 * <p>Each delivery carries {@value #TIMESTAMP_HEADER} (Unix seconds), {@value #SIGNATURE_HEADER}
 * ({@code v1=<lowercase hex HMAC-SHA256(secret, timestamp + "." + body)>}, several comma-separated values
 * while a secret is being rotated) and {@value #EVENT_ID_HEADER} (for de-duplication). The body is the exact
 * bytes of the request body: verify before parsing.
 */
public final class WebhookSignature {
    /** Header with the Unix time (seconds) at which the delivery was signed. */
    public static final String TIMESTAMP_HEADER = "ScenicPass-Timestamp";
    /** Header with the signature(s): {@code v1=<hex>[, v1=<hex>]}. */
    public static final String SIGNATURE_HEADER = "ScenicPass-Signature";
    /** Header with the event id (the same as {@code eventId} in the body). */
    public static final String EVENT_ID_HEADER = "ScenicPass-Event-Id";
    /** Scheme prefix of a signature value. */
    public static final String SCHEME = "v1";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WebhookSignature() {}

    /**
     * Computes the signature header value.
     *
     * @param secret the channel's webhook secret
     * @param timestampSeconds the Unix time sent in {@value #TIMESTAMP_HEADER}
     * @param body the exact body bytes
     * @return {@code v1=<hex>}
     */
    public static String sign(String secret, long timestampSeconds, byte[] body) {
        return SCHEME + "=" + hex(hmac(secret, timestampSeconds, body));
    }

    static byte[] hmac(String secret, long timestampSeconds, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(Long.toString(timestampSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
