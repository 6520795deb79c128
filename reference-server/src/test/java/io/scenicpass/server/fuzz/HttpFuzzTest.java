package io.scenicpass.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.fuzz.FuzzTargets.Auth;
import io.scenicpass.server.fuzz.FuzzTargets.Fixture;
import io.scenicpass.server.fuzz.FuzzTargets.Target;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes every HTTP route that takes a body (OCTO, admin, terminal incl. gzip entry batches, flow dashboard) on a
 * real server (H2 file database) with random and mutated JSON, with valid credentials and without. Every answer must
 * be below 500, within the per-request time limit, and a 4xx must carry the API's typed error body; afterwards the
 * server is healthy and its inventory consistent. About 3,000 cases by default; {@code -Plong} runs 1,000,000
 * (or {@code -Dscenicpass.fuzz.httpCases=N}; {@code -Dscenicpass.fuzz.httpMinutes=M} stops starting cases after M
 * minutes and reports how many ran).
 */
@Tag("slow")
class HttpFuzzTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(60);
    private static final int DEFAULT_CASES = 3_000;
    private static final int LONG_CASES = 1_000_000;
    /** 12 MiB of zeros, gzipped to a few KiB: must be cut off by the inflation limit. */
    private static final byte[] BOMB = gzip(new byte[12 * 1024 * 1024]);

    @TempDir
    static Path dir;

    static TestServer ts;
    static String channelKey;
    static String deviceToken;
    static Fixture fx;
    static OkHttpClient http;
    /** Requests unanswered after 5 s are printed with a thread dump (the first three) while they wait. */
    static final Watchdog watchdog = new Watchdog(5_000, 3);

    @BeforeAll
    static void start() throws Exception {
        // a fixed port (-Dscenicpass.fuzz.port) lets a packet capture follow the run
        ts = new TestServer(
                dir,
                null,
                new MutableClock(TestServer.START),
                Map.of("port", System.getProperty("scenicpass.fuzz.port", "0")));
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 500, false, 60, null);
        ts.product("side", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 50, false, 60, null);
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
        channelKey = ts.channel("ota", 100_000, 100_000, null); // the largest rate allowed
        ts.channel("victim", 100_000, 100_000, null);
        String slot = "2026-06-02T10:00:00+08:00";
        List<String> held = new ArrayList<>();
        List<String> confirmed = new ArrayList<>();
        String passText = null;
        for (int i = 0; i < 12; i++) {
            String uuid = "00000000-0000-4000-8000-" + String.format("%012d", i);
            Answer a = ts.post("/octo/bookings", channelKey, TestServer.reserve(uuid, "tour", slot, "tour-adult"));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            if (i % 2 == 0) {
                held.add(uuid);
                continue;
            }
            Answer c = ts.post("/octo/bookings/" + uuid + "/confirm", channelKey, "{}");
            assertThat(c.status()).as(c.body()).isEqualTo(200);
            confirmed.add(uuid);
            passText = c.json()
                    .get("unitItems")
                    .get(0)
                    .get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText();
        }
        JsonNode device = enroll();
        deviceToken = device.get("deviceToken").asText();
        String deviceId = device.get("deviceId").asText();
        String victimId = enroll().get("deviceId").asText(); // the one the revoke route may hit
        String enrollToken = token();
        fx = new Fixture(
                passText,
                PassCodec.decode(passText).claims().passId(),
                held,
                confirmed,
                slotIds("tour", "2026-06-02"),
                slotIds("side", "2026-06-03"),
                deviceId,
                victimId,
                enrollToken,
                slot);
        watchdog.alsoPrint(HttpFuzzTest::h2Sessions);
        http = ts.http
                .newBuilder()
                .callTimeout(REQUEST_LIMIT)
                .eventListenerFactory(call -> new okhttp3.EventListener() {
                    @Override
                    public void connectionAcquired(okhttp3.Call c, okhttp3.Connection connection) {
                        Object tag = c.request().tag(CaseTag.class);
                        if (tag != null) {
                            ((CaseTag) tag).port = connection.socket().getLocalPort();
                            String id = c.request().header("X-Request-Id");
                            if (id != null && id.startsWith("fz-")) {
                                portOfCase.put(
                                        Integer.parseInt(id.substring(3)),
                                        connection.socket().getLocalPort());
                            }
                        }
                    }
                })
                .build();
    }

    /** H2's sessions: open transactions, what each executes, who blocks whom (own connection, outside the pool). */
    static String h2Sessions() {
        String url = ((com.zaxxer.hikari.HikariDataSource) ts.server.database().dataSource()).getJdbcUrl();
        StringBuilder b = new StringBuilder("H2 sessions (id, uncommitted, state, blocker, statement):\n");
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT SESSION_ID, CONTAINS_UNCOMMITTED, SESSION_STATE, BLOCKER_ID,"
                                + " EXECUTING_STATEMENT, EXECUTING_STATEMENT_START, SLEEP_SINCE FROM INFORMATION_SCHEMA.SESSIONS")) {
            while (rs.next()) {
                b.append("  ")
                        .append(rs.getInt(1))
                        .append(' ')
                        .append(rs.getBoolean(2))
                        .append(' ')
                        .append(rs.getString(3))
                        .append(' ')
                        .append(rs.getObject(4))
                        .append(' ')
                        .append(rs.getString(5))
                        .append(" since ")
                        .append(rs.getString(6))
                        .append(" sleep ")
                        .append(rs.getString(7))
                        .append('\n');
            }
        } catch (Exception e) {
            b.append("  (could not read: ").append(e).append(")\n");
        }
        return b.toString();
    }

    /** The client's local port of the connection a case's request went out on (which connection answered what). */
    static final class CaseTag {
        volatile int port;
    }

    /** How long this thread's last case waited for its answer (from sending the request to reading the body). */
    static final ThreadLocal<long[]> EXCHANGE_NANOS = ThreadLocal.withInitial(() -> new long[1]);

    /** The client's local port each case's request went out on (0 = not sent yet), by case index. */
    static final java.util.concurrent.ConcurrentHashMap<Integer, Integer> portOfCase = new ConcurrentHashMap<>();

    private static String token() {
        Answer a =
                ts.post("/admin/v1/enrollment-tokens", TestServer.ADMIN, "{\"gateId\":\"gate-a\",\"label\":\"fuzz\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("token").asText();
    }

    private static JsonNode enroll() {
        Answer e = ts.post(
                "/terminal/v1/enroll",
                null,
                "{\"token\":\"" + token() + "\",\"deviceName\":\"gate\",\"deviceModel\":\"SP-FUZZ\"}");
        assertThat(e.status()).as(e.body()).isEqualTo(200);
        return e.json();
    }

    private static List<String> slotIds(String product, String date) {
        Answer a = ts.get("/admin/v1/slots?productId=" + product + "&from=" + date, TestServer.ADMIN);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        a.json().forEach(s -> out.add(s.get("slotId").asText()));
        assertThat(out).isNotEmpty();
        return out;
    }

    @AfterAll
    static void stop() {
        watchdog.close();
        if (ts != null) {
            ts.close();
        }
    }

    @Test
    void everyBodyTakingRouteHasASeed() throws Exception {
        Set<String> served = FuzzTargets.bodyRoutes(ts.server);
        Set<String> seeded = new java.util.HashSet<>(FuzzTargets.all(fx).keySet());
        seeded.addAll(FuzzTargets.pages(served).keySet());
        assertThat(served).as("body-taking routes of the running server").hasSizeGreaterThan(30);
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(seeded);
        assertThat(missing)
                .as("routes that take a body but have no seed in FuzzTargets: add one")
                .isEmpty();
        Set<String> stale = new TreeSet<>(seeded);
        stale.removeAll(served);
        assertThat(stale).as("seeds for routes the server does not serve").isEmpty();
    }

    @Test
    void randomAndMutatedBodiesNeverGiveA5xxOrAnUntypedError() throws Exception {
        int cases = Integer.getInteger(
                "scenicpass.fuzz.httpCases",
                "true".equals(System.getProperty("scenicpass.long")) ? LONG_CASES : DEFAULT_CASES);
        int threads = Integer.getInteger("scenicpass.fuzz.httpThreads", 6);
        List<Target> targets = new ArrayList<>(FuzzTargets.all(fx).values());
        targets.addAll(FuzzTargets.pages(FuzzTargets.bodyRoutes(ts.server)).values());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong maxNanos = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> slowestCase =
                new java.util.concurrent.atomic.AtomicReference<>();
        long seed = Long.getLong("scenicpass.fuzz.seed", 20261124L);
        long started = System.nanoTime();
        // optional time box for long runs on a busy machine: stop starting cases after N minutes and report the count
        long minutes = Long.getLong("scenicpass.fuzz.httpMinutes", 0);
        long deadline = minutes > 0 ? started + TimeUnit.MINUTES.toNanos(minutes) : Long.MAX_VALUE;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < cases && failures.size() < 20) {
                    Random r = new Random(seed * 1_000_003L + i);
                    Target target = targets.get(r.nextInt(targets.size()));
                    String outcome = fuzzCase(target, r, i, seed * 1_000_003L + i, failures);
                    long took = EXCHANGE_NANOS.get()[0]; // the request on the wire, not the building of its body
                    if (maxNanos.accumulateAndGet(took, Math::max) == took) {
                        slowestCase.set(
                                "case " + i + " " + target.method() + " " + target.template() + " -> " + outcome);
                    }
                    statuses.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        long ms = (System.nanoTime() - started) / 1_000_000;
        int ran = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.println("FUZZ HTTP: " + ran + " cases on " + targets.size() + " routes, "
                + threads + " threads, in " + ms + " ms (" + (ran * 1000L / Math.max(1, ms)) + "/s), slowest answer "
                + maxNanos.get() / 1_000_000 + " ms (" + slowestCase.get() + "); statuses "
                + new java.util.TreeMap<>(statuses));
        failures.forEach(f -> System.out.println("FUZZ FAILURE " + f));
        // health and consistency first, so a run with failures still tells whether the server survived intact
        assertThat(ts.get("/health", null).status()).as("healthy after fuzzing").isEqualTo(200);
        assertInventoryConsistent();
        System.out.println("FUZZ HTTP: healthy and consistent afterwards");
        assertThat(failures)
                .as("fuzz failures (reproduce with -Dscenicpass.fuzz.seed and the case seed)")
                .isEmpty();
        assertThat(statuses.keySet())
                .as("the fuzzer reaches success paths and typed rejections")
                .anyMatch(s -> s.startsWith("2"))
                .anyMatch(s -> s.startsWith("4"));
    }

    /** One request; returns "status" and adds a failure description when the answer breaks the contract. */
    static String fuzzCase(Target target, Random r, int i, long caseSeed, ConcurrentLinkedQueue<String> failures) {
        String path = target.path().apply(r);
        String seedBody = target.body().apply(r);
        String body = new JsonMutator(r).mutate(seedBody);
        Request.Builder rb = new Request.Builder().url(ts.url(path));
        boolean authed = r.nextDouble() < target.authRate();
        String auth = auth(target.auth(), authed, r);
        if (auth != null) {
            rb.header("Authorization", auth);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        MediaType type = contentType(r);
        String gzipKind = "";
        if (target.template().startsWith("/terminal/") && r.nextInt(3) == 0 || r.nextInt(40) == 0) {
            gzipKind = "gzip";
            int g = r.nextInt(6);
            if (g == 0) {
                bytes = randomBytes(r, 300); // gzip garbage
            } else if (g == 1) {
                byte[] z = gzip(bytes);
                bytes = java.util.Arrays.copyOf(z, Math.max(0, z.length - 1 - r.nextInt(10))); // truncated
            } else if (g == 2) {
                bytes = BOMB; // inflates beyond the limit
            } else {
                bytes = gzip(bytes);
            }
            rb.header("Content-Encoding", r.nextInt(10) == 0 ? "br" : "gzip");
        }
        rb.method(target.method(), RequestBody.create(bytes, type));
        rb.header("X-Request-Id", "fz-" + i);
        CaseTag tag = new CaseTag();
        rb.tag(CaseTag.class, tag);
        String what = "case " + i + " (seed " + caseSeed + "): " + target.method() + " " + path + " auth=" + authed
                + " " + gzipKind + " body=" + abbreviate(body);
        Watchdog.Entry inFlight = watchdog.start(() -> what + " on local port " + tag.port);
        long sent = System.nanoTime();
        try (Response resp = http.newCall(rb.build()).execute()) {
            int status = resp.code();
            String text = resp.body().string();
            String echoed = resp.header("X-Request-Id");
            if (echoed != null && !echoed.equals("fz-" + i)) {
                Integer other = echoed.startsWith("fz-") ? portOfCase.get(Integer.parseInt(echoed.substring(3))) : null;
                failures.add(what + " on local port " + tag.port + " -> the answer to ANOTHER request: " + echoed
                        + " (sent on local port " + other + "): " + status + " " + abbreviate(text));
                return "crossed";
            }
            if (status >= 500) {
                failures.add(what + " -> " + status + " " + abbreviate(text));
            } else if (status >= 400) {
                checkErrorBody(what + " on local port " + tag.port, path, status, text, failures);
            }
            return status + "";
        } catch (IOException e) {
            failures.add(what + " on local port " + tag.port + " -> no answer within " + REQUEST_LIMIT
                    + " or connection failed: " + e);
            return "io";
        } finally {
            EXCHANGE_NANOS.get()[0] = System.nanoTime() - sent;
            watchdog.done(inFlight);
        }
    }

    static void checkErrorBody(
            String what, String path, int status, String text, ConcurrentLinkedQueue<String> failures) {
        boolean page = path.startsWith("/invoice/") || io.scenicpass.server.web.Pages.isPagePath(path.split("\\?")[0]);
        if (page && text.startsWith("<!DOCTYPE html>")) {
            // people's pages (the invoice page, the shop, the console): refusals carry a typed data-code and a message
            if (!text.matches("(?s).*data-code=\"[A-Z_]+\">[^<]+</p>.*")) {
                failures.add(what + " -> " + status + " a page without a typed error: " + abbreviate(text));
            }
            return;
        }
        JsonNode n;
        try {
            n = TestServer.MAPPER.readTree(text);
        } catch (IOException e) {
            failures.add(what + " -> " + status + " with a non-JSON body " + abbreviate(text));
            return;
        }
        boolean octo = path.startsWith("/octo");
        String code = n == null
                ? null
                : octo ? n.path("error").asText(null) : n.path("code").asText(null);
        String message = n == null
                ? null
                : octo ? n.path("errorMessage").asText(null) : n.path("message").asText(null);
        if (code == null || code.isBlank() || message == null) {
            failures.add(what + " -> " + status + " without the typed error body: " + abbreviate(text));
        }
    }

    private static String auth(Auth kind, boolean valid, Random r) {
        if (!valid) {
            int k = r.nextInt(3);
            return k == 0 ? null : k == 1 ? "Bearer wrong-" + r.nextInt(1000) : "Device wrong";
        }
        switch (kind) {
            case OCTO:
                return "Bearer " + channelKey;
            case ADMIN:
                return "Bearer " + TestServer.ADMIN;
            case DEVICE:
                return "Device " + deviceToken;
            default:
                return null;
        }
    }

    private static MediaType contentType(Random r) {
        int k = r.nextInt(20);
        if (k < 15) {
            return JSON;
        }
        return k == 15
                ? null
                : MediaType.get(FuzzTargets.pick(
                        r,
                        "text/plain",
                        "application/xml",
                        "application/x-www-form-urlencoded",
                        "application/json; charset=utf-16",
                        "multipart/form-data; boundary=x"));
    }

    /** Every slot, allotment and day pool within bounds; held and sold equal what the bookings say. */
    static void assertInventoryConsistent() throws Exception {
        try (Connection c = ts.server.database().dataSource().getConnection();
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM slot WHERE held < 0 OR sold < 0 OR held + sold > capacity"))
                    .isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM allotment WHERE held < 0 OR sold < 0 OR held + sold > capacity"))
                    .isZero();
            List<String> off = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT s.id, s.held, s.sold, s.capacity, (SELECT SUM(b.quantity"
                    + " - b.from_allotment) FROM booking b WHERE b.slot_id = s.id AND b.status = 'ON_HOLD') AS bh,"
                    + " (SELECT SUM(b.quantity - b.from_allotment) FROM booking b WHERE b.slot_id = s.id"
                    + " AND b.status IN ('CONFIRMED', 'REDEEMED')) AS bs FROM slot s")) {
                while (rs.next()) {
                    if (rs.getInt(2) != rs.getInt(5) || rs.getInt(3) != rs.getInt(6)) {
                        off.add(rs.getString(1) + " held/sold " + rs.getInt(2) + "/" + rs.getInt(3) + " but bookings "
                                + rs.getInt(5) + "/" + rs.getInt(6));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT status, COUNT(*), SUM(quantity), SUM(from_allotment) FROM booking" + " GROUP BY status")) {
                while (rs.next()) {
                    System.out.println("FUZZ bookings " + rs.getString(1) + ": " + rs.getLong(2) + " (" + rs.getLong(3)
                            + " places, " + rs.getLong(4) + " from allotments)");
                }
            }
            try (ResultSet rs =
                    s.executeQuery("SELECT a.slot_id, a.channel_id, a.held, a.sold, (SELECT SUM(b.from_allotment)"
                            + " FROM booking b WHERE b.slot_id = a.slot_id AND b.channel_id = a.channel_id AND b.status = 'ON_HOLD'),"
                            + " (SELECT SUM(b.from_allotment) FROM booking b WHERE b.slot_id = a.slot_id AND b.channel_id = a.channel_id"
                            + " AND b.status IN ('CONFIRMED', 'REDEEMED')) FROM allotment a")) {
                while (rs.next()) {
                    if (rs.getInt(3) != rs.getInt(5) || rs.getInt(4) != rs.getInt(6)) {
                        off.add("allotment " + rs.getString(1) + "/" + rs.getString(2) + " held/sold " + rs.getInt(3)
                                + "/" + rs.getInt(4) + " but bookings " + rs.getInt(5) + "/" + rs.getInt(6));
                    }
                }
            }
            assertThat(off)
                    .as("slots and allotments whose held/sold differ from their live bookings")
                    .isEmpty();
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        r.nextBytes(b);
        if (b.length > 2 && r.nextBoolean()) {
            b[0] = 0x1f;
            b[1] = (byte) 0x8b; // gzip magic, then garbage
        }
        return b;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }
}
