package io.scenicpass.server.messages.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.server.config.Settings;
import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.SmsProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25, {@code SendSms}): a form POST signed with the RPC signature 1.0 (HMAC-SHA1
 * of {@code POST&%2F&} + the percent-encoded, sorted parameters, keyed with the AccessKey secret + {@code &}). The
 * operator registers one template per kind ({@code sms.aliyun.template.<KIND>}); its variables are the message's
 * fields. Answer {@code Code=OK}: sent; throttling and server errors are retried; other codes are final.
 */
public final class AliyunSms implements SmsProvider {
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final URI endpoint;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String signName;
    private final String regionId;
    private final Map<MessageKind, String> templates;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    /** From {@code sms.aliyun.*}: accessKeyId, accessKeySecret, signName, endpoint, regionId, template.KIND. */
    public AliyunSms(Map<String, String> p, ObjectMapper json, Clock clock) {
        this.endpoint = URI.create(p.getOrDefault("sms.aliyun.endpoint", "https://dysmsapi.aliyuncs.com/"));
        this.accessKeyId = required(p, "sms.aliyun.accessKeyId");
        this.accessKeySecret = required(p, "sms.aliyun.accessKeySecret");
        this.signName = required(p, "sms.aliyun.signName");
        this.regionId = p.getOrDefault("sms.aliyun.regionId", "cn-hangzhou");
        this.templates = new EnumMap<>(MessageKind.class);
        for (MessageKind k : MessageKind.values()) {
            String t = Settings.text(p, "sms.aliyun.template." + k.name());
            if (t != null) {
                templates.put(k, t);
            }
        }
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return "aliyun";
    }

    @Override
    public void send(String messageId, String mobile, MessageKind kind, Map<String, String> fields, String text)
            throws SmsException {
        String template = templates.get(kind);
        if (template == null) {
            throw new SmsException("no template for " + kind + " (set sms.aliyun.template." + kind + ")", false);
        }
        Map<String, String> params = new TreeMap<>();
        params.put("AccessKeyId", accessKeyId);
        params.put("Action", "SendSms");
        params.put("Format", "JSON");
        params.put("OutId", messageId);
        params.put("PhoneNumbers", mobile);
        params.put("RegionId", regionId);
        params.put("SignName", signName);
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("SignatureVersion", "1.0");
        params.put("TemplateCode", template);
        params.put("TemplateParam", templateParam(fields));
        params.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        params.put("Version", "2017-05-25");
        String query = canonical(params);
        String body = "Signature="
                + percentEncode(sign(accessKeySecret, "POST&" + percentEncode("/") + "&" + percentEncode(query))) + "&"
                + query;
        HttpResponse<String> answer;
        try {
            answer = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmsException("Aliyun SMS unreachable: " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("interrupted", true);
        }
        String code = code(answer.body());
        if (answer.statusCode() == 200 && "OK".equals(code)) {
            return;
        }
        boolean retry = answer.statusCode() >= 500
                || code == null
                || code.startsWith("Throttling")
                || code.equals("isv.BUSINESS_LIMIT_CONTROL")
                || code.startsWith("ServiceUnavailable");
        throw new SmsException("Aliyun SMS answered " + answer.statusCode() + " " + code, retry);
    }

    /** The parameters sorted by name, names and values percent-encoded, joined with {@code &}. */
    static String canonical(Map<String, String> sorted) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(percentEncode(e.getKey())).append('=').append(percentEncode(e.getValue()));
        }
        return b.toString();
    }

    /** RFC 3986 encoding as Aliyun documents it: space {@code %20}, {@code *} {@code %2A}, {@code ~} kept. */
    static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** Base64 HMAC-SHA1 of {@code stringToSign}, keyed with the secret followed by {@code &}. */
    static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 unavailable", e);
        }
    }

    private String templateParam(Map<String, String> fields) {
        try {
            return json.writeValueAsString(new TreeMap<>(fields));
        } catch (IOException e) {
            throw new IllegalArgumentException("SMS fields cannot be written", e);
        }
    }

    private String code(String body) {
        try {
            JsonNode n = json.readTree(body);
            return n.hasNonNull("Code") ? n.get("Code").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String required(Map<String, String> p, String name) {
        String v = Settings.text(p, name);
        if (v == null) {
            throw new IllegalArgumentException(name + " must be set for sms.provider=aliyun");
        }
        return v;
    }
}
