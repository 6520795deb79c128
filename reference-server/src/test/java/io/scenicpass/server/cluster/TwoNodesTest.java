package io.scenicpass.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.terminal.TerminalFixtures;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.EnrollmentCode;
import io.scenicpass.terminal.sync.Provisioning;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server PROCESSES (child JVMs, jobs running) on different ports share one PostgreSQL: no oversell under
 * concurrent reservations spread over both, an entry batch stored once whichever node receives it, pushes (a
 * cancel's revocation, an operator message, an alert, a device revocation) reaching a terminal stream on the other
 * node through LISTEN/NOTIFY, and the webhook outbox delivered exactly once across both.
 */
@Tag("slow")
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {
    @TempDir
    static Path dir;

    private ClusterRig rig;
    private ClusterNode.Handle a;
    private ClusterNode.Handle b;
    private HttpServer receiver;
    private final Map<String, Integer> hooks = new ConcurrentHashMap<>();

    @BeforeAll
    void start() throws Exception {
        PostgresServer.assumeAvailable("the cluster tests");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        receiver.createContext("/hook", ex -> {
            ex.getRequestBody().readAllBytes();
            hooks.merge(ex.getRequestHeaders().getFirst("ScenicPass-Event-Id"), 1, Integer::sum);
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        rig = new ClusterRig(dir, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        List<ClusterNode.Handle> ab = rig.start("A", "B");
        a = ab.get(0);
        b = ab.get(1);
    }

    @AfterAll
    void stop() {
        if (rig != null) {
            rig.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void concurrentReservationsOverBothNodesNeverOversell() throws Exception {
        int requests = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            ClusterNode.Handle node = i % 2 == 0 ? a : b;
            String uuid = "oversell-" + i;
            results.add(pool.submit(() -> rig.octo(
                            node,
                            "POST",
                            "/octo/bookings",
                            rig.otaKey,
                            TestServer.reserve(uuid, "hot", ClusterRig.SLOT, "hot-adult"))
                    .status()));
        }
        int[] okPerNode = new int[2];
        for (int i = 0; i < requests; i++) {
            int status = results.get(i).get();
            assertThat(status).as("request %d", i).isIn(200, 400, 409);
            if (status == 200) {
                okPerNode[i % 2]++;
            }
        }
        pool.shutdown();
        System.out.println("[cluster] held on A " + okPerNode[0] + ", on B " + okPerNode[1]);
        assertThat(okPerNode[0] + okPerNode[1]).as("exactly the capacity held").isEqualTo(100);
        assertThat(okPerNode[0]).as("both nodes sold").isPositive();
        assertThat(okPerNode[1]).as("both nodes sold").isPositive();
        assertThat(rig.count("SELECT COUNT(*) FROM booking WHERE product_id='hot' AND status='ON_HOLD'"))
                .isEqualTo(100);
        assertThat(rig.count("SELECT held FROM slot WHERE id=?", "hot-opt|" + ClusterRig.SLOT))
                .isEqualTo(100);
    }

    @Test
    void theSameEntryBatchOnBothNodesIsStoredOnce() throws Exception {
        DeviceCredentials creds = enroll(a, "gate-a", "dup");
        String passId = PassCodec.decode(ClusterRig.passText(rig.book(b, rig.otaKey, "tour", ClusterRig.SLOT, "dup-1")))
                .claims()
                .passId();
        Instant at = Instant.parse("2026-06-02T02:10:00Z");
        EntryEvent e = TerminalFixtures.admit(passId, creds.deviceId(), "gate-a", at);
        EntryBatch batch = new EntryBatch(creds.deviceId(), List.of(e));
        EntryAck first = upload(a, creds, batch);
        EntryAck second = upload(b, creds, batch);
        assertThat(first.results().get(0).status()).isEqualTo(EntryAckStatus.ACCEPTED);
        assertThat(second.results().get(0).status())
                .as("node B knows node A stored it")
                .isEqualTo(EntryAckStatus.DUPLICATE);
        assertThat(rig.count("SELECT COUNT(*) FROM entry_event WHERE event_id=?", e.eventId()))
                .isEqualTo(1);
        assertThat(rig.count("SELECT entries FROM pass_use WHERE pass_id=?", passId))
                .isEqualTo(1);
    }

    @Test
    void pushesReachAStreamOnTheOtherNodeThroughNotify() throws Exception {
        DeviceCredentials creds = enroll(a, "gate-b", "push");
        try (SseStream stream = new SseStream(b.url(), creds.deviceToken())) {
            assertThat(stream.await(":", "connected", Duration.ofSeconds(10))).isNotNull();
            double wakesBefore = rig.metric(b, "scenicpass_push_wakeups");
            // a cancel on node A: its revocation reaches node B's stream long before B's 60 s poll
            JsonNode booking = rig.book(a, rig.otaKey, "tour", ClusterRig.SLOT, "push-cancel");
            String passId =
                    PassCodec.decode(ClusterRig.passText(booking)).claims().passId();
            Instant cancelled = Instant.now();
            assertThat(rig.octo(a, "POST", "/octo/bookings/push-cancel/cancel", rig.otaKey, "{\"reason\":\"test\"}")
                            .status())
                    .isEqualTo(200);
            SseStream.Event rev = stream.await("REVOCATION", passId, Duration.ofSeconds(10));
            assertThat(rev).as("revocation of %s pushed by node B", passId).isNotNull();
            Duration took = Duration.between(cancelled, rev.at());
            System.out.println("[cluster] cancel on A -> revocation on B's stream in " + took.toMillis() + " ms");
            assertThat(took).as("NOTIFY, not the poll").isLessThan(ClusterRig.PUSH_POLL.dividedBy(6));
            assertThat(rig.metric(b, "scenicpass_push_wakeups"))
                    .as("node B's hub was woken")
                    .isGreaterThan(wakesBefore);

            // an operator message posted to node A
            assertThat(rig.admin(
                                    a,
                                    "POST",
                                    "/admin/v1/terminal-messages",
                                    "{\"zh\":\"闭园\",\"en\":\"closing-" + passId + "\"}")
                            .status())
                    .isEqualTo(202);
            assertThat(stream.await("MESSAGE", "closing-" + passId, Duration.ofSeconds(10)))
                    .as("message via node A")
                    .isNotNull();

            // an alert raised by whichever node holds the alert job's lease: 9 of 10 places of today's 10:00 slot
            for (int i = 0; i < 9; i++) {
                assertThat(rig.octo(
                                        i % 2 == 0 ? a : b,
                                        "POST",
                                        "/octo/bookings",
                                        rig.otaKey,
                                        TestServer.reserve("busy-" + i, "busy", ClusterRig.TODAY, "busy-adult"))
                                .status())
                        .isEqualTo(200);
            }
            assertThat(stream.await("ALERT", "busy-opt|" + ClusterRig.TODAY, Duration.ofSeconds(15)))
                    .as("alert for the busy slot")
                    .isNotNull();
            Object leader = rig.sql("SELECT owner FROM job_lease WHERE name='flow-alerts'");
            System.out.println("[cluster] alert raised by node " + leader + ", pushed by node B");

            // revoking the device through node A closes its stream on node B
            assertThat(rig.admin(a, "POST", "/admin/v1/terminals/" + creds.deviceId() + "/revoke", null)
                            .status())
                    .isEqualTo(204);
            assertThat(stream.await("END", "", Duration.ofSeconds(10)))
                    .as("stream on B closed")
                    .isNotNull();
        }
    }

    @Test
    void webhooksAreDeliveredExactlyOnceAcrossNodes() throws Exception {
        int n = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JsonNode>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClusterNode.Handle node = i % 2 == 0 ? a : b;
            String uuid = "hook-" + i;
            done.add(pool.submit(() -> rig.book(node, rig.hooksKey, "tour", ClusterRig.SLOT, uuid)));
        }
        for (Future<JsonNode> f : done) {
            f.get();
        }
        pool.shutdown();
        long events = rig.count("SELECT COUNT(*) FROM outbox WHERE channel_id='hooks'");
        assertThat(events).as("one event per confirmation at least").isGreaterThanOrEqualTo(n);
        ClusterNode.await(
                "every webhook delivered",
                Duration.ofSeconds(30),
                () -> rig.count("SELECT COUNT(*) FROM outbox WHERE channel_id='hooks' AND status<>'DELIVERED'") == 0);
        assertThat(hooks).as("every event id received").hasSize((int) events);
        assertThat(hooks.values()).as("each exactly once").containsOnly(1);
        assertThat(rig.count("SELECT MAX(attempts) FROM outbox WHERE channel_id='hooks'"))
                .as("claimed once each")
                .isEqualTo(1);
    }

    private DeviceCredentials enroll(ClusterNode.Handle node, String gate, String name) {
        TestServer.Answer token = rig.admin(
                node,
                "POST",
                "/admin/v1/enrollment-tokens",
                "{\"gateId\":\"" + gate + "\",\"label\":\"" + name + "\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        return new Provisioning(new CredentialStore(dir.resolve("dev-" + name + "/device.json")))
                .serverUrl(node.url())
                .enroll(
                        EnrollmentCode.parse(token.json().get("enrollmentCode").asText())
                                .token(),
                        name,
                        "SP-CLUSTER");
    }

    private EntryAck upload(ClusterNode.Handle node, DeviceCredentials creds, EntryBatch batch) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(WireJson.mapper().writeValueAsBytes(batch));
        }
        Request req = new Request.Builder()
                .url(node.url() + "/terminal/v1/entries")
                .header("Authorization", "Device " + creds.deviceToken())
                .header("Content-Encoding", "gzip")
                .post(RequestBody.create(buf.toByteArray(), MediaType.get("application/json")))
                .build();
        try (Response r = rig.http.newCall(req).execute()) {
            String body = r.body().string();
            assertThat(r.code()).as(body).isEqualTo(200);
            return WireJson.mapper().readValue(body, EntryAck.class);
        }
    }
}
