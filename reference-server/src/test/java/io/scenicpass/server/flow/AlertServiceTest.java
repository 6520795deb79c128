package io.scenicpass.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.scenicpass.server.flow.store.AlertStore.AlertRow;
import io.scenicpass.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capacity alerts on the demo history at 11:00: the running cable-car slot is past 80 % → raised once, pushed to
 * a terminal's real SSE stream and POSTed to a real notifier (first answer 500, retried), cleared with
 * hysteresis after an operator moves capacity to it; the park alert; the lease keeps the job on one node.
 * Ordered: the first test owns the notifier's first (failing) answer.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class AlertServiceTest {
    @TempDir
    static Path dir;

    static FlowHarness h;
    static HttpServer notifier;
    static final BlockingQueue<String> notified = new LinkedBlockingQueue<>();
    static final AtomicInteger notifierCalls = new AtomicInteger();
    static final BlockingQueue<JsonNode> pushed = new LinkedBlockingQueue<>();
    static okhttp3.Call sse;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        notifier = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notifier.createContext("/notify", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int status = notifierCalls.incrementAndGet() == 1 ? 500 : 200;
            if (status == 200) {
                notified.add(new String(body, StandardCharsets.UTF_8));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        notifier.start();
        h = new FlowHarness(
                dir,
                28,
                FlowConfig.of(Map.of(
                        "flow.notifierUrl",
                        "http://127.0.0.1:" + notifier.getAddress().getPort() + "/notify")));
        CountDownLatchHolder.connected = new java.util.concurrent.CountDownLatch(1);
        sse = h.ts.http
                .newBuilder()
                .readTimeout(Duration.ZERO)
                .build()
                .newCall(new okhttp3.Request.Builder()
                        .url(h.url("/test/events"))
                        .header("Accept", "text/event-stream")
                        .build());
        Thread reader = new Thread(
                () -> {
                    try (okhttp3.Response r = sse.execute();
                            BufferedReader in = new BufferedReader(
                                    new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8))) {
                        String event = null;
                        for (String line; (line = in.readLine()) != null; ) {
                            if (line.startsWith(":")) {
                                CountDownLatchHolder.connected.countDown();
                            } else if (line.startsWith("event:")) {
                                event = line.substring(6).trim();
                            } else if (line.startsWith("data:") && "ALERT".equals(event)) {
                                pushed.add(JSON.readTree(line.substring(5).trim()));
                            }
                        }
                    } catch (Exception e) {
                        // stream closed at the end of the test
                    }
                },
                "sse-reader");
        reader.setDaemon(true);
        reader.start();
        assertThat(CountDownLatchHolder.connected.await(10, TimeUnit.SECONDS)).isTrue();
    }

    static final class CountDownLatchHolder {
        static volatile java.util.concurrent.CountDownLatch connected;
    }

    @AfterAll
    static void stop() {
        sse.cancel();
        h.close();
        notifier.stop(0);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void hotSlotAlertIsRaisedOncePushedNotifiedAndClearedWithHysteresis() throws Exception {
        AlertService.Level hot = h.flow.alerts.levels().stream()
                .filter(l -> l.scope().equals("SLOT"))
                .max(java.util.Comparator.comparingDouble(AlertService.Level::levelPct))
                .orElseThrow();
        assertThat(hot.levelPct()).isGreaterThanOrEqualTo(80.0);
        assertThat(hot.targetId()).startsWith("park-cablecar");

        List<AlertRow> raised = h.flow.alerts.evaluate();
        AlertRow a = raised.stream()
                .filter(r -> r.targetId().equals(hot.targetId()))
                .findFirst()
                .orElseThrow();
        assertThat(a.active()).isTrue();
        assertThat(a.textEn()).contains("Slot park-cablecar 10:00–12:00").contains("places left");
        assertThat(a.textZh()).contains("剩余");
        assertThat(h.flow.alerts.evaluate()).noneMatch(r -> r.targetId().equals(hot.targetId())); // raised ONCE

        JsonNode push = poll(pushed, hot.targetId());
        assertThat(push.get("type").asText()).isEqualTo("ALERT");
        assertThat(push.get("payload").get("state").asText()).isEqualTo("RAISED");
        assertThat(push.get("payload").get("remaining").asInt()).isEqualTo(a.remaining());
        assertThat(push.get("payload").get("en").asText()).isEqualTo(a.textEn());
        assertThat(push.get("payload").get("zh").asText()).isEqualTo(a.textZh());

        // notifier: the first POST gets 500 and stays pending; after the backoff it is delivered
        int before = notifierCalls.get();
        h.flow.alerts.deliverNotifications();
        assertThat(notifierCalls.get()).isGreaterThan(before);
        assertThat(h.flow.alerts.pendingNotifications()).isPositive();
        h.ts.clock.advance(Duration.ofSeconds(11));
        h.flow.alerts.deliverNotifications();
        String body = notified.stream()
                .filter(n -> n.contains(hot.targetId()))
                .findFirst()
                .orElseThrow();
        assertThat(JSON.readTree(body).get("state").asText()).isEqualTo("RAISED");
        assertThat(h.flow.alerts.pendingNotifications()).isZero();

        // the operator moves capacity from the last cable-car slot (suggested by the advisor) → falls below 70 %
        JsonNode suggestions = h.json("/admin/v1/flow/quotas/suggestions");
        assertThat(suggestions)
                .anySatisfy(s -> assertThat(s.get("toSlotId").asText()).isEqualTo(hot.targetId()));
        String donor = h.json("/admin/v1/flow/slots").findValuesAsText("slotId").stream()
                .filter(id -> id.startsWith("park-cablecar"))
                .reduce((x, y) -> y)
                .orElseThrow();
        TestServer.Answer moved = h.send(
                "POST",
                "/admin/v1/flow/quotas/move",
                TestServer.ADMIN,
                "{\"fromSlotId\":\"" + donor + "\",\"toSlotId\":\"" + hot.targetId() + "\",\"places\":250}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode cleared = h.send("POST", "/admin/v1/flow/alerts/evaluate", TestServer.ADMIN, null)
                .json();
        assertThat(cleared.get("changed")).anySatisfy(c -> {
            assertThat(c.get("targetId").asText()).isEqualTo(hot.targetId());
            assertThat(c.get("active").asBoolean()).isFalse();
        });
        assertThat(poll(pushed, hot.targetId()).get("payload").get("state").asText())
                .isEqualTo("CLEARED");
        JsonNode list = h.json("/admin/v1/flow/alerts");
        assertThat(list).anySatisfy(r -> {
            assertThat(r.get("targetId").asText()).isEqualTo(hot.targetId());
            assertThat(r.get("active").asBoolean()).isFalse();
            assertThat(r.get("episode").asInt()).isEqualTo(1);
        });
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void parkAlertWhenOccupancyPassesTheParkCapacity() {
        long occupancy = h.flow.flow.occupancy().park();
        assertThat(occupancy).isPositive();
        FlowModule small = new FlowModule(
                h.ts.server.database(),
                h.ts.clock,
                FlowConfig.of(Map.of("flow.parkCapacity", Long.toString(occupancy))));
        List<AlertRow> changed = small.alerts.evaluate();
        assertThat(changed).anySatisfy(r -> {
            assertThat(r.scope()).isEqualTo("PARK");
            assertThat(r.basis()).isEqualTo("ACTUAL");
            assertThat(r.remaining()).isZero();
        });
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void theScheduledJobRunsOnOneNodeAtATime() {
        FlowModule other = new FlowModule(h.ts.server.database(), h.ts.clock, FlowConfig.defaults());
        boolean first = h.flow.alerts.runScheduled();
        assertThat(first).isTrue();
        assertThat(other.alerts.runScheduled()).isFalse();
        assertThat(h.flow.alerts.runScheduled()).isTrue(); // the holder renews
        h.ts.clock.advance(Duration.ofSeconds(91)); // lease = 3 × 30 s
        assertThat(other.alerts.runScheduled()).isTrue();
        assertThat(h.flow.alerts.runScheduled()).isFalse();
    }

    private static JsonNode poll(BlockingQueue<JsonNode> q, String targetId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode n = q.poll(100, TimeUnit.MILLISECONDS);
            if (n != null && targetId.equals(n.get("payload").path("targetId").asText())) {
                return n;
            }
        }
        throw new AssertionError("no ALERT push for " + targetId);
    }
}
