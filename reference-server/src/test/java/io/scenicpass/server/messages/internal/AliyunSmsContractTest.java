package io.scenicpass.server.messages.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.SmsProvider.SmsException;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alibaba Cloud SMS against WireMock playing dysmsapi's {@code SendSms}: the form carries the documented common and
 * operation parameters, its RPC signature 1.0 verifies with the AccessKey secret (recomputed here step by step from
 * the received form, as the documentation describes it), and answers map to sent / retry / final.
 */
class AliyunSmsContractTest {
    static final String SECRET = "testSecret";
    static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    final MutableClock clock = new MutableClock(TestServer.START);
    final AliyunSms sms;

    AliyunSmsContractTest() {
        wm.start();
        sms = new AliyunSms(
                Map.of(
                        "sms.aliyun.endpoint", "http://127.0.0.1:" + wm.port() + "/",
                        "sms.aliyun.accessKeyId", "testId",
                        "sms.aliyun.accessKeySecret", SECRET,
                        "sms.aliyun.signName", "景区票务",
                        "sms.aliyun.template.REMINDER", "SMS_71390007"),
                JSON,
                clock);
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    @Test
    void sendSmsIsASignedFormPostWithTheDocumentedParameters() throws Exception {
        wm.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(
                                "{\"Message\":\"OK\",\"RequestId\":\"F655A8D5\",\"Code\":\"OK\",\"BizId\":\"9006\"}")));

        sms.send("M01", "13800001111", MessageKind.REMINDER, Map.of("product", "Tour *1", "date", "2026-06-02"), "t");

        LoggedRequest r = only(wm.findAll(postRequestedFor(urlEqualTo("/"))));
        assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(r.getBodyAsString());
        assertThat(form)
                .containsEntry("Action", "SendSms")
                .containsEntry("Version", "2017-05-25")
                .containsEntry("Format", "JSON")
                .containsEntry("RegionId", "cn-hangzhou")
                .containsEntry("AccessKeyId", "testId")
                .containsEntry("SignatureMethod", "HMAC-SHA1")
                .containsEntry("SignatureVersion", "1.0")
                .containsEntry("Timestamp", "2026-06-01T00:00:00Z")
                .containsEntry("PhoneNumbers", "13800001111")
                .containsEntry("SignName", "景区票务")
                .containsEntry("TemplateCode", "SMS_71390007")
                .containsEntry("OutId", "M01");
        assertThat(JSON.readTree(form.get("TemplateParam")).path("product").asText())
                .isEqualTo("Tour *1");
        assertThat(form.get("SignatureNonce")).matches("[0-9a-f-]{36}");
        assertThat(form.get("Signature")).isEqualTo(documentedSignature(form, SECRET));
        assertThat(form.get("Signature")).isNotEqualTo(documentedSignature(form, "otherSecret"));
    }

    @Test
    void eachRequestHasItsOwnNonce() throws Exception {
        wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("{\"Code\":\"OK\"}")));
        sms.send("M01", "13800001111", MessageKind.REMINDER, Map.of(), "t");
        sms.send("M02", "13800001111", MessageKind.REMINDER, Map.of(), "t");
        List<LoggedRequest> all = wm.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(form(all.get(0).getBodyAsString()).get("SignatureNonce"))
                .isNotEqualTo(form(all.get(1).getBodyAsString()).get("SignatureNonce"));
    }

    @Test
    void percentEncodingFollowsTheDocumentedRules() {
        assertThat(AliyunSms.percentEncode("a b*c~d+e/")).isEqualTo("a%20b%2Ac~d%2Be%2F");
        assertThat(AliyunSms.percentEncode("景")).isEqualTo("%E6%99%AF");
    }

    @Test
    void throttlingAndServerErrorsAreRetriedOtherRefusalsAreFinal() {
        wm.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse().withStatus(200).withBody("{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\"}")));
        assertThatThrownBy(() -> sms.send("M1", "13800001111", MessageKind.REMINDER, Map.of(), "t"))
                .isInstanceOfSatisfying(
                        SmsException.class, e -> assertThat(e.retryable).isTrue());

        wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503).withBody("busy")));
        assertThatThrownBy(() -> sms.send("M2", "13800001111", MessageKind.REMINDER, Map.of(), "t"))
                .isInstanceOfSatisfying(
                        SmsException.class, e -> assertThat(e.retryable).isTrue());

        wm.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse().withStatus(200).withBody("{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\"}")));
        assertThatThrownBy(() -> sms.send("M3", "13800001111", MessageKind.REMINDER, Map.of(), "t"))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.retryable).isFalse();
                    assertThat(e.getMessage())
                            .contains("isv.MOBILE_NUMBER_ILLEGAL")
                            .doesNotContain("13800001111");
                });
    }

    @Test
    void aKindWithoutTemplateIsRefusedWithoutARequest() {
        assertThatThrownBy(() -> sms.send("M1", "13800001111", MessageKind.NOTICE, Map.of(), "t"))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.retryable).isFalse();
                    assertThat(e.getMessage()).contains("sms.aliyun.template.NOTICE");
                });
        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty();
    }

    /**
     * The signature as the documentation computes it: parameters but Signature sorted by name, each name and value
     * percent-encoded (unreserved characters kept, everything else %XY of its UTF-8 bytes), joined with '&';
     * StringToSign = "POST&%2F&" + encode(that); Base64(HMAC-SHA1(secret + "&", StringToSign)).
     */
    static String documentedSignature(Map<String, String> form, String secret) throws Exception {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(form).entrySet()) {
            if (!e.getKey().equals("Signature")) {
                q.append(q.length() == 0 ? "" : "&")
                        .append(enc(e.getKey()))
                        .append('=')
                        .append(enc(e.getValue()));
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder()
                .encodeToString(mac.doFinal(("POST&%2F&" + enc(q.toString())).getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 3986 unreserved characters kept, all other bytes %XY (upper-case hex). */
    static String enc(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char ch = (char) (x & 0xff);
            if ((ch >= 'A' && ch <= 'Z')
                    || (ch >= 'a' && ch <= 'z')
                    || (ch >= '0' && ch <= '9')
                    || "-_.~".indexOf(ch) >= 0) {
                b.append(ch);
            } else {
                b.append('%').append(HexFormat.of().withUpperCase().toHexDigits(x));
            }
        }
        return b.toString();
    }

    static Map<String, String> form(String body) {
        Map<String, String> m = new TreeMap<>();
        for (String kv : body.split("&")) {
            int eq = kv.indexOf('=');
            m.put(
                    URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    static <T> T only(List<T> l) {
        assertThat(l).hasSize(1);
        return l.get(0);
    }
}
