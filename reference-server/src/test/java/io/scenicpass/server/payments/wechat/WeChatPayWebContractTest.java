package io.scenicpass.server.payments.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.scenicpass.server.payments.PaymentException;
import io.scenicpass.server.payments.PaymentException.Kind;
import io.scenicpass.server.payments.PaymentProvider.Method;
import io.scenicpass.server.payments.PaymentProvider.Outcome;
import io.scenicpass.server.payments.PaymentProvider.Payer;
import io.scenicpass.server.payments.PaymentProvider.Status;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WeChat Pay's web payments against WireMock playing the published v3 protocol: H5 ({@code /v3/pay/transactions/h5},
 * the payer's IP in scene_info, answered with h5_url) and JSAPI ({@code /v3/pay/transactions/jsapi}, the payer's
 * openid, answered with prepay_id), and the page's WeixinJSBridge parameters signed by the merchant key.
 */
class WeChatPayWebContractTest {
    final MutableClock clock = new MutableClock(TestServer.START);
    final WeChatPayFake fake = new WeChatPayFake(clock);
    final WeChatPayProvider wechat =
            new WeChatPayProvider(fake.settings().config(), clock, new SecureRandom(), Duration.ofSeconds(10));

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void anH5PaymentSendsThePayersIpAndAnswersTheCashierUrl() throws Exception {
        String h5 =
                "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2016121516420242444321ca0631331346";
        fake.wm.stubFor(post(urlEqualTo("/v3/pay/transactions/h5"))
                .willReturn(fake.signed(200, "{\"h5_url\":\"" + h5 + "\"}")));

        Outcome out = wechat.startWeb(WeChatPayContractTest.CHARGE, Method.H5, new Payer("203.0.113.7", null));

        assertThat(out.status()).isEqualTo(Status.PENDING);
        assertThat(out.codeUrl()).isEqualTo(h5);
        LoggedRequest r = only(fake.wm.findAll(postRequestedFor(urlEqualTo("/v3/pay/transactions/h5"))));
        assertThat(fake.signedByMerchant(r)).isTrue();
        JsonNode body = WeChatPayContractTest.JSON.readTree(r.getBodyAsString());
        assertThat(body.path("appid").asText()).isEqualTo(WeChatPayFake.APP_ID);
        assertThat(body.path("mchid").asText()).isEqualTo(WeChatPayFake.MCH_ID);
        assertThat(body.path("out_trade_no").asText()).isEqualTo(WeChatPayContractTest.CHARGE.paymentId());
        assertThat(body.path("notify_url").asText()).isEqualTo("https://park.example/payments/v1/notify/wechat");
        assertThat(body.path("amount").path("total").asLong()).isEqualTo(12_000);
        assertThat(body.path("scene_info").path("payer_client_ip").asText()).isEqualTo("203.0.113.7");
        assertThat(body.path("scene_info").path("h5_info").path("type").asText())
                .isEqualTo("Wap");
    }

    @Test
    void aJsapiPaymentSendsTheOpenidAndItsBridgeParametersAreSignedByTheMerchant() throws Exception {
        fake.wm.stubFor(post(urlEqualTo("/v3/pay/transactions/jsapi"))
                .willReturn(fake.signed(200, "{\"prepay_id\":\"wx26112221580621e9b071c00d9e093b0000\"}")));

        Outcome out = wechat.startWeb(
                WeChatPayContractTest.CHARGE, Method.JSAPI, new Payer("203.0.113.7", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));

        assertThat(out.codeUrl()).isEqualTo("wx26112221580621e9b071c00d9e093b0000");
        LoggedRequest r = only(fake.wm.findAll(postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi"))));
        assertThat(fake.signedByMerchant(r)).isTrue();
        JsonNode body = WeChatPayContractTest.JSON.readTree(r.getBodyAsString());
        assertThat(body.path("payer").path("openid").asText()).isEqualTo("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        assertThat(body.path("amount").path("total").asLong()).isEqualTo(12_000);

        Map<String, String> bridge = wechat.jsapiParameters(out.codeUrl());
        assertThat(bridge)
                .containsEntry("appId", WeChatPayFake.APP_ID)
                .containsEntry("package", "prepay_id=wx26112221580621e9b071c00d9e093b0000")
                .containsEntry("signType", "RSA")
                .containsEntry("timeStamp", Long.toString(clock.instant().getEpochSecond()));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(fake.merchant.getPublic());
        s.update((bridge.get("appId") + "\n" + bridge.get("timeStamp") + "\n" + bridge.get("nonceStr") + "\n"
                        + bridge.get("package") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(s.verify(Base64.getDecoder().decode(bridge.get("paySign")))).isTrue();
    }

    @Test
    void webPaymentsWithoutTheirPayerAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> wechat.startWeb(WeChatPayContractTest.CHARGE, Method.H5, new Payer(null, null)))
                .isInstanceOfSatisfying(
                        PaymentException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
        assertThatThrownBy(() -> wechat.startWeb(WeChatPayContractTest.CHARGE, Method.JSAPI, new Payer("1.2.3.4", "")))
                .isInstanceOfSatisfying(
                        PaymentException.class, e -> assertThat(e.code()).isEqualTo("NO_OPENID"));
        assertThat(fake.wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedH5PaymentIsATypedError() {
        fake.wm.stubFor(post(urlEqualTo("/v3/pay/transactions/h5"))
                .willReturn(fake.signed(403, "{\"code\":\"NO_AUTH\",\"message\":\"商户无此接口权限\"}")));

        assertThatThrownBy(() -> wechat.startWeb(WeChatPayContractTest.CHARGE, Method.H5, new Payer("1.2.3.4", null)))
                .isInstanceOfSatisfying(PaymentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.code()).isEqualTo("NO_AUTH");
                });
    }

    private static LoggedRequest only(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
