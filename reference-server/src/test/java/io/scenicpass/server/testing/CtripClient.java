package io.scenicpass.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Ctrip's side of the supplier interface, written from Ctrip's documentation and independent of the server's code:
 * signs envelopes (MD5 of accountId + serviceName + requestTime + body + version + key, lower-case hex) and posts
 * them to {@code /adapters/ctrip}; also checks the signature of the notices the server sends Ctrip.
 */
public final class CtripClient {
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final OkHttpClient http;
    private final Clock clock;
    private final String accountId;
    private final String key;

    public CtripClient(String baseUrl, OkHttpClient http, Clock clock, String accountId, String key) {
        this.url = baseUrl + "/adapters/ctrip";
        this.http = http;
        this.clock = clock;
        this.accountId = accountId;
        this.key = key;
    }

    /** Calls a service with a correctly signed envelope sent now; answers the whole reply. */
    public JsonNode call(String service, String body) {
        return send(service, now(), body, null);
    }

    /** Ctrip's time now (China, UTC+8). */
    public String now() {
        return TIME.format(clock.instant().atZone(ZoneId.of("Asia/Shanghai")));
    }

    /** Sends an envelope with the given request time; {@code sign} null: the right signature. */
    public JsonNode send(String service, String requestTime, String body, String sign) {
        try {
            JsonNode bodyNode = JSON.readTree(body);
            String bodyText = JSON.writeValueAsString(bodyNode);
            ObjectNode env = JSON.createObjectNode();
            ObjectNode h = env.putObject("header");
            h.put("accountId", accountId);
            h.put("serviceName", service);
            h.put("requestTime", requestTime);
            h.put("version", "1.0");
            h.put("sign", sign != null ? sign : md5(accountId + service + requestTime + bodyText + "1.0" + key));
            env.set("body", bodyNode);
            return post(JSON.writeValueAsString(env));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts raw text; answers the reply (which must be HTTP 200 JSON). */
    public JsonNode post(String raw) {
        Request req = new Request.Builder()
                .url(url)
                .post(RequestBody.create(raw, MediaType.get("application/json; charset=utf-8")))
                .build();
        try (Response r = http.newCall(req).execute()) {
            String text = r.body().string();
            if (r.code() != 200) {
                throw new AssertionError("HTTP " + r.code() + ": " + text);
            }
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an envelope the server sent Ctrip is signed with {@code key} (the body signed as compact JSON). */
    public static boolean signedBy(JsonNode envelope, String key) {
        JsonNode h = envelope.get("header");
        try {
            String base = h.get("accountId").asText()
                    + h.get("serviceName").asText()
                    + h.get("requestTime").asText()
                    + JSON.writeValueAsString(envelope.get("body"))
                    + h.get("version").asText()
                    + key;
            return md5(base).equals(h.get("sign").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String md5(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CreatePreOrder body: {@code items} as JSON, passengers as JSON (may be "[]"). */
    public static String order(String otaOrderId, String items, String passengers) {
        return "{\"sequenceId\":\"seq-" + otaOrderId + "\",\"otaOrderId\":\"" + otaOrderId
                + "\",\"contacts\":[{\"name\":\"张三\",\"mobile\":\"13800000000\",\"email\":\"zs@example.com\"}],"
                + "\"passengers\":" + passengers + ",\"items\":" + items + "}";
    }

    /** One item: Ctrip item id, PLU (our unit id), date, quantity. */
    public static String item(String itemId, String plu, String date, int quantity) {
        return "{\"itemId\":\"" + itemId + "\",\"PLU\":\"" + plu + "\",\"useStartDate\":\"" + date
                + "\",\"useEndDate\":\"" + date + "\",\"price\":100,\"quantity\":" + quantity + "}";
    }

    /** A body naming an order (PayPreOrder, QueryOrder, SendVoucher…). */
    public static String ref(String otaOrderId) {
        return "{\"sequenceId\":\"s-" + otaOrderId + "\",\"otaOrderId\":\"" + otaOrderId + "\"}";
    }
}
