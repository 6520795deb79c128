package io.scenicpass.server.payments.wechat;

import io.scenicpass.server.payments.PaymentException;
import io.scenicpass.server.payments.PaymentException.Kind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The APIv3 signature scheme. Requests: SHA256withRSA with the merchant key over
 * {@code METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n}, sent as
 * {@code Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"}.
 * Answers and notifications: SHA256withRSA by the platform key over {@code TIMESTAMP\nNONCE\nBODY\n} in the
 * {@code Wechatpay-Signature} header, with {@code Wechatpay-Timestamp}, {@code -Nonce}, {@code -Serial}; a timestamp
 * more than 5 minutes off is refused (replay). Notification resources: AEAD_AES_256_GCM under the APIv3 key.
 */
public final class WeChatPaySigner {
    static final String SCHEMA = "WECHATPAY2-SHA256-RSA2048";
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final WeChatPayConfig config;
    private final Clock clock;
    private final SecureRandom random;

    public WeChatPaySigner(WeChatPayConfig config, Clock clock, SecureRandom random) {
        this.config = config;
        this.clock = clock;
        this.random = random;
    }

    /** The Authorization header of a request ({@code pathAndQuery} as sent, body "" for GET). */
    public String authorization(String method, String pathAndQuery, String body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = nonce();
        String signature = sign(method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n");
        return SCHEMA + " mchid=\"" + config.mchId() + "\",nonce_str=\"" + nonce + "\",signature=\"" + signature
                + "\",timestamp=\"" + timestamp + "\",serial_no=\"" + config.merchantSerial() + "\"";
    }

    /**
     * The parameters of WeixinJSBridge's getBrandWCPayRequest for a JSAPI prepay id: paySign is SHA256withRSA by the
     * merchant key over {@code appId\ntimeStamp\nnonceStr\npackage\n}, signType RSA.
     */
    public java.util.Map<String, String> jsapi(String prepayId) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = nonce();
        String pkg = "prepay_id=" + prepayId;
        String paySign = sign(config.appId() + "\n" + timestamp + "\n" + nonce + "\n" + pkg + "\n");
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("appId", config.appId());
        out.put("timeStamp", timestamp);
        out.put("nonceStr", nonce);
        out.put("package", pkg);
        out.put("signType", "RSA");
        out.put("paySign", paySign);
        return out;
    }

    private String nonce() {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        return HexFormat.of().withUpperCase().formatHex(raw);
    }

    /** SHA256withRSA by the merchant key, base64. */
    private String sign(String message) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(config.merchantKey());
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the merchant key", e);
        }
    }

    /** Checks the platform's signature on an answer or notification; headers with lower-case names. */
    public void verify(Map<String, String> headers, String body) {
        String ts = headers.get("wechatpay-timestamp");
        String nonce = headers.get("wechatpay-nonce");
        String signature = headers.get("wechatpay-signature");
        String serial = headers.get("wechatpay-serial");
        if (ts == null || nonce == null || signature == null || serial == null || !ts.matches("[0-9]{1,12}")) {
            throw refused("NO_SIGNATURE", "no Wechatpay-Timestamp/-Nonce/-Signature/-Serial headers");
        }
        if (!serial.equals(config.platformSerial())) {
            throw refused("UNKNOWN_SERIAL", "signed with platform key " + serial + ", not the configured one");
        }
        if (Math.abs(clock.instant().getEpochSecond() - Long.parseLong(ts)) > SKEW.getSeconds()) {
            throw refused("STALE", "Wechatpay-Timestamp more than 5 minutes off");
        }
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(config.platformKey());
            s.update((ts + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
            if (!s.verify(Base64.getDecoder().decode(signature))) {
                throw refused("BAD_SIGNATURE", "Wechatpay-Signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused("BAD_SIGNATURE", "Wechatpay-Signature is not a signature");
        }
    }

    /** Decrypts a notification resource (AEAD_AES_256_GCM: base64 ciphertext with its 16-byte tag). */
    public String decrypt(String associatedData, String nonce, String ciphertext) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(config.apiV3Key(), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            if (associatedData != null) {
                c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            }
            return new String(c.doFinal(Base64.getDecoder().decode(ciphertext)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused("DECRYPT_FAILED", "the notification resource does not decrypt with the APIv3 key");
        }
    }

    private static PaymentException refused(String code, String message) {
        return new PaymentException(Kind.SIGNATURE, code, message);
    }
}
