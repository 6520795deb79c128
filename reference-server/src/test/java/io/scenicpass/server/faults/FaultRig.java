package io.scenicpass.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.testing.EntryAcks;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.EnrollmentCode;
import io.scenicpass.terminal.sync.Provisioning;
import io.scenicpass.terminal.sync.SyncClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;

/**
 * A real server (H2 file or PostgreSQL), a {@link FaultProxy} in front of it, and a real gate ({@link Gate} with its
 * journal + {@link SyncClient} in the background) enrolled and syncing THROUGH the proxy. Passes are booked through
 * the server's OCTO path; the gate decides them; the rig checks exactly-once on the server side.
 */
final class FaultRig implements AutoCloseable {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final Instant SLOT_START = Instant.parse("2026-06-02T02:00:00Z");
    /** "Never blocked by the network": generous, not a performance claim. */
    static final Duration DECISION_BOUND = Duration.ofSeconds(2);

    private final Path dir;
    private final String dbUrl;
    volatile TestServer ts;
    final FaultProxy proxy;
    final String key;
    final OkHttpClient http;
    final DeviceCredentials creds;
    final Gate gate;
    final SyncClient sync;
    /** ACCEPTED acknowledgements per event id, as the terminal received them. */
    final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    /** Acknowledgements of any status per event id (a retry of an event whose ack was lost is DUPLICATE). */
    final Map<String, Integer> acked = new ConcurrentHashMap<>();
    /** The event id of every decision, in order. */
    final List<String> decisions = new ArrayList<>();

    final Map<String, String> passByBooking = new HashMap<>();
    private long slowestNanos;

    FaultRig(Path dir, String dbUrl) throws IOException {
        this(dir, dbUrl, true);
    }

    /**
     * @param inProcessGate whether to open the gate and sync client here; without, only the device is enrolled (its
     *     credentials in {@code dir/terminal/device.json}) for a terminal in a child process
     */
    FaultRig(Path dir, String dbUrl, boolean inProcessGate) throws IOException {
        this.dir = dir;
        this.dbUrl = dbUrl;
        ts = new TestServer(dir.resolve("server"), dbUrl, new MutableClock(TestServer.START), Map.of());
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 200, false, 60, null);
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
        key = ts.channel("ota", 10_000, 10_000, "http://203.0.113.9:9/hook"); // TEST-NET-3: never delivered (no jobs)
        proxy = new FaultProxy(ts.server.port());
        http = terminalHttp()
                .addInterceptor(EntryAcks.recorder(accepted, acked))
                .build();
        TestServer.Answer token = ts.post(
                "/admin/v1/enrollment-tokens", TestServer.ADMIN, "{\"gateId\":\"gate-a\",\"label\":\"faults\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        // the bare token: the code names the server's own address, the terminal must go through the proxy
        creds = new Provisioning(new CredentialStore(dir.resolve("terminal/device.json")))
                .httpClient(http)
                .serverUrl(proxy.url())
                .enroll(
                        EnrollmentCode.parse(token.json().get("enrollmentCode").asText())
                                .token(),
                        "faulty gate",
                        "SP-FAULTS");
        assertThat(creds.serverUrl()).startsWith(proxy.url());
        gate = inProcessGate ? openGate(dir.resolve("terminal"), creds) : null;
        sync = inProcessGate ? openSync(creds, gate, http) : null;
    }

    /** The gate of a terminal whose state lives in {@code terminalDir}, in the booked slot (clock at real speed). */
    static Gate openGate(Path terminalDir, DeviceCredentials creds) {
        Clock gateClock =
                Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SLOT_START.plusSeconds(1200)));
        return Gate.builder()
                .stateDirectory(terminalDir.resolve("gate"))
                .rootPublicKey(creds.rootPublicKey())
                .deviceId(creds.deviceId())
                .gateId("gate-a")
                .defaultZone("park")
                .clock(gateClock)
                .correctClock(false)
                .build();
    }

    /** A sync client with short timeouts and small batches (4 entries each), so faults hit mid-upload. */
    static SyncClient openSync(DeviceCredentials creds, Gate gate, OkHttpClient http) {
        return SyncClient.builder(creds)
                .gate(gate)
                .httpClient(http)
                .offlineDetection(1, Duration.ofSeconds(3))
                .backoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                .pullInterval(Duration.ofSeconds(1))
                .entryBatches(4, 50)
                .build();
    }

    /** An HTTP client for a terminal: short timeouts, no silent retries. */
    static OkHttpClient.Builder terminalHttp() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .writeTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(5))
                .retryOnConnectionFailure(false);
    }

    /** Books {@code n} single-adult passes through OCTO; returns their texts. */
    List<String> book(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String uuid = prefix + "-" + i;
            TestServer.Answer held =
                    ts.post("/octo/bookings", key, TestServer.reserve(uuid, "tour", SLOT, "tour-adult"));
            assertThat(held.status()).as(held.body()).isEqualTo(200);
            TestServer.Answer ok = ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            String text = ok.json()
                    .get("unitItems")
                    .get(0)
                    .get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText();
            passByBooking.put(uuid, PassCodec.decode(text).claims().passId());
            out.add(text);
        }
        return out;
    }

    /** Scans a pass at the gate, asserting the decision came back within {@link #DECISION_BOUND}. */
    Decision scan(String text) {
        long t0 = System.nanoTime();
        Decision d = gate.decide(Credential.qr(text), GateContext.entry("park"));
        long took = System.nanoTime() - t0;
        slowestNanos = Math.max(slowestNanos, took);
        assertThat(Duration.ofNanos(took))
                .as("decision %s while the link is %s", d, proxy.mode())
                .isLessThan(DECISION_BOUND);
        synchronized (decisions) {
            decisions.add(d.eventId());
        }
        sync.entriesAvailable(); // as a lane does: never blocks
        return d;
    }

    /** Scans each pass once (expect ADMIT), and every third one again (expect ALREADY_ENTERED). */
    void scanAll(List<String> passes) {
        for (int i = 0; i < passes.size(); i++) {
            Decision d = scan(passes.get(i));
            assertThat(d.admitted()).as("%s", d).isTrue();
            if (i % 3 == 0) {
                Decision again = scan(passes.get(i));
                assertThat(again.admitted()).as("%s", again).isFalse();
                assertThat(again.reason()).isEqualTo("ALREADY_ENTERED");
            }
        }
    }

    /** One line for the test log: what the faults did. */
    String summary() {
        int dup = acked.values().stream().mapToInt(Integer::intValue).sum()
                - accepted.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(
                "decisions=%d slowest=%dms connections=%d resets=%d dropped=%dB forwarded=%dB slowChunks=%d"
                        + " switches=%d duplicateAcks=%d",
                decisions.size(),
                slowestNanos / 1_000_000,
                proxy.accepted.get(),
                proxy.resets.get(),
                proxy.bytesDropped.get(),
                proxy.bytesForwarded.get(),
                proxy.slowChunks.get(),
                proxy.modeSwitches.get(),
                dup);
    }

    Duration slowestDecision() {
        return Duration.ofNanos(slowestNanos);
    }

    /** Stops the server; the proxy stays, so the terminal sees refused connections. */
    void stopServer() {
        ts.close();
    }

    /** A new server on the same data (same DB, same keys); the proxy now points at it. */
    void startServer() {
        ts = new TestServer(dir.resolve("server"), dbUrl, new MutableClock(TestServer.START), Map.of());
        proxy.upstream(ts.server.port());
    }

    /**
     * After the link is back: waits until the journal is empty, then checks that the server holds every journaled
     * event exactly once (admin API and row count), every event was acknowledged to the in-process terminal and none
     * ACCEPTED twice (a retry of a stored event is DUPLICATE), every admitted pass counts one entry and every booking is
     * REDEEMED.
     */
    void assertExactlyOnce() throws InterruptedException {
        if (gate != null) {
            await(
                    "the journal to drain (pending " + gate.journal().pendingCount() + ")",
                    () -> gate.journal().pendingCount() == 0);
        }
        List<String> decided;
        synchronized (decisions) {
            decided = new ArrayList<>(decisions);
        }
        JsonNode rows = ts.get("/admin/v1/entries?limit=5000&deviceId=" + creds.deviceId(), TestServer.ADMIN)
                .json();
        Map<String, Integer> stored = new HashMap<>();
        for (JsonNode r : rows) {
            stored.merge(r.path("eventId").asText(), 1, Integer::sum);
        }
        assertThat(stored.keySet())
                .as("stored events: zero lost, nothing extra")
                .containsExactlyInAnyOrderElementsOf(decided);
        assertThat(stored.values()).as("zero duplicated").containsOnly(1);
        assertThat(countRows()).isEqualTo(decided.size());
        if (gate != null) {
            assertThat(acked.keySet()).as("acknowledged events").containsExactlyInAnyOrderElementsOf(decided);
            assertThat(accepted.values())
                    .as("no event ACCEPTED twice (a retry is DUPLICATE)")
                    .containsOnly(1);
        }
        for (Map.Entry<String, String> b : passByBooking.entrySet()) {
            assertThat(usedEntries(b.getValue()))
                    .as("entries of pass %s", b.getValue())
                    .isEqualTo(1);
            TestServer.Answer booking = ts.get("/octo/bookings/" + b.getKey(), key);
            assertThat(booking.json().path("status").asText())
                    .as("booking %s", b.getKey())
                    .isEqualTo("REDEEMED");
        }
    }

    long countRows() {
        return ts.server.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM entry_event WHERE device_id=?")) {
                ps.setString(1, creds.deviceId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private int usedEntries(String passId) {
        return ts.server.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT entries FROM pass_use WHERE pass_id=?")) {
                ps.setString(1, passId);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Polls a condition every 50 ms until a 20 s deadline (the poll interval is not synchronisation). */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, Duration.ofSeconds(20));
    }

    /** Waits until {@code condition} holds, failing after {@code bound}. */
    static void await(String what, BooleanSupplier condition, Duration bound) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            synchronized (lock) {
                lock.wait(50);
            }
        }
    }

    @Override
    public void close() {
        System.out.println("[faults] " + summary() + " closed at " + Instant.now());
        if (sync != null) {
            sync.close();
            gate.close();
        }
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
        proxy.close();
        ts.close();
    }
}
