package io.scenicpass.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.sales.CatalogueService.OptionSpec;
import io.scenicpass.server.sales.CatalogueService.ProductSpec;
import io.scenicpass.server.sales.CatalogueService.UnitSpec;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A real server on a free port (H2 file DB in a temp dir, or a PostgreSQL URL) plus an OkHttp client. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN = "admin-test-token";
    /** 2026-06-01 08:00 in Asia/Shanghai. */
    public static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    private static final MediaType JSON = MediaType.get("application/json");
    public static final ObjectMapper MAPPER = new ObjectMapper();

    public final MutableClock clock;
    public final ScenicPassServer server;
    public final OkHttpClient http;
    public final Path dataDir;
    public final String dbUrl;

    /** An HTTP answer. */
    public record Answer(int status, String body, Map<String, String> headers) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    public TestServer(Path dataDir, String dbUrl, MutableClock clock, Map<String, String> extra) {
        this.clock = clock;
        this.dataDir = dataDir;
        this.dbUrl = dbUrl;
        Map<String, String> cfg = new HashMap<>();
        cfg.put("port", "0");
        cfg.put("data", dataDir.toString());
        cfg.put("admin.token", ADMIN);
        cfg.put("keys.passphrase", "test-passphrase");
        cfg.put("db.poolSize", "24");
        // the security suites send thousands of wrong credentials on purpose; CredentialGuessingTest sets its own bound
        cfg.put("auth.maxFailures", "1000000");
        cfg.put(
                "db.strictNesting",
                "true"); // a second connection taken inside a transaction fails the test (issue 22 #9)
        if (dbUrl != null) {
            cfg.put("db.url", dbUrl);
            cfg.put("db.user", "postgres");
        }
        cfg.putAll(extra);
        this.server = ScenicPassServer.builder(ServerConfig.of(cfg))
                .clock(clock)
                .withoutJobs()
                .build()
                .start();
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(256);
        d.setMaxRequestsPerHost(256);
        this.http = new OkHttpClient.Builder()
                .dispatcher(d)
                .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
                .callTimeout(Duration.ofSeconds(60))
                .build();
    }

    public static TestServer h2(Path dir) {
        return new TestServer(dir, null, new MutableClock(START), Map.of());
    }

    public String url(String path) {
        return server.baseUrl() + path;
    }

    public Answer send(String method, String path, String bearer, String json, Map<String, String> headers) {
        Request.Builder rb = new Request.Builder().url(url(path));
        if (bearer != null) {
            rb.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(rb::header);
        RequestBody body = json == null
                ? (method.equals("GET") || method.equals("DELETE") ? null : RequestBody.create(new byte[0], JSON))
                : RequestBody.create(json, JSON);
        rb.method(method, body);
        try (Response r = http.newCall(rb.build()).execute()) {
            Map<String, String> h = new HashMap<>();
            for (String n : r.headers().names()) {
                h.put(n.toLowerCase(java.util.Locale.ROOT), r.header(n));
            }
            return new Answer(r.code(), r.body().string(), h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer get(String path, String bearer) {
        return send("GET", path, bearer, null, Map.of());
    }

    public Answer post(String path, String bearer, String json) {
        return send("POST", path, bearer, json, Map.of());
    }

    public byte[] getBytes(String path, String bearer) {
        Request r = new Request.Builder()
                .url(url(path))
                .header("Authorization", "Bearer " + bearer)
                .build();
        try (Response resp = http.newCall(r).execute()) {
            if (resp.code() != 200) {
                throw new AssertionError(
                        "HTTP " + resp.code() + ": " + resp.body().string());
            }
            return resp.body().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a channel with a known key and generous rate limits; returns the key. */
    public String channel(String id, int ratePerSecond, int burst, String webhookUrl) {
        server.channels()
                .create(new Channel(
                        id,
                        id,
                        "OTA",
                        webhookUrl,
                        webhookUrl == null ? null : "secret-" + id,
                        ratePerSecond,
                        burst,
                        true));
        String key = "key-" + id;
        server.channels().addKey(id, key, "test");
        return key;
    }

    /**
     * Creates a product with one option (slots every {@code intervalMinutes} from open to close, capacity per slot)
     * and ADULT (10000) + CHILD (5000) units with ids {@code <id>-adult}, {@code <id>-child}.
     */
    public void product(
            String id,
            String zone,
            LocalTime open,
            LocalTime close,
            int intervalMinutes,
            int capacity,
            boolean group,
            int cutoffMinutes,
            String dayPool) {
        String opt = id + "-opt";
        server.catalogue()
                .create(new ProductSpec(
                        new Product(
                                id,
                                "Product " + id,
                                id.toUpperCase(),
                                zone,
                                "TIMED_SLOT",
                                group,
                                List.of("park"),
                                dayPool,
                                cutoffMinutes,
                                "CNY",
                                true),
                        List.of(new OptionSpec(
                                new ProductOption(
                                        opt,
                                        id,
                                        "Option",
                                        true,
                                        open,
                                        close,
                                        intervalMinutes,
                                        capacity,
                                        Set.of(),
                                        Set.of()),
                                List.of(
                                        new UnitSpec(
                                                new Unit(id + "-adult", opt, "ADULT", "Adult", 18, null, false, 1),
                                                10000,
                                                9000),
                                        new UnitSpec(
                                                new Unit(id + "-child", opt, "CHILD", "Child", 3, 17, false, 1),
                                                5000,
                                                4500))))));
    }

    /** A reservation body. */
    public static String reserve(String uuid, String productId, String availabilityId, String... unitIds) {
        StringBuilder items = new StringBuilder();
        for (String u : unitIds) {
            items.append(items.length() == 0 ? "" : ",")
                    .append("{\"unitId\":\"")
                    .append(u)
                    .append("\"}");
        }
        return "{\"uuid\":\"" + uuid + "\",\"productId\":\"" + productId + "\",\"optionId\":\"" + productId
                + "-opt\",\"availabilityId\":\"" + availabilityId + "\",\"unitItems\":[" + items + "]}";
    }

    @Override
    public void close() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
