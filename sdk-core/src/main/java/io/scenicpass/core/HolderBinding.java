package io.scenicpass.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Holder binding: HMAC-SHA256 with the scenic area's binding key over {@code TYPE ":" NUMBER} (number
 * upper-cased, whitespace removed), truncated to 16 bytes. Never the number itself.
 */
public final class HolderBinding {
    /** Length of a binding in bytes. */
    public static final int LENGTH = 16;

    private HolderBinding() {}

    /** The binding of a document number under {@code bindingKey}. */
    public static byte[] of(byte[] bindingKey, DocumentType type, String number) {
        if (bindingKey == null || bindingKey.length < 16) {
            throw new IllegalArgumentException("binding key must be at least 16 bytes");
        }
        String normalised = normalise(number);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("document number is empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bindingKey, "HmacSHA256"));
            byte[] full = mac.doFinal((type.name() + ":" + normalised).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The blacklist entry that freezes one pass (an annual pass lent to someone else): SHA-256 over {@code
     * "frozen-pass:" + passId}, truncated to 16 bytes. It travels in the blacklist sync like a person's binding, so a
     * freeze reaches gates offline and an unfreeze (its removal) lifts it; gates refuse the pass with FROZEN.
     */
    public static byte[] frozenPass(String passId) {
        if (passId == null || passId.isEmpty()) {
            throw new IllegalArgumentException("passId is required");
        }
        return Arrays.copyOf(
                io.scenicpass.core.internal.crypto.Crypto.sha256(
                        ("frozen-pass:" + passId).getBytes(StandardCharsets.UTF_8)),
                LENGTH);
    }

    /** Upper-case (root locale), all whitespace removed. */
    public static String normalise(String number) {
        StringBuilder sb = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
