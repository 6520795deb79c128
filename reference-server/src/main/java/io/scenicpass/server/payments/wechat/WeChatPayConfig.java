package io.scenicpass.server.payments.wechat;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A merchant's WeChat Pay v3 settings: API base URL, merchant id (mchid), app id, the serial number and private key
 * of the merchant API certificate (apiclient_key.pem, PKCS#8), the APIv3 key (32 characters, decrypts
 * notifications), the platform public key or certificate and its id/serial (verifies answers and notifications),
 * the notification URL, and the store id sent with code payments.
 */
public record WeChatPayConfig(
        URI baseUrl,
        String mchId,
        String appId,
        String merchantSerial,
        PrivateKey merchantKey,
        byte[] apiV3Key,
        PublicKey platformKey,
        String platformSerial,
        String notifyUrl,
        String storeId) {

    public static final String DEFAULT_BASE_URL = "https://api.mch.weixin.qq.com";

    /** Parses and checks the settings as the operator gives them (PEM text); a bad one is a BAD_REQUEST naming it. */
    public static WeChatPayConfig of(
            String baseUrl,
            String mchId,
            String appId,
            String merchantSerial,
            String privateKeyPem,
            String apiV3Key,
            String platformKeyPem,
            String platformSerial,
            String notifyUrl,
            String storeId) {
        URI base = URI.create(baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip());
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw bad("baseUrl must be an http(s) URL");
        }
        require(mchId, "mchId", "[0-9]{6,32}");
        require(appId, "appId", "[A-Za-z0-9_]{6,32}");
        require(merchantSerial, "merchantSerial", "[A-Za-z0-9_]{8,64}");
        require(platformSerial, "platformSerial", "[A-Za-z0-9_]{8,64}");
        require(storeId, "storeId", "[A-Za-z0-9_-]{1,32}");
        if (apiV3Key == null || apiV3Key.getBytes(StandardCharsets.UTF_8).length != 32) {
            throw bad("apiV3Key must be the 32-character APIv3 key");
        }
        if (notifyUrl == null || !notifyUrl.startsWith("https://")) {
            throw bad("notifyUrl must be the https URL WeChat Pay posts notifications to");
        }
        return new WeChatPayConfig(
                base,
                mchId,
                appId,
                merchantSerial,
                privateKey(privateKeyPem),
                apiV3Key.getBytes(StandardCharsets.UTF_8),
                platformKey(platformKeyPem),
                platformSerial,
                notifyUrl,
                storeId);
    }

    static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw bad("privateKeyPem must be the merchant's RSA private key, PEM (PKCS#8, BEGIN PRIVATE KEY)");
        }
    }

    /** The WeChat Pay public key (BEGIN PUBLIC KEY) or a platform certificate (BEGIN CERTIFICATE). */
    static PublicKey platformKey(String pem) {
        try {
            if (pem != null && pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der(pem, "CERTIFICATE")))
                        .getPublicKey();
            }
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw bad("platformKeyPem must be the WeChat Pay public key or platform certificate, PEM");
        }
    }

    private static byte[] der(String pem, String type) {
        if (pem == null || !pem.contains("-----BEGIN " + type + "-----")) {
            throw new IllegalArgumentException("not a PEM " + type);
        }
        String b64 = pem.substring(pem.indexOf("-----BEGIN " + type + "-----") + 16 + type.length());
        int end = b64.indexOf("-----END");
        return Base64.getMimeDecoder().decode(end < 0 ? b64 : b64.substring(0, end));
    }

    private static void require(String v, String name, String pattern) {
        if (v == null || !v.matches(pattern)) {
            throw bad(name + " must match " + pattern);
        }
    }

    private static ServiceException bad(String message) {
        return new ServiceException(Problem.BAD_REQUEST, message);
    }

    @Override
    public String toString() { // never the keys
        return "WeChatPayConfig[" + baseUrl + ", mchid " + mchId + ", app " + appId + "]";
    }
}
