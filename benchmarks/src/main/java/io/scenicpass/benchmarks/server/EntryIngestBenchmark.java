package io.scenicpass.benchmarks.server;

import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.testing.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Entry ingestion throughput, in events per second, batches of {@value #BATCH} events as terminals upload them.
 *
 * <p>Each invocation gets a fresh batch (new event ids) over passes issued for it beforehand (outside the
 * measured time) through the real booking path: 100 confirmed bookings of 4 adults, single-entry timed passes.
 * A batch holds 400 first admissions (IN, ADMIT) of those passes — so 100 bookings go CONFIRMED → REDEEMED and
 * enqueue 100 BOOKING_REDEEMED webhooks —, 10 second admissions of some of them a minute later (the device uploads for its own gate only, which
 * lets people in and out)
 * (OVERUSE_CONFLICT), 30 exits (OUT, ADMIT) and 60 denied scans (no pass, NOT_FOUND).
 *
 * <ul>
 *   <li>{@code ingest}: {@code EntryService.ingest(device, batch)} — the whole ingestion without HTTP.</li>
 *   <li>{@code ingestHttp}: {@code POST /terminal/v1/entries} with OkHttp, gzip body (compressed beforehand, as
 *   the terminal does), device token; JSON parse, authentication, ingestion, JSON answer.</li>
 *   <li>{@code rawBatchInsert} (the floor): the same number of rows inserted into {@code entry_event} with one
 *   JDBC batch {@code INSERT} in one transaction, same pool, same database, same run.</li>
 * </ul>
 *
 * <p>H2 runs in file mode in a temp directory (the server's default URL); PostgreSQL 15 is started by the
 * benchmark ({@link PostgresServer}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
public class EntryIngestBenchmark {
    /** Events per upload. */
    public static final int BATCH = 500;

    static final Instant SLOT_START = IngestFixture.SLOT_START;
    static final int BOOKINGS = 100;
    static final int PARTY = 4;

    @Param({"h2", "postgres"})
    public String db;

    ScenicPassServer server;
    IngestFixture fixture;
    DataSource ds;
    DeviceRow device;
    String deviceToken;
    OkHttpClient http;
    Path dir;
    final AtomicLong seq = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("sp-bench-ingest");
        server = BenchServer.start(db, dir);
        fixture = new IngestFixture(
                server,
                "tour",
                new Channel("ota", "ota", "OTA", "http://203.0.113.9:9/hook", "secret", 100_000, 100_000, true));
        server.admin().putGate(new SiteStore.Gate("gate-b", "Gate B", "park", "IN"));
        device = fixture.device;
        deviceToken = fixture.deviceToken;
        ds = server.database().dataSource();
        http = new OkHttpClient.Builder().callTimeout(Duration.ofMinutes(2)).build();
        // One batch outside the measurement, to check the mix answers as described.
        Map<EntryAckStatus, Integer> statuses = new EnumMap<>(EntryAckStatus.class);
        for (EntryAckItem item : server.entries().ingest(device, newBatch(true)).results()) {
            statuses.merge(item.status(), 1, Integer::sum);
        }
        if (statuses.getOrDefault(EntryAckStatus.OVERUSE_CONFLICT, 0) != 10
                || statuses.getOrDefault(EntryAckStatus.ACCEPTED, 0) != BATCH - 10) {
            throw new IllegalStateException("unexpected answers for the sample batch: " + statuses);
        }
        System.out.println("\n[entry-ingest] sample batch answers: " + statuses);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Connection c = ds.getConnection();
                var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM entry_event), (SELECT COUNT(*) FROM"
                        + " overuse_conflict), (SELECT COUNT(*) FROM booking WHERE status='REDEEMED')")) {
            rs.next();
            System.out.println("\n[entry-ingest] " + db + ": entry_event rows " + rs.getLong(1) + ", conflicts "
                    + rs.getLong(2) + ", redeemed bookings " + rs.getLong(3));
        } catch (SQLException e) {
            System.out.println("\n[entry-ingest] counts unavailable: " + e);
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        server.close();
        BenchServer.deleteTree(dir);
    }

    /** A fresh batch: with {@code issue}, over passes issued now; otherwise rows only (pass ids unknown). */
    EntryBatch newBatch(boolean issue) throws SQLException {
        long n = seq.incrementAndGet();
        List<String> passes = new ArrayList<>();
        if (issue) {
            passes.addAll(fixture.issue("bk-" + n, BOOKINGS, PARTY));
            if (passes.size() != BOOKINGS * PARTY) {
                throw new IllegalStateException("issued " + passes.size() + " passes");
            }
        } else {
            for (int i = 0; i < BOOKINGS * PARTY; i++) {
                passes.add("unissued-" + n + "-" + i);
            }
        }
        List<EntryEvent> events = new ArrayList<>(BATCH);
        for (int i = 0; i < passes.size(); i++) {
            events.add(event(passes.get(i), Direction.IN, Verdict.ADMIT, "OK", SLOT_START.plusSeconds(i)));
        }
        for (int i = 0; i < 10; i++) { // the same pass again a minute later: over-use
            events.add(
                    event(passes.get(i * 37), Direction.IN, Verdict.ADMIT, "OK", SLOT_START.plusSeconds(i * 37 + 60)));
        }
        for (int i = 0; i < 30; i++) {
            events.add(event(
                    passes.get(i * 13 + 1), Direction.OUT, Verdict.ADMIT, "OK", SLOT_START.plusSeconds(3600 + i)));
        }
        while (events.size() < BATCH) {
            events.add(event(null, Direction.IN, Verdict.DENY, "NOT_FOUND", SLOT_START.plusSeconds(events.size())));
        }
        return new EntryBatch(device.id(), events);
    }

    EntryEvent event(String passId, Direction dir, Verdict verdict, String reason, Instant at) {
        return fixture.event(UUID.randomUUID().toString(), passId, dir, verdict, reason, at);
    }

    /** A batch over freshly issued passes, for the ingestion benchmarks (issuance is not measured). */
    @State(Scope.Thread)
    public static class Issued {
        EntryBatch batch;
        byte[] gzip;

        @Setup(Level.Invocation)
        public void next(EntryIngestBenchmark b) throws Exception {
            batch = b.newBatch(true);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(WireJson.mapper().writeValueAsBytes(batch));
            }
            gzip = buf.toByteArray();
        }
    }

    /** Fresh rows for the floor. */
    @State(Scope.Thread)
    public static class Rows {
        EntryBatch batch;

        @Setup(Level.Invocation)
        public void next(EntryIngestBenchmark b) throws Exception {
            batch = b.newBatch(false);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public EntryAck ingest(Issued in) {
        return server.entries().ingest(device, in.batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ingestHttp(Issued in) throws IOException {
        Request req = new Request.Builder()
                .url(server.baseUrl() + "/terminal/v1/entries")
                .header("Authorization", "Device " + deviceToken)
                .header("Content-Encoding", "gzip")
                .post(RequestBody.create(in.gzip, MediaType.get("application/json")))
                .build();
        try (Response r = http.newCall(req).execute()) {
            String body = r.body().string();
            if (r.code() != 200) {
                throw new IllegalStateException("HTTP " + r.code() + ": " + body);
            }
            return body.length();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int rawBatchInsert(Rows in) throws SQLException {
        return fixture.rawInsert(in.batch.events(), System.currentTimeMillis());
    }
}
