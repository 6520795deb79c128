package io.scenicpass.server.payments.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.payments.Money;
import io.scenicpass.server.payments.PaymentException;
import io.scenicpass.server.payments.PaymentException.Kind;
import io.scenicpass.server.payments.PaymentProvider.Charge;
import io.scenicpass.server.payments.PaymentProvider.Method;
import io.scenicpass.server.payments.PaymentProvider.Notice;
import io.scenicpass.server.payments.PaymentProvider.Outcome;
import io.scenicpass.server.payments.PaymentProvider.RefundOutcome;
import io.scenicpass.server.payments.PaymentProvider.RefundRequest;
import io.scenicpass.server.payments.PaymentProvider.Status;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The WeChat Pay v3 adapter against WireMock playing the published protocol: every request signed by the merchant
 * key and checked by the fake, every answer signed by the platform key and checked by the adapter, notifications
 * verified and decrypted, errors mapped to typed {@link PaymentException}s.
 */
class WeChatPayContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Charge CHARGE = new Charge("P01JDK3M5T8Q9W0000G3Y5Z7A8B", Money.cny(12_000), "2 adults");
    static final String QUERY =
            "/v3/pay/transactions/out-trade-no/" + CHARGE.paymentId() + "?mchid=" + WeChatPayFake.MCH_ID;

    final MutableClock clock = new MutableClock(TestServer.START);
    final WeChatPayFake fake = new WeChatPayFake(clock);
    final WeChatPayProvider wechat =
            new WeChatPayProvider(fake.settings().config(), clock, new SecureRandom(), Duration.ofSeconds(10));

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aNativePaymentIsASignedRequestAndItsSignedAnswerCarriesTheQrCode() throws Exception {
        fake.wm.stubFor(post(urlEqualTo("/v3/pay/transactions/native"))
                .willReturn(fake.signed(200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=p4lpSuKzz\"}")));

        Outcome out = wechat.startNative(CHARGE);

        assertThat(out.status()).isEqualTo(Status.PENDING);
        assertThat(out.codeUrl()).isEqualTo("weixin://wxpay/bizpayurl?pr=p4lpSuKzz");
        LoggedRequest r = only(fake.wm.findAll(postRequestedFor(urlEqualTo("/v3/pay/transactions/native"))));
        assertThat(fake.signedByMerchant(r)).isTrue();
        JsonNode body = JSON.readTree(r.getBodyAsString());
        assertThat(body.path("appid").asText()).isEqualTo(WeChatPayFake.APP_ID);
        assertThat(body.path("mchid").asText()).isEqualTo(WeChatPayFake.MCH_ID);
        assertThat(body.path("out_trade_no").asText()).isEqualTo(CHARGE.paymentId());
        assertThat(body.path("notify_url").asText()).isEqualTo("https://park.example/payments/v1/notify/wechat");
        assertThat(body.path("amount").path("total").asLong()).isEqualTo(12_000);
        assertThat(body.path("amount").path("currency").asText()).isEqualTo("CNY");
        assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    }

    @Test
    void aCodePaymentSendsThePaymentCodeAndReadsTheTransaction() throws Exception {
        fake.wm.stubFor(post(urlEqualTo("/v3/pay/transactions/codepay"))
                .willReturn(fake.signed(200, transaction("SUCCESS", 12_000))));

        Outcome out = wechat.payByCode(CHARGE, "134567890123456789");

        assertThat(out.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(out.providerTx()).isEqualTo("4200000000202606010000000001");
        assertThat(out.paidFen()).isEqualTo(12_000);
        LoggedRequest r = only(fake.wm.findAll(postRequestedFor(urlEqualTo("/v3/pay/transactions/codepay"))));
        assertThat(fake.signedByMerchant(r)).isTrue();
        JsonNode body = JSON.readTree(r.getBodyAsString());
        assertThat(body.path("payer").path("auth_code").asText()).isEqualTo("134567890123456789");
        assertThat(body.path("scene_info").path("store_info").path("out_id").asText())
                .isEqualTo("kiosk-1");
    }

    @Test
    void aVisitorStillConfirmingIsPendingAndTheQueryFindsThePayment() {
        fake.wm.stubFor(post(urlEqualTo("/v3/pay/transactions/codepay"))
                .willReturn(fake.signed(202, "{\"code\":\"USERPAYING\",\"message\":\"需要用户输入支付密码\"}")));
        fake.wm.stubFor(get(urlEqualTo(QUERY)).willReturn(fake.signed(200, transaction("SUCCESS", 12_000))));

        assertThat(wechat.payByCode(CHARGE, "134567890123456789").status()).isEqualTo(Status.PENDING);
        Outcome later = wechat.query(CHARGE.paymentId());

        assertThat(later.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(fake.signedByMerchant(only(fake.wm.findAll(getRequestedFor(urlEqualTo(QUERY))))))
                .isTrue();
    }

    @Test
    void tradeStatesMapToOutcomes() {
        for (String[] c : new String[][] {
            {"NOTPAY", "PENDING"},
            {"USERPAYING", "PENDING"},
            {"CLOSED", "FAILED"},
            {"REVOKED", "FAILED"},
            {"PAYERROR", "FAILED"},
            {"REFUND", "SUCCEEDED"}
        }) {
            fake.wm.stubFor(get(urlEqualTo(QUERY)).willReturn(fake.signed(200, transaction(c[0], 12_000))));
            assertThat(wechat.query(CHARGE.paymentId()).status()).as(c[0]).isEqualTo(Status.valueOf(c[1]));
        }
    }

    @Test
    void errorsAreTyped() {
        expect(403, "{\"code\":\"NOT_ENOUGH\",\"message\":\"用户账户余额不足\"}", Kind.DECLINED, "NOT_ENOUGH");
        expect(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"参数错误\"}", Kind.REJECTED, "PARAM_ERROR");
        expect(401, "{\"code\":\"SIGN_ERROR\",\"message\":\"签名错误\"}", Kind.REJECTED, "SIGN_ERROR");
        expect(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}", Kind.UNAVAILABLE, "SYSTEM_ERROR");
        expect(429, "{\"code\":\"FREQUENCY_LIMITED\",\"message\":\"频率超限\"}", Kind.UNAVAILABLE, "FREQUENCY_LIMITED");
        fake.wm.stubFor(get(urlEqualTo(QUERY))
                .willReturn(fake.signed(404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}")));
        assertThatThrownBy(() -> wechat.query(CHARGE.paymentId()))
                .isInstanceOfSatisfying(
                        PaymentException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void noAnswerInTimeIsATimeoutWhoseOutcomeIsUnknown() {
        fake.wm.stubFor(post(urlEqualTo("/v3/pay/transactions/codepay"))
                .willReturn(fake.signed(200, transaction("SUCCESS", 12_000)).withFixedDelay(6_000)));

        WeChatPayProvider impatient =
                new WeChatPayProvider(fake.settings().config(), clock, new SecureRandom(), Duration.ofSeconds(1));
        assertThatThrownBy(() -> impatient.payByCode(CHARGE, "134567890123456789"))
                .isInstanceOfSatisfying(PaymentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.outcomeUnknown()).isTrue();
                });
    }

    @Test
    void anAnswerWithAForgedOrStaleSignatureIsNotBelieved() {
        String body = transaction("SUCCESS", 12_000);
        var forged = aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
        fake.sign(body, WeChatPayFake.rsa().getPrivate()).forEach(forged::withHeader);
        fake.wm.stubFor(get(urlEqualTo(QUERY)).willReturn(forged));
        assertThatThrownBy(() -> wechat.query(CHARGE.paymentId()))
                .isInstanceOfSatisfying(
                        PaymentException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SIGNATURE));

        fake.wm.stubFor(
                get(urlEqualTo(QUERY)).willReturn(aResponse().withStatus(200).withBody(body)));
        assertThatThrownBy(() -> wechat.query(CHARGE.paymentId()))
                .isInstanceOfSatisfying(
                        PaymentException.class, e -> assertThat(e.code()).isEqualTo("NO_SIGNATURE"));

        fake.wm.stubFor(get(urlEqualTo(QUERY)).willReturn(fake.signed(200, body)));
        clock.advance(Duration.ofMinutes(6)); // the answer was signed 6 minutes "ago"
        assertThatThrownBy(() -> wechat.query(CHARGE.paymentId()))
                .isInstanceOfSatisfying(
                        PaymentException.class, e -> assertThat(e.code()).isEqualTo("STALE"));
    }

    @Test
    void closeAndReverseAreSignedPosts() {
        String base = "/v3/pay/transactions/out-trade-no/" + CHARGE.paymentId();
        fake.wm.stubFor(post(urlEqualTo(base + "/close")).willReturn(fake.signed(204, "")));
        fake.wm.stubFor(post(urlEqualTo(base + "/reverse")).willReturn(fake.signed(200, "")));

        wechat.cancel(CHARGE.paymentId(), Method.NATIVE);
        wechat.cancel(CHARGE.paymentId(), Method.CODE);

        LoggedRequest close = only(fake.wm.findAll(postRequestedFor(urlEqualTo(base + "/close"))));
        LoggedRequest reverse = only(fake.wm.findAll(postRequestedFor(urlEqualTo(base + "/reverse"))));
        assertThat(fake.signedByMerchant(close)).isTrue();
        assertThat(fake.signedByMerchant(reverse)).isTrue();
        assertThat(close.getBodyAsString()).isEqualTo("{\"mchid\":\"" + WeChatPayFake.MCH_ID + "\"}");
        assertThat(reverse.getBodyAsString()).contains("\"appid\":\"" + WeChatPayFake.APP_ID + "\"");
    }

    @Test
    void aRefundIsKeyedByTheRefundIdAndMapsItsStatus() throws Exception {
        fake.wm.stubFor(post(urlEqualTo("/v3/refund/domestic/refunds"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("R1"))
                .willReturn(fake.signed(
                        200,
                        "{\"refund_id\":\"50000000382019052709732678859\","
                                + "\"out_refund_no\":\"R1\",\"status\":\"PROCESSING\"}")));

        RefundOutcome out = wechat.refund(
                new RefundRequest("R1", CHARGE.paymentId(), Money.cny(3_000), CHARGE.amount(), "one child"));

        assertThat(out.status()).isEqualTo(Status.PENDING);
        assertThat(out.providerRefundId()).isEqualTo("50000000382019052709732678859");
        LoggedRequest r = only(fake.wm.findAll(postRequestedFor(urlEqualTo("/v3/refund/domestic/refunds"))));
        assertThat(fake.signedByMerchant(r)).isTrue();
        JsonNode body = JSON.readTree(r.getBodyAsString());
        assertThat(body.path("out_trade_no").asText()).isEqualTo(CHARGE.paymentId());
        assertThat(body.path("out_refund_no").asText()).isEqualTo("R1");
        assertThat(body.path("amount").path("refund").asLong()).isEqualTo(3_000);
        assertThat(body.path("amount").path("total").asLong()).isEqualTo(12_000);
    }

    @Test
    void aNotificationIsVerifiedAndDecrypted() {
        String body = WeChatPayFake.notification(transaction("SUCCESS", 12_000), WeChatPayFake.API_V3_KEY);

        Notice n = wechat.notification(lower(fake.sign(body, fake.platform.getPrivate())), body);

        assertThat(n.paymentId()).isEqualTo(CHARGE.paymentId());
        assertThat(n.outcome().status()).isEqualTo(Status.SUCCEEDED);
        assertThat(n.outcome().providerTx()).isEqualTo("4200000000202606010000000001");
        assertThat(n.outcome().paidFen()).isEqualTo(12_000);
    }

    @Test
    void aForgedNotificationIsRefused() {
        String body = WeChatPayFake.notification(transaction("SUCCESS", 12_000), WeChatPayFake.API_V3_KEY);
        Map<String, String> forged = lower(fake.sign(body, WeChatPayFake.rsa().getPrivate()));
        assertThatThrownBy(() -> wechat.notification(forged, body))
                .isInstanceOfSatisfying(PaymentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.SIGNATURE);
                    assertThat(e.code()).isEqualTo("BAD_SIGNATURE");
                });
        // signed by the platform but encrypted under another key: refused too
        String other = WeChatPayFake.notification(transaction("SUCCESS", 12_000), "b".repeat(32));
        assertThatThrownBy(() -> wechat.notification(lower(fake.sign(other, fake.platform.getPrivate())), other))
                .isInstanceOfSatisfying(
                        PaymentException.class, e -> assertThat(e.code()).isEqualTo("DECRYPT_FAILED"));
    }

    @Test
    void badSettingsAreTypedErrors() {
        io.scenicpass.server.payments.PaymentSettings.WeChat s = fake.settings();
        assertThatThrownBy(() -> WeChatPayConfig.of(
                        s.baseUrl(),
                        s.mchId(),
                        s.appId(),
                        s.merchantSerial(),
                        "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----",
                        s.apiV3Key(),
                        s.platformKeyPem(),
                        s.platformSerial(),
                        s.notifyUrl(),
                        s.storeId()))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("privateKeyPem");
                });
        assertThatThrownBy(() -> WeChatPayConfig.of(
                        s.baseUrl(),
                        s.mchId(),
                        s.appId(),
                        s.merchantSerial(),
                        s.privateKeyPem(),
                        "short",
                        s.platformKeyPem(),
                        s.platformSerial(),
                        s.notifyUrl(),
                        s.storeId()))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.getMessage()).contains("apiV3Key"));
        assertThat(fake.settings().config().toString())
                .doesNotContain("PRIVATE")
                .doesNotContain(s.apiV3Key());
    }

    private void expect(int status, String body, Kind kind, String code) {
        fake.wm.resetAll();
        fake.wm.stubFor(post(urlEqualTo("/v3/pay/transactions/codepay")).willReturn(fake.signed(status, body)));
        assertThatThrownBy(() -> wechat.payByCode(CHARGE, "134567890123456789"))
                .isInstanceOfSatisfying(PaymentException.class, e -> {
                    assertThat(e.kind()).as(code).isEqualTo(kind);
                    assertThat(e.code()).isEqualTo(code);
                });
        assertThat(fake.signedByMerchant(
                        only(fake.wm.findAll(postRequestedFor(urlEqualTo("/v3/pay/transactions/codepay"))))))
                .isTrue();
    }

    static String transaction(String state, long fen) {
        return "{\"appid\":\"" + WeChatPayFake.APP_ID + "\",\"mchid\":\"" + WeChatPayFake.MCH_ID + "\","
                + "\"out_trade_no\":\"" + CHARGE.paymentId() + "\",\"transaction_id\":\"4200000000202606010000000001\","
                + "\"trade_type\":\"MICROPAY\",\"trade_state\":\"" + state + "\",\"trade_state_desc\":\"\","
                + "\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
                + "\"amount\":{\"total\":" + fen + ",\"payer_total\":" + fen + ",\"currency\":\"CNY\"}}";
    }

    static Map<String, String> lower(Map<String, String> h) {
        Map<String, String> out = new HashMap<>();
        h.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    private static LoggedRequest only(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
