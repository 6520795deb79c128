package io.scenicpass.server.payments;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.config.SecureFiles;
import io.scenicpass.server.payments.internal.SimulatedProvider;
import io.scenicpass.server.payments.wechat.WeChatPayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The payment provider settings, merchant secrets included, in {@code <data>/keys/payments.json} (0600, beside the
 * other key files; never in the database, never echoed by the API). What the API shows is {@link #view()}.
 */
public final class PaymentSettings {
    /** What the operator sends and the file holds: the provider of new payments and WeChat Pay's settings. */
    public record Stored(String provider, WeChat wechat) {}

    /** WeChat Pay's settings as text (PEM keys); null secrets in an update keep the stored ones. */
    public record WeChat(
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

        /** The checked settings (BAD_REQUEST naming the bad field). */
        public WeChatPayConfig config() {
            return WeChatPayConfig.of(
                    baseUrl,
                    mchId,
                    appId,
                    merchantSerial,
                    privateKeyPem,
                    apiV3Key,
                    platformKeyPem,
                    platformSerial,
                    notifyUrl,
                    storeId);
        }

        /** This update with the secrets it leaves out taken from {@code old}. */
        WeChat keepingSecretsOf(WeChat old) {
            if (old == null) {
                return this;
            }
            return new WeChat(
                    baseUrl,
                    mchId,
                    appId,
                    merchantSerial,
                    privateKeyPem == null ? old.privateKeyPem : privateKeyPem,
                    apiV3Key == null ? old.apiV3Key : apiV3Key,
                    platformKeyPem == null ? old.platformKeyPem : platformKeyPem,
                    platformSerial,
                    notifyUrl,
                    storeId);
        }
    }

    /** The settings as shown: everything but the secrets, which are only said to be set. */
    public record View(String provider, WeChatView wechat) {}

    public record WeChatView(
            String baseUrl,
            String mchId,
            String appId,
            String merchantSerial,
            String platformSerial,
            String notifyUrl,
            String storeId,
            boolean privateKeySet,
            boolean apiV3KeySet) {}

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private Stored stored;

    public PaymentSettings(Path keysDir) {
        this.file = keysDir.resolve("payments.json");
        try {
            stored = Files.exists(file)
                    ? JSON.readValue(file.toFile(), Stored.class)
                    : new Stored(SimulatedProvider.NAME, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public synchronized Stored stored() {
        return stored;
    }

    /** Checks an update (a BAD_REQUEST names what is wrong), keeps left-out secrets, writes it owner-only. */
    public synchronized Stored update(Stored update) {
        if (update == null || update.provider() == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "provider is required (simulated or wechat)");
        }
        WeChat wechat =
                update.wechat() == null ? stored.wechat() : update.wechat().keepingSecretsOf(stored.wechat());
        switch (update.provider()) {
            case SimulatedProvider.NAME -> {}
            case io.scenicpass.server.payments.wechat.WeChatPayProvider.NAME -> {
                if (wechat == null) {
                    throw new ServiceException(Problem.BAD_REQUEST, "wechat settings are required");
                }
                wechat.config(); // validates
            }
            default -> throw new ServiceException(Problem.BAD_REQUEST, "provider must be simulated or wechat");
        }
        Stored next = new Stored(update.provider(), wechat);
        try {
            SecureFiles.ownerOnlyDirectory(file.getParent());
            SecureFiles.writeOwnerOnly(file, JSON.writeValueAsBytes(next));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        stored = next;
        return next;
    }

    public synchronized View view() {
        WeChat w = stored.wechat();
        return new View(
                stored.provider(),
                w == null
                        ? null
                        : new WeChatView(
                                w.baseUrl(),
                                w.mchId(),
                                w.appId(),
                                w.merchantSerial(),
                                w.platformSerial(),
                                w.notifyUrl(),
                                w.storeId(),
                                w.privateKeyPem() != null,
                                w.apiV3Key() != null));
    }
}
