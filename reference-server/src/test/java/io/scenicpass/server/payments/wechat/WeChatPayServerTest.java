package io.scenicpass.server.payments.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.server.payments.Money;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WeChat Pay configured over the admin API of a real server (secrets stored owner-only, never shown), payments
 * taken through it against WireMock, listed read-only, and notifications posted to {@code /payments/v1/notify}.
 */
class WeChatPayServerTest {
    @TempDir
    Path dir;

    TestServer ts;
    WeChatPayFake fake;

    @BeforeEach
    void start() {
        ts = TestServer.h2(dir);
        fake = new WeChatPayFake(ts.clock);
    }

    @AfterEach
    void stop() {
        fake.close();
        ts.close();
    }

    @Test
    void theProviderIsConfiguredWithSecretsStoredOwnerOnlyAndNeverShown() throws Exception {
        assertThat(ts.get("/admin/v1/payments/provider", TestServer.ADMIN)
                        .json()
                        .path("provider")
                        .asText())
                .isEqualTo("simulated");

        TestServer.Answer put = configure(settingsJson());

        assertThat(put.status()).isEqualTo(200);
        io.scenicpass.server.payments.PaymentSettings.WeChat s = fake.settings();
        for (String shown : new String[] {
            put.body(), ts.get("/admin/v1/payments/provider", TestServer.ADMIN).body()
        }) {
            assertThat(shown).doesNotContain("PRIVATE KEY").doesNotContain(s.apiV3Key());
            JsonNode j = TestServer.MAPPER.readTree(shown);
            assertThat(j.path("provider").asText()).isEqualTo("wechat");
            assertThat(j.path("wechat").path("mchId").asText()).isEqualTo(WeChatPayFake.MCH_ID);
            assertThat(j.path("wechat").path("privateKeySet").asBoolean()).isTrue();
        }
        Path file = dir.resolve("keys").resolve("payments.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("PRIVATE KEY");

        // a later change without the secrets keeps them
        ObjectNode noSecrets = settingsJson();
        ((ObjectNode) noSecrets.get("wechat")).remove(java.util.List.of("privateKeyPem", "apiV3Key"));
        ((ObjectNode) noSecrets.get("wechat")).put("storeId", "kiosk-2");
        assertThat(configure(noSecrets).json().path("wechat").path("storeId").asText())
                .isEqualTo("kiosk-2");
        assertThat(Files.readString(file)).contains("PRIVATE KEY").contains(s.apiV3Key());
    }

    @Test
    void badSettingsAndMissingTokensAreTypedErrors() {
        ObjectNode bad = settingsJson();
        ((ObjectNode) bad.get("wechat")).put("privateKeyPem", "not a key");
        TestServer.Answer a = configure(bad);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(a.json().path("message").asText()).contains("privateKeyPem");

        assertThat(configure(TestServer.MAPPER.createObjectNode().put("provider", "alipay"))
                        .status())
                .isEqualTo(400);
        assertThat(ts.send(
                                "PUT",
                                "/admin/v1/payments/provider",
                                null,
                                settingsJson().toString(),
                                Map.of())
                        .status())
                .isEqualTo(401);
        assertThat(ts.get("/admin/v1/payments?state=PAID", TestServer.ADMIN).status())
                .isEqualTo(400);
        assertThat(ts.get("/admin/v1/payments/Pnope", TestServer.ADMIN).status())
                .isEqualTo(404);
        assertThat(dir.resolve("keys").resolve("payments.json")).doesNotExist();
    }

    @Test
    void aNativePaymentIsCompletedByItsNotificationAndListed() throws Exception {
        assertThat(configure(settingsJson()).status()).isEqualTo(200);
        fake.wm.stubFor(post(urlEqualTo("/v3/pay/transactions/native"))
                .willReturn(fake.signed(200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=abc\"}")));
        Payment p = ts.server.payments().payments.startNative("kiosk-order-1", Money.cny(12_000), "2 adults");
        assertThat(p.provider()).isEqualTo("wechat");
        assertThat(p.codeUrl()).isEqualTo("weixin://wxpay/bizpayurl?pr=abc");

        String tx = WeChatPayContractTest.transaction("SUCCESS", 12_000)
                .replace(WeChatPayContractTest.CHARGE.paymentId(), p.id());
        String body = WeChatPayFake.notification(tx, WeChatPayFake.API_V3_KEY);
        Map<String, String> forged = fake.sign(body, WeChatPayFake.rsa().getPrivate());
        TestServer.Answer refused = ts.send("POST", "/payments/v1/notify/wechat", null, body, forged);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(ts.server.payments().payments.get(p.id()).state()).isEqualTo(Payment.State.PENDING);

        TestServer.Answer ok =
                ts.send("POST", "/payments/v1/notify/wechat", null, body, fake.sign(body, fake.platform.getPrivate()));
        assertThat(ok.status()).isEqualTo(204);

        JsonNode list = ts.get("/admin/v1/payments?orderRef=kiosk-order-1", TestServer.ADMIN)
                .json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(list.get(0).path("providerTx").asText()).isEqualTo("4200000000202606010000000001");
        assertThat(ts.get("/admin/v1/payments?state=PENDING", TestServer.ADMIN).json())
                .isEmpty();
        JsonNode one = ts.get("/admin/v1/payments/" + p.id(), TestServer.ADMIN).json();
        assertThat(one.path("calls").findValuesAsText("operation")).containsExactly("START_NATIVE", "NOTIFY");
        assertThat(one.toString()).doesNotContain("oUpF8u"); // the payer's openid is not kept
    }

    private TestServer.Answer configure(JsonNode body) {
        return ts.send("PUT", "/admin/v1/payments/provider", TestServer.ADMIN, body.toString(), Map.of());
    }

    private ObjectNode settingsJson() {
        io.scenicpass.server.payments.PaymentSettings.WeChat s = fake.settings();
        ObjectNode root = TestServer.MAPPER.createObjectNode().put("provider", "wechat");
        root.set("wechat", TestServer.MAPPER.valueToTree(s));
        return root;
    }
}
