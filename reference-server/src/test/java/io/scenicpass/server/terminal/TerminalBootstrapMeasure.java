package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.server.terminal.TerminalFixtures.ListOutbox;
import io.scenicpass.server.terminal.TerminalHarness.MemoryState;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncClient;
import io.scenicpass.terminal.sync.SyncReport;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load measurement (not a timed assertion): a terminal bootstraps 150,000 manifest passes and 100,000
 * revocations from the real server over loopback with the real sdk-terminal sync client. Enabled with
 * {@code -Dscenicpass.bench=true}; prints the wall-clock times of the bootstrap pulls.
 */
@EnabledIfSystemProperty(named = "scenicpass.bench", matches = "true")
class TerminalBootstrapMeasure {
    static final int PASSES = Integer.getInteger("scenicpass.bench.passes", 150_000);
    static final int REVOCATIONS = Integer.getInteger("scenicpass.bench.revocations", 100_000);

    @TempDir
    Path dir;

    @Test
    void bootstrap() throws Exception {
        String db = Boolean.getBoolean("scenicpass.bench.pg")
                ? io.scenicpass.server.testing.PostgresServer.get().newDatabase()
                : null;
        System.out.println("BENCH database: " + (db == null ? "H2 file" : "PostgreSQL 15"));
        try (TestServer ts = new TestServer(
                        dir.resolve("server"),
                        db,
                        new io.scenicpass.server.testing.MutableClock(TestServer.START),
                        java.util.Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            String text = TerminalFixtures.book(ts, key, "bench-booking");
            String booking = "bench-booking";
            DeviceCredentials creds = th.enroll(dir.resolve("gate"), "gate-a");
            try (SyncClient warm = SyncClient.builder(creds)
                    .state(new MemoryState())
                    .outbox(new ListOutbox())
                    .push(false)
                    .build()) {
                assertThat(warm.syncNow().success()).isTrue(); // loads the client's classes before the long seeding
            }
            long t0 = System.nanoTime();
            PassIssuer issuer = new PassIssuer(ts.server.keys().active());
            Instant from = Instant.parse("2026-06-01T16:00:00Z");
            Instant until = Instant.parse("2026-06-02T16:00:00Z");
            Instant issuedAt = TestServer.START.minusSeconds(86_400); // sold over the previous days
            ts.server.database().tx(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO pass(pass_id, booking_uuid, key_id, pass_text,"
                                + " party_size, valid_from, valid_until, revoked, issued_at) VALUES (?,?,?,?,1,?,?,FALSE,?)")) {
                    String area = ts.server.config().areaId;
                    List<Pass> signed = java.util.stream.IntStream.range(0, PASSES)
                            .parallel()
                            .mapToObj(i -> issuer.issue(Claims.builder()
                                    .passId(String.format("B%012d", i))
                                    .issuerId(area)
                                    .productId("tour")
                                    .kind(PassKind.TIMED_SLOT)
                                    .validFrom(from)
                                    .validUntil(until)
                                    .slot(TerminalFixtures.SLOT_START, TerminalFixtures.SLOT_START.plusSeconds(7200))
                                    .entriesAllowed(1)
                                    .reentry(ReentryPolicy.SINGLE)
                                    .zone("park", 1)
                                    .channelId("ota")
                                    .issuedAt(issuedAt)
                                    .build()))
                            .collect(java.util.stream.Collectors.toList());
                    for (int i = 0; i < PASSES; i++) {
                        Pass p = signed.get(i);
                        ps.setString(1, p.claims().passId());
                        ps.setString(2, booking);
                        ps.setString(3, p.keyId());
                        ps.setString(4, p.text());
                        ps.setLong(5, from.toEpochMilli());
                        ps.setLong(6, until.toEpochMilli());
                        ps.setLong(7, issuedAt.toEpochMilli());
                        ps.addBatch();
                        if (i % 5000 == 4999) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO revocation(pass_id, revoked_at, reason) VALUES (?,?,'BENCH')")) {
                    for (int i = 0; i < REVOCATIONS; i++) {
                        ps.setString(1, String.format("R%012d", i));
                        ps.setLong(2, TestServer.START.toEpochMilli());
                        ps.addBatch();
                        if (i % 5000 == 4999) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                return null;
            });
            long seeded = System.nanoTime();
            th.feeds.refreshManifest(true); // the full reconcile (passes were stored with an older issue time)
            long indexed = System.nanoTime();
            System.out.printf(
                    "BENCH seed %d passes + %d revocations: %d ms; manifest catch-up: %d ms; pass text %d chars%n",
                    PASSES, REVOCATIONS, (seeded - t0) / 1_000_000, (indexed - seeded) / 1_000_000, text.length());
            List<Long> runs = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                MemoryState state = new MemoryState();
                try (SyncClient sync = SyncClient.builder(creds)
                        .state(state)
                        .outbox(new ListOutbox())
                        .push(false)
                        .pullPages(50_000, 50)
                        .build()) {
                    long gc0 = gcMillis();
                    long s = System.nanoTime();
                    SyncReport r = sync.syncNow();
                    long ms = (System.nanoTime() - s) / 1_000_000;
                    System.out.printf("BENCH   of which GC pauses %d ms%n", gcMillis() - gc0);
                    assertThat(r.success()).as(r.toString()).isTrue();
                    assertThat(state.manifest).hasSizeGreaterThanOrEqualTo(PASSES);
                    assertThat(state.revocations.size()).isGreaterThanOrEqualTo(REVOCATIONS);
                    runs.add(ms);
                    System.out.printf(
                            "BENCH run %d: full bootstrap (key set, %d revocations, blacklist, config, %d manifest"
                                    + " passes) in %d ms%n",
                            run + 1, state.revocations.size(), state.manifest.size(), ms);
                }
            }
            List<Long> sorted = new ArrayList<>(runs);
            Collections.sort(sorted);
            for (int i = 0; i < 3; i++) {
                long a = System.nanoTime();
                th.feeds.writeManifest(
                        0,
                        200_000,
                        io.scenicpass.core.wire.WireJson.mapper()
                                .getFactory()
                                .createGenerator(java.io.OutputStream.nullOutputStream()));
                long b = System.nanoTime();
                th.feeds.writeRevocations(
                        0,
                        200_000,
                        io.scenicpass.core.wire.WireJson.mapper()
                                .getFactory()
                                .createGenerator(java.io.OutputStream.nullOutputStream()));
                long c2 = System.nanoTime();
                long[] http = new long[4];
                int k = 0;
                for (String enc : new String[] {"gzip", "identity"}) {
                    for (String path : new String[] {
                        "/terminal/v1/manifest?cursor=0&limit=200000", "/terminal/v1/revocations?since=0&limit=200000"
                    }) {
                        long h0 = System.nanoTime();
                        try (okhttp3.Response r = ts.http
                                .newCall(new okhttp3.Request.Builder()
                                        .url(th.baseUrl() + path)
                                        .header("Authorization", "Device " + creds.deviceToken())
                                        .header("Accept-Encoding", enc)
                                        .build())
                                .execute()) {
                            byte[] body = r.body().bytes();
                            long n = body.length;
                            http[k++] = (System.nanoTime() - h0) / 1_000_000;
                            long p0 = System.nanoTime();
                            Class<?> type = path.contains("manifest")
                                    ? io.scenicpass.core.wire.ManifestDelta.class
                                    : io.scenicpass.core.wire.RevocationDelta.class;
                            if (enc.equals("identity")) {
                                io.scenicpass.core.wire.WireJson.mapper().readValue(body, type);
                            }
                            System.out.printf(
                                    "BENCH   client-side parse of that body: %d ms%n",
                                    (System.nanoTime() - p0) / 1_000_000);
                            System.out.printf("BENCH raw %s %s: %d bytes in %d ms%n", enc, path, n, http[k - 1]);
                        }
                    }
                }
                System.out.printf(
                        "BENCH server-side write: manifest %d ms, revocations %d ms%n",
                        (b - a) / 1_000_000, (c2 - b) / 1_000_000);
            }
            System.out.printf(
                    "BENCH bootstrap ms: runs %s, median %d (first run includes JIT warm-up)%n",
                    runs, sorted.get(sorted.size() / 2));
        }
    }

    private static long gcMillis() {
        long t = 0;
        for (java.lang.management.GarbageCollectorMXBean b :
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, b.getCollectionTime());
        }
        return t;
    }
}
