package io.scenicpass.server.payments.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.server.payments.PaymentException;
import io.scenicpass.server.payments.PaymentException.Kind;
import io.scenicpass.server.payments.PaymentProvider;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * WeChat Pay API v3 for a direct merchant: native payment ({@code POST /v3/pay/transactions/native}), code payment
 * (付款码, {@code POST /v3/pay/transactions/codepay}), H5 ({@code /h5}: a phone browser's cashier URL) and JSAPI
 * ({@code /jsapi}: a prepay id the page pays inside WeChat with signed WeixinJSBridge parameters), query by out_trade_no, close (native) or reverse (code),
 * refund ({@code POST /v3/refund/domestic/refunds}) and the TRANSACTION.SUCCESS notification. Every answer's
 * signature is checked before it is believed; the server's payment id is the out_trade_no.
 */
public final class WeChatPayProvider implements PaymentProvider {
    public static final String NAME = "wechat";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DECLINED = Set.of(
            "NOT_ENOUGH",
            "NOTENOUGH",
            "AUTH_CODE_ERROR",
            "AUTHCODEEXPIRE",
            "AUTH_CODE_INVALID",
            "ORDER_CLOSED",
            "ORDERCLOSED",
            "TRADE_ERROR",
            "USER_ACCOUNT_ABNORMAL",
            "PAYER_ACCOUNT_ABNORMAL",
            "RULE_LIMIT",
            "BUYER_MISMATCH",
            "ORDERREVERSED");
    private static final Set<String> NOT_FOUND = Set.of("ORDER_NOT_EXIST", "ORDERNOTEXIST", "RESOURCE_NOT_EXISTS");
    private static final Set<String> UNAVAILABLE =
            Set.of("SYSTEM_ERROR", "SYSTEMERROR", "FREQUENCY_LIMITED", "BANKERROR");

    private final WeChatPayConfig config;
    private final WeChatPaySigner signer;
    private final HttpClient http;
    private final Duration timeout;

    public WeChatPayProvider(WeChatPayConfig config, Clock clock, SecureRandom random, Duration timeout) {
        this.config = config;
        this.signer = new WeChatPaySigner(config, clock, random);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome startNative(Charge charge) {
        ObjectNode body = order(charge);
        body.put("notify_url", config.notifyUrl());
        JsonNode answer = call("POST", "/v3/pay/transactions/native", body);
        return new Outcome(Status.PENDING, null, answer.path("code_url").asText(null), null, "NOTPAY");
    }

    @Override
    public Outcome startWeb(Charge charge, Method method, Payer payer) {
        ObjectNode body = order(charge);
        body.put("notify_url", config.notifyUrl());
        if (method == Method.JSAPI) {
            if (payer == null || payer.openId() == null || payer.openId().isBlank()) {
                throw new PaymentException(Kind.REJECTED, "NO_OPENID", "a JSAPI payment needs the payer's openid");
            }
            body.putObject("payer").put("openid", payer.openId());
            JsonNode answer = call("POST", "/v3/pay/transactions/jsapi", body);
            return new Outcome(Status.PENDING, null, answer.path("prepay_id").asText(null), null, "NOTPAY");
        }
        if (method != Method.H5) {
            throw new PaymentException(Kind.REJECTED, "UNSUPPORTED", "a web payment is H5 or JSAPI, not " + method);
        }
        if (payer == null || payer.clientIp() == null || payer.clientIp().isBlank()) {
            throw new PaymentException(Kind.REJECTED, "NO_CLIENT_IP", "an H5 payment needs the payer's IP address");
        }
        ObjectNode scene = body.putObject("scene_info");
        scene.put("payer_client_ip", payer.clientIp());
        scene.putObject("h5_info").put("type", "Wap");
        JsonNode answer = call("POST", "/v3/pay/transactions/h5", body);
        return new Outcome(Status.PENDING, null, answer.path("h5_url").asText(null), null, "NOTPAY");
    }

    @Override
    public Map<String, String> jsapiParameters(String prepayId) {
        return signer.jsapi(prepayId);
    }

    @Override
    public Outcome payByCode(Charge charge, String paymentCode) {
        ObjectNode body = order(charge);
        body.putObject("payer").put("auth_code", paymentCode);
        body.putObject("scene_info").putObject("store_info").put("out_id", config.storeId());
        try {
            JsonNode answer = call("POST", "/v3/pay/transactions/codepay", body);
            return answer.has("trade_state") ? outcome(answer) : Outcome.pending("USERPAYING");
        } catch (PaymentException e) {
            if ("USERPAYING".equals(e.code())) {
                return Outcome.pending("USERPAYING"); // the visitor confirms on the phone: query until settled
            }
            throw e;
        }
    }

    @Override
    public Outcome query(String paymentId) {
        return outcome(call(
                "GET", "/v3/pay/transactions/out-trade-no/" + enc(paymentId) + "?mchid=" + enc(config.mchId()), null));
    }

    @Override
    public void cancel(String paymentId, Method method) {
        ObjectNode body = JSON.createObjectNode();
        if (method == Method.CODE) {
            body.put("appid", config.appId());
        }
        body.put("mchid", config.mchId());
        String verb = method == Method.CODE ? "/reverse" : "/close";
        call("POST", "/v3/pay/transactions/out-trade-no/" + enc(paymentId) + verb, body);
    }

    @Override
    public RefundOutcome refund(RefundRequest r) {
        ObjectNode body = JSON.createObjectNode();
        body.put("out_trade_no", r.paymentId());
        body.put("out_refund_no", r.refundId());
        body.put("reason", r.reason());
        ObjectNode amount = body.putObject("amount");
        amount.put("refund", r.refund().fen());
        amount.put("total", r.total().fen());
        amount.put("currency", r.total().currency());
        JsonNode answer = call("POST", "/v3/refund/domestic/refunds", body);
        String status = answer.path("status").asText("");
        Status s = switch (status) {
            case "SUCCESS" -> Status.SUCCEEDED;
            case "PROCESSING" -> Status.PENDING;
            default -> Status.FAILED; // CLOSED, ABNORMAL
        };
        return new RefundOutcome(s, answer.path("refund_id").asText(null), status);
    }

    @Override
    public Notice notification(Map<String, String> headers, String body) {
        signer.verify(headers, body);
        JsonNode n = parse(body);
        JsonNode resource = n.path("resource");
        if (!"AEAD_AES_256_GCM".equals(resource.path("algorithm").asText())) {
            throw new PaymentException(Kind.REJECTED, "ALGORITHM", "notification resource is not AEAD_AES_256_GCM");
        }
        String plain = signer.decrypt(
                resource.path("associated_data").asText(null),
                resource.path("nonce").asText(""),
                resource.path("ciphertext").asText(""));
        if (!"TRANSACTION.SUCCESS".equals(n.path("event_type").asText())) {
            return new Notice(null, Outcome.pending(n.path("event_type").asText())); // refunds: nothing to settle
        }
        JsonNode tx = parse(plain);
        return new Notice(tx.path("out_trade_no").asText(null), outcome(tx));
    }

    private ObjectNode order(Charge charge) {
        ObjectNode body = JSON.createObjectNode();
        body.put("appid", config.appId());
        body.put("mchid", config.mchId());
        body.put("description", charge.description());
        body.put("out_trade_no", charge.paymentId());
        ObjectNode amount = body.putObject("amount");
        amount.put("total", charge.amount().fen());
        amount.put("currency", charge.amount().currency());
        return body;
    }

    /** A transaction's trade_state as an outcome. */
    private static Outcome outcome(JsonNode tx) {
        String state = tx.path("trade_state").asText("");
        JsonNode total = tx.path("amount").path("total");
        Long paid = total.isIntegralNumber() ? total.asLong() : null;
        return switch (state) {
            case "SUCCESS", "REFUND" ->
                new Outcome(Status.SUCCEEDED, tx.path("transaction_id").asText(null), null, paid, state);
            case "CLOSED", "REVOKED", "PAYERROR" -> new Outcome(Status.FAILED, null, null, null, state);
            default -> Outcome.pending(state.isEmpty() ? "UNKNOWN" : state); // NOTPAY, USERPAYING, ACCEPT
        };
    }

    /** Sends a signed request, checks the answer's signature, maps errors to {@link PaymentException}s. */
    private JsonNode call(String method, String pathAndQuery, ObjectNode body) {
        String payload = body == null ? "" : body.toString();
        HttpRequest.Builder rb = HttpRequest.newBuilder(config.baseUrl().resolve(pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "ScenicPass")
                .header("Authorization", signer.authorization(method, pathAndQuery, payload));
        rb = body == null
                ? rb.GET()
                : rb.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        HttpResponse<String> res;
        try {
            res = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PaymentException(Kind.TIMEOUT, "TIMEOUT", "WeChat Pay did not answer in " + timeout);
        } catch (IOException e) {
            throw new PaymentException(
                    Kind.UNAVAILABLE,
                    "IO",
                    "WeChat Pay unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentException(Kind.TIMEOUT, "INTERRUPTED", "interrupted waiting for WeChat Pay");
        }
        int status = res.statusCode();
        if (status >= 500 || status == 429) {
            JsonNode err = parseQuietly(res.body());
            throw new PaymentException(
                    Kind.UNAVAILABLE, err.path("code").asText("HTTP_" + status), "WeChat Pay answered " + status);
        }
        signer.verify(signatureHeaders(res), res.body()); // a forged or stale answer is not believed
        if (status >= 200 && status < 300) {
            return res.body().isEmpty() ? JSON.createObjectNode() : parse(res.body());
        }
        JsonNode err = parseQuietly(res.body());
        String code = err.path("code").asText("HTTP_" + status);
        String message =
                "WeChat Pay " + status + " " + code + ": " + err.path("message").asText("");
        Kind kind = DECLINED.contains(code)
                ? Kind.DECLINED
                : NOT_FOUND.contains(code) || status == 404
                        ? Kind.NOT_FOUND
                        : UNAVAILABLE.contains(code) ? Kind.UNAVAILABLE : Kind.REJECTED;
        throw new PaymentException(kind, code, message);
    }

    private static Map<String, String> signatureHeaders(HttpResponse<?> res) {
        Map<String, String> h = new HashMap<>();
        for (String name :
                new String[] {"wechatpay-timestamp", "wechatpay-nonce", "wechatpay-signature", "wechatpay-serial"}) {
            res.headers().firstValue(name).ifPresent(v -> h.put(name, v));
        }
        return h;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new PaymentException(Kind.REJECTED, "BAD_JSON", "WeChat Pay sent a body that is not JSON");
        }
    }

    private static JsonNode parseQuietly(String body) {
        try {
            JsonNode n = JSON.readTree(body == null ? "" : body);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
