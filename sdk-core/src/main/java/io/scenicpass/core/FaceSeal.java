package io.scenicpass.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Face templates between the server and one device, sealed with that device's face key: AES-256-GCM (base64 of IV
 * then ciphertext and tag) bound to a context (the subject or event id). The key is derived from the device token
 * the device received at enrollment: HMAC-SHA256 keyed with SHA-256(token) (the server keeps only that hash) over
 * {@code "scenicpass-face-v1"}. A template sealed for one device opens on no other.
 */
public final class FaceSeal {
    private static final int IV = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private FaceSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The seal of the device holding {@code deviceToken} (the device side). */
    public static FaceSeal ofDeviceToken(String deviceToken) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(deviceToken.getBytes(StandardCharsets.UTF_8));
            return ofTokenHash(hex(h));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The seal of the device whose token's SHA-256 is {@code tokenSha256Hex} (the server side). */
    public static FaceSeal ofTokenHash(String tokenSha256Hex) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenSha256Hex.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return new FaceSeal(mac.doFinal("scenicpass-face-v1".getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Seals template bytes bound to {@code context}. */
    public String seal(byte[] template, String context) {
        try {
            byte[] iv = new byte[IV];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(template);
            return Base64.getEncoder()
                    .encodeToString(
                            ByteBuffer.allocate(IV + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The template bytes of {@link #seal}.
     *
     * @throws ScenicPassException MALFORMED when sealed for another device or context, or tampered with
     */
    public byte[] open(String sealed, String context) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            if (all.length <= IV + 16) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "sealed face template too short");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(all, IV, all.length - IV);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "face template not sealed for this device");
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "FaceSeal{***}";
    }
}
