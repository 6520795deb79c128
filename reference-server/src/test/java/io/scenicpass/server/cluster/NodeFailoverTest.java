package io.scenicpass.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.testing.PostgresServer;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node failures with two server processes on one PostgreSQL: the singleton jobs run on one node at a time and move
 * to the other after kill -9 of their node; then a real gate uploading through a round-robin load balancer loses
 * the node it is uploading to, mid-batch, and ends with every entry stored exactly once via the surviving node.
 */
@Tag("slow")
@Timeout(150)
class NodeFailoverTest {
    private static final Instant SLOT_START = Instant.parse("2026-06-02T02:00:00Z");
    private static final Duration DECISION_BOUND = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void singletonJobsRunOnOneNodeAndMoveAfterKillThenAGateSurvivesItsNodeDyingMidBatch() throws Exception {
        PostgresServer.assumeAvailable("the failover test");
        try (ClusterRig rig = new ClusterRig(dir, null)) {
            rig.start("A", "B", "C");
            List<ClusterNode.Handle> survivors = jobsRunOnOneNodeAndMoveAfterKill(rig);
            gateSurvivesItsNodeDyingMidBatch(rig, survivors.get(0), survivors.get(1));
        }
    }

    /** Returns the two nodes left. */
    private List<ClusterNode.Handle> jobsRunOnOneNodeAndMoveAfterKill(ClusterRig rig) throws Exception {
        List<ClusterNode.Handle> all = List.of(rig.node("A"), rig.node("B"), rig.node("C"));
        for (String job : List.of("hold-expiry", "flow-alerts")) {
            String gauge = "scenicpass_jobs_" + job.replace('-', '_') + "_runs";
            ClusterNode.await(job + " to have a leader", Duration.ofSeconds(20), () -> owner(rig, job) != null);
            ClusterNode.Handle leader = rig.node(owner(rig, job));
            double before = rig.metric(leader, gauge);
            ClusterNode.await(
                    job + " to run 3 more times on its leader",
                    Duration.ofSeconds(20),
                    () -> rig.metric(leader, gauge) >= before + 3);
            for (ClusterNode.Handle other : all) {
                if (other != leader) {
                    assertThat(rig.metric(other, gauge))
                            .as("%s never ran on node %s", job, other.id)
                            .isZero();
                }
            }
            assertThat(owner(rig, job)).isEqualTo(leader.id);
        }

        // holds taken through both nodes expire once, by the job, after "30 minutes" (both clocks move together)
        for (int i = 0; i < 10; i++) {
            TestServer.Answer held = rig.octo(
                    all.get(i % 3),
                    "POST",
                    "/octo/bookings",
                    rig.otaKey,
                    TestServer.reserve("expire-" + i, "hot", ClusterRig.SLOT, "hot-adult"));
            assertThat(held.status()).as(held.body()).isEqualTo(200);
        }
        String slot = "hot-opt|" + ClusterRig.SLOT;
        assertThat(rig.count("SELECT held FROM slot WHERE id=?", slot)).isEqualTo(10);
        for (ClusterNode.Handle n : all) {
            n.shift(Duration.ofMinutes(31));
        }
        ClusterNode.await(
                "the holds to expire",
                Duration.ofSeconds(20),
                () -> rig.count("SELECT COUNT(*) FROM booking WHERE uuid LIKE 'expire-%' AND status='EXPIRED'") == 10);
        assertThat(rig.count("SELECT held FROM slot WHERE id=?", slot))
                .as("each hold released exactly once")
                .isZero();

        // kill -9 of the leader: the other node takes the lease over once it lapses (3 s)
        ClusterNode.Handle leader = rig.node(owner(rig, "hold-expiry"));
        List<ClusterNode.Handle> left = all.stream().filter(n -> n != leader).toList();
        Instant killed = Instant.now();
        leader.kill();
        ClusterNode.await("another node to take hold expiry over", Duration.ofSeconds(20), () -> {
            String o = owner(rig, "hold-expiry");
            return o != null && !o.equals(leader.id) && rig.metric(rig.node(o), "scenicpass_jobs_hold_expiry_runs") > 0;
        });
        String next = owner(rig, "hold-expiry");
        System.out.println("[cluster] killed job leader " + leader.id + "; " + next + " took hold expiry over after "
                + Duration.between(killed, Instant.now()).toMillis() + " ms (lease 3 s)");
        ClusterNode.await("another node to hold the alert job", Duration.ofSeconds(20), () -> {
            String o = owner(rig, "flow-alerts");
            return o != null && !o.equals(leader.id);
        });
        return left;
    }

    private void gateSurvivesItsNodeDyingMidBatch(ClusterRig rig, ClusterNode.Handle n1, ClusterNode.Handle n2)
            throws Exception {
        Map<String, Integer> accepted = new ConcurrentHashMap<>();
        Map<String, Integer> acked = new ConcurrentHashMap<>();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .writeTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(5))
                .retryOnConnectionFailure(false)
                .addInterceptor(io.scenicpass.server.testing.EntryAcks.recorder(accepted, acked))
                .build();
        try (LoadBalancer lb = new LoadBalancer(List.of(n1.port, n2.port))) {
            TestServer.Answer token =
                    rig.admin(n1, "POST", "/admin/v1/enrollment-tokens", "{\"gateId\":\"gate-a\",\"label\":\"lb\"}");
            assertThat(token.status()).as(token.body()).isEqualTo(201);
            DeviceCredentials creds = new Provisioning(new CredentialStore(dir.resolve("terminal/device.json")))
                    .httpClient(http)
                    .serverUrl(lb.url())
                    .enroll(
                            EnrollmentCode.parse(
                                            token.json().get("enrollmentCode").asText())
                                    .token(),
                            "lb gate",
                            "SP-LB");
            Map<String, String> passByBooking = new HashMap<>();
            List<String> passes = new ArrayList<>();
            for (int i = 0; i < 34; i++) {
                JsonNode b = rig.book(i % 2 == 0 ? n1 : n2, rig.otaKey, "tour", ClusterRig.SLOT, "lb-" + i);
                passes.add(ClusterRig.passText(b));
                passByBooking.put(
                        "lb-" + i,
                        PassCodec.decode(ClusterRig.passText(b)).claims().passId());
            }
            Clock gateClock =
                    Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SLOT_START.plusSeconds(1200)));
            List<String> decisions = new ArrayList<>();
            try (Gate gate = Gate.builder()
                            .stateDirectory(dir.resolve("terminal/gate"))
                            .rootPublicKey(creds.rootPublicKey())
                            .deviceId(creds.deviceId())
                            .gateId("gate-a")
                            .defaultZone("park")
                            .clock(gateClock)
                            .correctClock(false)
                            .build();
                    SyncClient sync = SyncClient.builder(creds)
                            .gate(gate)
                            .httpClient(http)
                            .offlineDetection(1, Duration.ofSeconds(3))
                            .backoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                            .pullInterval(Duration.ofSeconds(1))
                            .entryBatches(4, 50)
                            .build()) {
                ClusterNode.await(
                        "a first sync through the balancer",
                        Duration.ofSeconds(20),
                        () -> sync.syncNow().success());
                lb.chunkDelay = Duration.ofMillis(20); // a slow link: the kill lands mid-upload
                sync.start();
                scanAll(gate, sync, passes.subList(0, 30), decisions);
                String device = creds.deviceId();
                ClusterNode.await(
                        "the uploads to be under way",
                        Duration.ofSeconds(20),
                        () -> rig.count("SELECT COUNT(*) FROM entry_event WHERE device_id=?", device) > 0
                                && lb.lastUploadBackend > 0);
                ClusterNode.Handle victim = lb.lastUploadBackend == n1.port ? n1 : n2;
                ClusterNode.Handle survivor = victim == n1 ? n2 : n1;
                long pendingAtKill = gate.journal().pendingCount();
                victim.kill();
                long storedAtKill = rig.count("SELECT COUNT(*) FROM entry_event WHERE device_id=?", device);
                System.out.println("[cluster] killed node " + victim.id + " (receiving uploads) with " + storedAtKill
                        + " of " + decisions.size() + " entries stored, " + pendingAtKill + " pending on the gate");
                lb.chunkDelay = Duration.ZERO;
                // the gate never stops deciding while its node is gone
                scanAll(gate, sync, passes.subList(30, 34), decisions);
                ClusterNode.await(
                        "the journal to drain via node " + survivor.id,
                        Duration.ofSeconds(30),
                        () -> gate.journal().pendingCount() == 0);
                System.out.println("[cluster] drained via " + survivor.id + "; balancer skipped the dead node "
                        + lb.skipped.get() + " time(s)");
                Map<String, Integer> stored = new HashMap<>();
                JsonNode rows = rig.admin(survivor, "GET", "/admin/v1/entries?limit=5000&deviceId=" + device, null)
                        .json();
                for (JsonNode r : rows) {
                    stored.merge(r.path("eventId").asText(), 1, Integer::sum);
                }
                assertThat(stored.keySet())
                        .as("zero lost, nothing extra")
                        .containsExactlyInAnyOrderElementsOf(decisions);
                assertThat(stored.values()).as("zero duplicated").containsOnly(1);
                assertThat(rig.count("SELECT COUNT(*) FROM entry_event WHERE device_id=?", device))
                        .isEqualTo(decisions.size());
                assertThat(acked.keySet())
                        .as("every event acknowledged")
                        .containsExactlyInAnyOrderElementsOf(decisions);
                assertThat(accepted.values())
                        .as("no event ACCEPTED twice (a retry is DUPLICATE)")
                        .containsOnly(1);
                for (Map.Entry<String, String> b : passByBooking.entrySet()) {
                    assertThat(rig.count("SELECT entries FROM pass_use WHERE pass_id=?", b.getValue()))
                            .as("entries of %s", b.getValue())
                            .isEqualTo(1);
                    assertThat(rig.octo(survivor, "GET", "/octo/bookings/" + b.getKey(), rig.otaKey, null)
                                    .json()
                                    .path("status")
                                    .asText())
                            .as("booking %s", b.getKey())
                            .isEqualTo("REDEEMED");
                }
            } finally {
                http.dispatcher().executorService().shutdownNow();
                http.connectionPool().evictAll();
            }
        }
    }

    /** Scans each pass once (ADMIT) and every third one again (ALREADY_ENTERED), each decided within the bound. */
    private static void scanAll(Gate gate, SyncClient sync, List<String> passes, List<String> decisions) {
        for (int i = 0; i < passes.size(); i++) {
            assertThat(scan(gate, sync, passes.get(i), decisions).admitted()).isTrue();
            if (i % 3 == 0) {
                Decision again = scan(gate, sync, passes.get(i), decisions);
                assertThat(again.reason()).isEqualTo("ALREADY_ENTERED");
            }
        }
    }

    private static Decision scan(Gate gate, SyncClient sync, String pass, List<String> decisions) {
        long t0 = System.nanoTime();
        Decision d = gate.decide(Credential.qr(pass), GateContext.entry("park"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0))
                .as("decision %s", d)
                .isLessThan(DECISION_BOUND);
        decisions.add(d.eventId());
        sync.entriesAvailable();
        return d;
    }

    private static String owner(ClusterRig rig, String job) {
        Object o = rig.sql("SELECT owner FROM job_lease WHERE name=? AND owner<>'-'", job);
        return o == null ? null : o.toString();
    }
}
