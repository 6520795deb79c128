package io.scenicpass.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.faults.ServerProcess;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scaled-down flash sale (the full one is {@code ./scenicpass bench flash-sale}): 2,000 buyers for 100 places of one
 * slot, spread over two server JVMs on one PostgreSQL, four channels, each buyer reserving then confirming. Exactly
 * 100 are sold (database and API), every other buyer gets a clean OCTO sold-out, nothing answers 5xx.
 */
@Tag("slow")
class FlashSaleTest {
    static final String SLOT = "2026-06-02T08:00:00+08:00";
    static final int BUYERS = 2000;
    static final int PLACES = 100;
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("FlashSaleTest");
    }

    /** A server JVM ({@link ServerProcess}) on the test classpath; its port is read from its first line. */
    static final class Node implements AutoCloseable {
        final Process process;
        final String base;

        Node(Path data, String db, Path stderr) throws Exception {
            String java =
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(
                            java,
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ServerProcess.class.getName(),
                            data.toString(),
                            db)
                    .redirectError(stderr.toFile())
                    .start();
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String port = CompletableFuture.supplyAsync(() -> {
                        try {
                            for (String l = r.readLine(); l != null; l = r.readLine()) {
                                if (l.startsWith("PORT ")) {
                                    return l.substring(5).trim();
                                }
                            }
                            return null;
                        } catch (IOException e) {
                            return null;
                        }
                    })
                    .get(60, TimeUnit.SECONDS);
            assertThat(port).as("server JVM started (see %s)", stderr).isNotNull();
            base = "http://127.0.0.1:" + port;
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close(); // ServerProcess serves until its stdin closes
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static TestServer.Answer post(OkHttpClient http, String url, String bearer, String json)
            throws IOException {
        Request req = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + bearer)
                .post(RequestBody.create(json, JSON))
                .build();
        try (Response r = http.newCall(req).execute()) {
            return new TestServer.Answer(r.code(), r.body().string(), Map.of());
        }
    }

    private static TestServer.Answer get(OkHttpClient http, String url, String bearer) throws IOException {
        try (Response r = http.newCall(new Request.Builder()
                        .url(url)
                        .header("Authorization", "Bearer " + bearer)
                        .build())
                .execute()) {
            return new TestServer.Answer(r.code(), r.body().string(), Map.of());
        }
    }

    @Test
    void exactlyThePlacesOnSaleAreSoldAcrossTwoNodes() throws Exception {
        String db = PostgresServer.get().newDatabase();
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(512);
        d.setMaxRequestsPerHost(512);
        OkHttpClient http = new OkHttpClient.Builder()
                .dispatcher(d)
                .connectionPool(new ConnectionPool(256, 1, TimeUnit.MINUTES))
                .callTimeout(Duration.ofSeconds(60))
                .build();
        ExecutorService buyers = Executors.newFixedThreadPool(200);
        try (Node a = new Node(dir, db, dir.resolve("a.err"));
                Node b = new Node(dir, db, dir.resolve("b.err"))) {
            List<Node> nodes = List.of(a, b);
            assertThat(post(
                                    http,
                                    a.base + "/admin/v1/products",
                                    TestServer.ADMIN,
                                    "{\"product\":{\"id\":\"flash\","
                                            + "\"internalName\":\"Flash\",\"reference\":\"F\",\"timeZone\":\"Asia/Shanghai\",\"passKind\":\"TIMED_SLOT\","
                                            + "\"groupPass\":false,\"zones\":[\"park\"],\"dayPool\":null,\"cancelCutoffMinutes\":60,\"currency\":\"CNY\","
                                            + "\"active\":true},\"options\":[{\"option\":{\"id\":\"flash-opt\",\"productId\":\"flash\",\"internalName\":"
                                            + "\"Sale\",\"isDefault\":true,\"openTime\":\"08:00\",\"closeTime\":\"09:00\",\"intervalMinutes\":60,"
                                            + "\"slotCapacity\":" + PLACES
                                            + ",\"closedWeekdays\":[],\"closedDates\":[]},\"units\":[{\"unit\":{\"id\":"
                                            + "\"flash-adult\",\"optionId\":\"flash-opt\",\"type\":\"ADULT\",\"internalName\":\"Adult\",\"minAge\":null,"
                                            + "\"maxAge\":null,\"idRequired\":false,\"paxCount\":1},\"retail\":9900,\"net\":8000}]}]}")
                            .status())
                    .isEqualTo(201);
            List<String> keys = new ArrayList<>();
            for (int c = 1; c <= 4; c++) {
                // the default token bucket (50/s, burst 100) would answer 429: a flash sale needs the limits raised
                TestServer.Answer ch = post(
                        http,
                        a.base + "/admin/v1/channels",
                        TestServer.ADMIN,
                        "{\"id\":\"ota-" + c + "\",\"ratePerSecond\":100000,\"burst\":100000}");
                assertThat(ch.status()).as(ch.body()).isEqualTo(201);
                keys.add(ch.json().get("apiKey").asText());
            }
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < BUYERS; i++) {
                int n = i;
                all.add(CompletableFuture.runAsync(
                        () -> {
                            Node node = nodes.get(n % 2);
                            String key = keys.get(n % keys.size());
                            String outcome;
                            try {
                                go.await();
                                TestServer.Answer res = post(
                                        http,
                                        node.base + "/octo/bookings",
                                        key,
                                        TestServer.reserve("buyer-" + n, "flash", SLOT, "flash-adult"));
                                if (res.status() == 200) {
                                    TestServer.Answer conf =
                                            post(http, node.base + "/octo/bookings/buyer-" + n + "/confirm", key, "{}");
                                    outcome = conf.status() == 200
                                            ? conf.json().get("status").asText()
                                            : "confirm " + conf.body();
                                } else if (res.status() == 400
                                        && res.json().get("error").asText().equals("UNPROCESSABLE_ENTITY")
                                        && res.json()
                                                .get("errorMessage")
                                                .asText()
                                                .startsWith("sold out")) {
                                    outcome = "SOLD_OUT";
                                } else {
                                    outcome = "reserve " + res.status() + " " + res.body();
                                }
                            } catch (IOException | InterruptedException e) {
                                outcome = e.toString();
                            }
                            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger())
                                    .incrementAndGet();
                        },
                        buyers));
            }
            go.countDown();
            CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);

            assertThat(outcomes.keySet()).containsOnly("CONFIRMED", "SOLD_OUT");
            assertThat(outcomes.get("CONFIRMED").get()).isEqualTo(PLACES);
            assertThat(outcomes.get("SOLD_OUT").get()).isEqualTo(BUYERS - PLACES);
            try (Connection c = DriverManager.getConnection(db, "postgres", "");
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT (SELECT count(*) FROM booking WHERE status='CONFIRMED'), sold, held,"
                                    + " capacity FROM slot WHERE id='flash-opt|" + SLOT + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                        .containsExactly(PLACES, PLACES, 0, PLACES);
            }
            int confirmedViaApi = 0;
            for (int c = 0; c < keys.size(); c++) { // listings read the database on each node (no cache)
                JsonNode list = get(http, nodes.get(c % 2).base + "/octo/bookings?localDate=2026-06-02", keys.get(c))
                        .json();
                for (JsonNode bk : list) {
                    confirmedViaApi += bk.get("status").asText().equals("CONFIRMED") ? 1 : 0;
                }
            }
            assertThat(confirmedViaApi).isEqualTo(PLACES);
        } finally {
            buyers.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
