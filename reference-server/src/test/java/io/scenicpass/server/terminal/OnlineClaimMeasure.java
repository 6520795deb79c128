package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateBuilder;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncClient;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load measurement (not a timed assertion): the gate decision with the online claim (the real sdk-terminal Gate asking
 * the real server over loopback HTTP through its SyncClient) against the offline decision of a second gate, pass by
 * pass in the same run. Enabled with {@code -Dscenicpass.bench=true} ({@code -Dscenicpass.bench.pg=true}: PostgreSQL);
 * prints p50/p99/max of both. The budget is set high so every claim is measured to its end; the count over the
 * default 300 ms budget is printed.
 */
@EnabledIfSystemProperty(named = "scenicpass.bench", matches = "true")
class OnlineClaimMeasure {
    static final int PASSES = Integer.getInteger("scenicpass.bench.claims", 2000);

    @TempDir
    Path dir;

    @Test
    void claimRoundTripAgainstOfflineDecision() throws Exception {
        String db = Boolean.getBoolean("scenicpass.bench.pg")
                ? io.scenicpass.server.testing.PostgresServer.get().newDatabase()
                : null;
        System.out.println("BENCH database: " + (db == null ? "H2 file" : "PostgreSQL 15"));
        MutableClock clock = new MutableClock(TerminalFixtures.SLOT_START);
        try (TestServer ts = new TestServer(
                        dir.resolve("server"), db, clock, Map.of("terminal.onlineCheckMillis", "10000"));
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            TerminalFixtures.book(ts, key, "bench-claims"); // the booking the seeded passes belong to
            List<Pass> passes = seed(ts, PASSES);
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");
            Clock gateClock = Clock.fixed(TerminalFixtures.SLOT_START.plusSeconds(600), ZoneOffset.UTC);
            AtomicReference<SyncClient> online = new AtomicReference<>();
            try (Gate claiming = gate(a, "gate-a", gateClock)
                            .onlineCheck(req -> online.get().onlineCheck(req, Duration.ofSeconds(10)))
                            .build();
                    Gate offline = gate(b, "gate-b", gateClock).build();
                    SyncClient syncA =
                            SyncClient.builder(a).gate(claiming).push(false).build();
                    SyncClient syncB =
                            SyncClient.builder(b).gate(offline).push(false).build()) {
                online.set(syncA);
                assertThat(syncA.syncNow().success()).isTrue();
                assertThat(syncB.syncNow().success()).isTrue();
                List<Long> claimed = new ArrayList<>();
                List<Long> local = new ArrayList<>();
                for (int i = 0; i < passes.size(); i++) {
                    Credential c = Credential.qr(passes.get(i).text());
                    long t0 = System.nanoTime();
                    Decision d1 = claiming.decide(c, GateContext.entry("park"));
                    long t1 = System.nanoTime();
                    Decision d2 = offline.decide(c, GateContext.entry("park"));
                    long t2 = System.nanoTime();
                    assertThat(d1.admitted()).as("%s", d1).isTrue();
                    assertThat(d2.admitted()).as("%s", d2).isTrue();
                    if (i >= passes.size() / 10) { // the first tenth warms up both paths
                        claimed.add(t1 - t0);
                        local.add(t2 - t1);
                    }
                }
                assertThat(claiming.onlineCheckStats().answered()).isEqualTo(passes.size());
                long over = claimed.stream().filter(n -> n > 300_000_000L).count();
                System.out.printf(
                        "BENCH %d decisions each. online claim: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d over 300 ms)."
                                + " offline decision: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                        claimed.size(),
                        pct(claimed, 50),
                        pct(claimed, 99),
                        pct(claimed, 100),
                        over,
                        pct(local, 50),
                        pct(local, 99),
                        pct(local, 100));
            }
        }
    }

    private GateBuilder gate(DeviceCredentials d, String gateId, Clock clock) {
        return Gate.builder()
                .stateDirectory(dir.resolve(gateId))
                .rootPublicKey(d.rootPublicKey())
                .deviceId(d.deviceId())
                .gateId(gateId)
                .defaultZone("park")
                .clock(clock)
                .correctClock(false);
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        int i = Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1);
        return s.get(Math.max(0, i)) / 1e6;
    }

    /** Signs {@code n} single-entry "online preferred" passes and stores them as issued (one booking). */
    private static List<Pass> seed(TestServer ts, int n) {
        PassIssuer issuer = new PassIssuer(ts.server.keys().active());
        Instant from = Instant.parse("2026-06-01T16:00:00Z");
        Instant until = Instant.parse("2026-06-02T16:00:00Z");
        List<Pass> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(issuer.issue(Claims.builder()
                    .passId(String.format("C%012d", i))
                    .issuerId(ts.server.config().areaId)
                    .productId("tour")
                    .kind(PassKind.TIMED_SLOT)
                    .validFrom(from)
                    .validUntil(until)
                    .slot(TerminalFixtures.SLOT_START, TerminalFixtures.SLOT_START.plusSeconds(7200))
                    .entriesAllowed(1)
                    .reentry(ReentryPolicy.SINGLE)
                    .zone("park", 1)
                    .channelId("ota")
                    .onlinePreferred(true)
                    .issuedAt(TestServer.START)
                    .build()));
        }
        ts.server.database().tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pass(pass_id, booking_uuid, key_id, pass_text,"
                    + " party_size, valid_from, valid_until, revoked, issued_at) VALUES (?,?,?,?,1,?,?,FALSE,?)")) {
                for (Pass p : out) {
                    ps.setString(1, p.claims().passId());
                    ps.setString(2, "bench-claims");
                    ps.setString(3, p.keyId());
                    ps.setString(4, p.text());
                    ps.setLong(5, from.toEpochMilli());
                    ps.setLong(6, until.toEpochMilli());
                    ps.setLong(7, TestServer.START.toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return out;
    }
}
