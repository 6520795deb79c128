package io.scenicpass.server.payments.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.scenicpass.server.payments.PaymentSettings;
import io.scenicpass.server.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WireMock playing WeChat Pay API v3: a merchant key pair (the server signs with its private half, the fake checks
 * with the public half) and a platform key pair (the fake signs answers and notifications).
 */
final class WeChatPayFake implements AutoCloseable {
    static final String MCH_ID = "1900000109";
    static final String APP_ID = "wxd678efh567hg6787";
    static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    static final String PLATFORM_SERIAL = "PUB_KEY_ID_0119000001092025010000000000";
    static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    final WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final KeyPair MERCHANT = rsa();
    static final KeyPair PLATFORM = rsa();
    final KeyPair merchant = MERCHANT;
    final KeyPair platform = PLATFORM;
    final MutableClock clock;
    private final AtomicInteger nonces = new AtomicInteger();

    WeChatPayFake(MutableClock clock) {
        this.clock = clock;
        wm.start();
    }

    /** The settings as an operator would give them, pointing at this fake. */
    PaymentSettings.WeChat settings() {
        return new PaymentSettings.WeChat(
                "http://127.0.0.1:" + wm.port(),
                MCH_ID,
                APP_ID,
                MERCHANT_SERIAL,
                pem("PRIVATE KEY", merchant.getPrivate()),
                API_V3_KEY,
                pem("PUBLIC KEY", platform.getPublic()),
                PLATFORM_SERIAL,
                "https://park.example/payments/v1/notify/wechat",
                "kiosk-1");
    }

    /** An answer signed by the platform key, as WeChat Pay sends it. */
    ResponseDefinitionBuilder signed(int status, String body) {
        Map<String, String> h = sign(body, platform.getPrivate());
        ResponseDefinitionBuilder r = aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
        h.forEach(r::withHeader);
        return r;
    }

    /** Wechatpay-* headers signing {@code body} with {@code key} (the platform's, or a forger's). */
    Map<String, String> sign(String body, PrivateKey key) {
        String ts = Long.toString(clock.instant().getEpochSecond());
        String nonce = "NONCE" + nonces.incrementAndGet();
        Map<String, String> h = new HashMap<>();
        h.put("Wechatpay-Timestamp", ts);
        h.put("Wechatpay-Nonce", nonce);
        h.put("Wechatpay-Signature", rsaSign(key, ts + "\n" + nonce + "\n" + body + "\n"));
        h.put("Wechatpay-Serial", PLATFORM_SERIAL);
        return h;
    }

    /** A TRANSACTION.SUCCESS notification body with the transaction encrypted under the APIv3 key. */
    static String notification(String transactionJson, String apiV3Key) {
        String nonce = "fdasflkja484";
        String aad = "transaction";
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            String ct = Base64.getEncoder().encodeToString(c.doFinal(transactionJson.getBytes(StandardCharsets.UTF_8)));
            return "{\"id\":\"EV-2018022511223320873\",\"create_time\":\"2026-06-01T08:00:00+08:00\","
                    + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\","
                    + "\"summary\":\"支付成功\",\"resource\":{\"original_type\":\"transaction\","
                    + "\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"" + ct + "\",\"associated_data\":\"" + aad
                    + "\",\"nonce\":\"" + nonce + "\"}}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if the request carries a valid WECHATPAY2-SHA256-RSA2048 signature of the merchant over it. */
    boolean signedByMerchant(LoggedRequest r) {
        String auth = r.getHeader("Authorization");
        if (auth == null || !auth.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(auth);
        while (m.find()) {
            p.put(m.group(1), m.group(2));
        }
        String message = r.getMethod().value() + "\n" + r.getUrl() + "\n" + p.get("timestamp") + "\n"
                + p.get("nonce_str") + "\n" + r.getBodyAsString() + "\n";
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(merchant.getPublic());
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return MCH_ID.equals(p.get("mchid"))
                    && MERCHANT_SERIAL.equals(p.get("serial_no"))
                    && Long.parseLong(p.get("timestamp")) == clock.instant().getEpochSecond()
                    && s.verify(Base64.getDecoder().decode(p.get("signature")));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String rsaSign(PrivateKey key, String message) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, Key key) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }

    @Override
    public void close() {
        wm.stop();
    }
}
