package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.terminal.TerminalFixtures;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The security suite's fixture: a real server (H2 file) with product "tour" (zone park, gates gate-a / gate-b) and
 * helpers that go through the server's real HTTP APIs (OCTO bookings, admin enrollment tokens, terminal uploads).
 */
public final class SecurityFixture {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final Instant SLOT_START = Instant.parse("2026-06-02T02:00:00Z");

    private SecurityFixture() {}

    /** A server on H2 in {@code dir} with the catalogue and gates set up. */
    static TestServer server(Path dir) {
        return server(dir, Map.of());
    }

    /** As above with more server settings. */
    static TestServer server(Path dir, Map<String, String> settings) {
        TestServer ts =
                new TestServer(dir, null, new io.scenicpass.server.testing.MutableClock(TestServer.START), settings);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 500, false, 60, null);
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-b", "Gate B", "park", "IN"));
        return ts;
    }

    /** A reservation of one adult in the fixture slot with a reseller reference. */
    static String reserveBody(String uuid, String resellerReference) {
        return "{\"uuid\":\"" + uuid + "\",\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\""
                + SLOT + "\",\"resellerReference\":\"" + resellerReference
                + "\",\"unitItems\":[{\"unitId\":\"tour-adult\"}]}";
    }

    /** Holds one adult for the channel; asserts 200. */
    static TestServer.Answer hold(TestServer ts, String key, String uuid, String resellerReference) {
        TestServer.Answer a = ts.post("/octo/bookings", key, reserveBody(uuid, resellerReference));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    /** Holds and confirms one adult; returns the pass text. */
    static String book(TestServer ts, String key, String uuid) {
        hold(ts, key, uuid, "REF-" + uuid);
        TestServer.Answer ok = ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        return ok.json()
                .get("unitItems")
                .get(0)
                .get("ticket")
                .get("deliveryOptions")
                .get(0)
                .get("deliveryValue")
                .asText();
    }

    static String passId(String text) {
        return PassCodec.decode(text).claims().passId();
    }

    /** A fresh one-time enrollment token for a gate (over the admin API). */
    static String enrollmentToken(TestServer ts, String gateId) {
        TestServer.Answer a = ts.post(
                "/admin/v1/enrollment-tokens",
                TestServer.ADMIN,
                "{\"gateId\":\"" + gateId + "\",\"label\":\"security\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("token").asText();
    }

    /** Enrolls a device with the real SDK provisioning. */
    static DeviceCredentials enroll(TestServer ts, Path dir, String gateId) {
        return new Provisioning(new CredentialStore(dir.resolve("device.json")))
                .serverUrl(ts.server.baseUrl())
                .enroll(enrollmentToken(ts, gateId), "gate " + gateId, "SP-SEC");
    }

    /** A request with a raw Authorization header (or none). */
    static TestServer.Answer send(TestServer ts, String method, String path, String authorization, String json) {
        return ts.send(
                method, path, null, json, authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    /** An offline ADMIT event of a pass at a gate. */
    static EntryEvent admit(String passId, DeviceCredentials creds, Instant at) {
        return TerminalFixtures.admit(passId, creds.deviceId(), creds.gateId(), at);
    }

    /** Uploads a batch gzipped as the terminal does; returns the HTTP status and body. */
    static TestServer.Answer upload(OkHttpClient http, String serverUrl, String deviceToken, EntryBatch batch)
            throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(WireJson.mapper().writeValueAsBytes(batch));
        }
        Request req = new Request.Builder()
                .url(serverUrl + "/terminal/v1/entries")
                .header("Authorization", "Device " + deviceToken)
                .header("Content-Encoding", "gzip")
                .post(RequestBody.create(buf.toByteArray(), MediaType.get("application/json")))
                .build();
        try (Response r = http.newCall(req).execute()) {
            return new TestServer.Answer(r.code(), r.body().string(), Map.of());
        }
    }

    /** Uploads and reads the acknowledgement, asserting 200. */
    static EntryAck uploadOk(TestServer ts, DeviceCredentials creds, EntryBatch batch) throws Exception {
        TestServer.Answer a = upload(ts.http, ts.server.baseUrl(), creds.deviceToken(), batch);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return WireJson.mapper().readValue(a.body(), EntryAck.class);
    }

    /**
     * The routes the RUNNING server has registered with Javalin, as {@code "METHOD /path/{param}"} (HTTP methods only),
     * so a route added tomorrow is covered by the suites that enumerate them.
     */
    public static Set<String> servedRoutes(ScenicPassServer server) throws ReflectiveOperationException {
        Field f = ScenicPassServer.class.getDeclaredField("app");
        f.setAccessible(true);
        Javalin app = (Javalin) f.get(server);
        Set<String> out = new TreeSet<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            if (e.endpoint.method.isHttpMethod()) {
                out.add(e.endpoint.method.name().toUpperCase(Locale.ROOT) + " " + e.endpoint.path);
            }
        }
        return out;
    }

    /** A route's path with every {@code {param}} / {@code <param>} filled with {@code value}. */
    static String concrete(String path, String value) {
        return path.replaceAll("\\{[^}]*}|<[^>]*>", value);
    }

    /** One row count of a query with one string parameter (or none). */
    static long count(TestServer ts, String sql, String param) {
        return ts.server.database().read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                if (param != null) {
                    ps.setString(1, param);
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Opens the device's event stream ({@code GET /terminal/v1/events}) and reads it on a daemon thread; the latch
     * opens when the server ends the stream.
     */
    static java.util.concurrent.CountDownLatch openEventStream(TestServer ts, String authorization)
            throws java.io.IOException {
        OkHttpClient streaming = ts.http
                .newBuilder()
                .callTimeout(java.time.Duration.ZERO)
                .readTimeout(java.time.Duration.ZERO)
                .build();
        Response stream = streaming
                .newCall(new Request.Builder()
                        .url(ts.url("/terminal/v1/events"))
                        .header("Authorization", authorization)
                        .header("Accept", "text/event-stream")
                        .build())
                .execute();
        if (stream.code() != 200) {
            String body = stream.body().string();
            stream.close();
            throw new AssertionError("event stream answered " + stream.code() + ": " + body);
        }
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        Thread reader = new Thread(
                () -> {
                    try (Response r = stream) {
                        okio.BufferedSource src = r.body().source();
                        while (src.readUtf8Line() != null) {
                            // keep reading until the server closes the stream
                        }
                    } catch (java.io.IOException e) {
                        // closed abruptly: also closed
                    } finally {
                        ended.countDown();
                    }
                },
                "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return ended;
    }

    /** An HTTP/1.1 answer read off a raw socket: status line, headers and the body when it has a Content-Length. */
    static String rawAnswer(java.io.InputStream in) throws java.io.IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            buf.write(b);
            if (buf.toString(java.nio.charset.StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        String head = buf.toString(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        return m.find()
                ? head
                        + new String(
                                in.readNBytes(Integer.parseInt(m.group(1))), java.nio.charset.StandardCharsets.UTF_8)
                : head;
    }
}
