package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 #9, a connection-pool deadlock: a request that takes a second pooled connection while its transaction
 * holds the first waits forever once every connection is taken. With a pool of ONE connection (and the tests'
 * strict nesting check) the whole flow — availability, reserve, confirm, cancel, expiry, admin catalogue, channel
 * and key changes, device enrollment, sync and entry upload, webhooks, the jobs — must still answer, each within the
 * pool's short wait. An exhausted pool answers 503 "busy" with Retry-After, never an internal error.
 */
@Timeout(90)
class OneConnectionPoolTest {
    static final String SLOT_ID = "tour-opt|" + SecurityFixture.SLOT;

    @TempDir
    Path dir;

    @Test
    void theWholeFlowRunsOnAPoolOfOneConnection() throws Exception {
        try (TestServer ts = SecurityFixture.server(
                dir,
                Map.of("db.poolSize", "1", "db.poolTimeoutMillis", "3000", "webhooks.allowPrivateTargets", "true"))) {
            ts.server.catalogue().setDayPoolDefault("park", 1_000);
            // admin: channels (a webhook URL so that the outbox and its delivery job run too) and catalogue
            ok(ts.post(
                    "/admin/v1/channels",
                    TestServer.ADMIN,
                    "{\"id\":\"ota\",\"webhookUrl\":\"http://127.0.0.1:9/hook\","
                            + "\"webhookSecret\":\"s\",\"ratePerSecond\":1000,\"burst\":1000}"));
            ok(ts.send("PATCH", "/admin/v1/channels/ota", TestServer.ADMIN, "{\"ratePerSecond\":500}", Map.of()));
            String key = ts.post("/admin/v1/channels/ota/keys", TestServer.ADMIN, null)
                    .json()
                    .get("apiKey")
                    .asText();
            ok(ts.send(
                    "PUT",
                    "/admin/v1/prices",
                    TestServer.ADMIN,
                    "{\"unitId\":\"tour-adult\",\"channelId\":\"ota\"," + "\"retail\":12000}",
                    Map.of()));
            ok(ts.send("PUT", "/admin/v1/products/tour/active", TestServer.ADMIN, "{\"active\":true}", Map.of()));
            ok(ts.get("/admin/v1/products", TestServer.ADMIN));
            ok(ts.get("/octo/products", key));
            ok(ts.post(
                    "/octo/availability",
                    key,
                    "{\"productId\":\"tour\",\"optionId\":\"tour-opt\"," + "\"localDate\":\"2026-06-02\"}"));
            ok(ts.get("/admin/v1/slots?productId=tour&from=2026-06-02", TestServer.ADMIN));
            ok(ts.send(
                    "PUT",
                    "/admin/v1/slots/" + SLOT_ID + "/capacity",
                    TestServer.ADMIN,
                    "{\"capacity\":400}",
                    Map.of()));
            ok(ts.send("PUT", "/admin/v1/day-pools/park/2026-06-02", TestServer.ADMIN, "{\"capacity\":900}", Map.of()));
            // bookings: the shared pool (combined holds), then an allotment (the transaction that read it on a second
            // connection), confirm, cancel, update, expiry
            ok(ts.post("/octo/bookings", key, SecurityFixture.reserveBody("h1", "R1")));
            ok(ts.send(
                    "PUT",
                    "/admin/v1/slots/" + SLOT_ID + "/allotments/ota",
                    TestServer.ADMIN,
                    "{\"capacity\":5}",
                    Map.of()));
            ok(ts.post("/octo/bookings", key, SecurityFixture.reserveBody("h2", "R2")));
            ok(ts.post("/octo/bookings", key, SecurityFixture.reserveBody("h3", "R3")));
            ok(ts.post("/octo/bookings", key, SecurityFixture.reserveBody("h4", "R4")));
            // a product in the daily pool: its holds are transactions that look up the allotment (cold cache) inside
            ts.product("pooled", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, "park");
            ok(ts.post(
                    "/octo/bookings", key, TestServer.reserve("p1", "pooled", SecurityFixture.SLOT, "pooled-adult")));
            ok(ts.post("/octo/bookings/p1/confirm", key, "{}"));
            Answer confirmed = ok(ts.post("/octo/bookings/h1/confirm", key, "{}"));
            ok(ts.post("/octo/bookings/h2/confirm", key, "{}"));
            ok(ts.post("/octo/bookings/h2/cancel", key, "{}"));
            ok(ts.send("PATCH", "/octo/bookings/h3", key, "{\"notes\":\"window seat\"}", Map.of()));
            ok(ts.post("/octo/bookings/h3/extend", key, "{\"expirationMinutes\":5}"));
            ok(ts.get("/octo/bookings?localDate=2026-06-02", key));
            String pass = confirmed
                    .json()
                    .get("unitItems")
                    .get(0)
                    .get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText();
            // a device: enrollment, its sync feeds, an entry upload (REDEEMED + webhook in one transaction)
            DeviceCredentials gate = SecurityFixture.enroll(ts, dir.resolve("gate"), "gate-a");
            String device = "Device " + gate.deviceToken();
            for (String feed : List.of("keyset", "revocations", "blacklist", "manifest", "config")) {
                ok(SecurityFixture.send(ts, "GET", "/terminal/v1/" + feed, device, null));
            }
            EntryAck ack = SecurityFixture.uploadOk(
                    ts,
                    gate,
                    new EntryBatch(
                            gate.deviceId(),
                            List.of(SecurityFixture.admit(
                                    SecurityFixture.passId(pass), gate, SecurityFixture.SLOT_START.plusSeconds(60)))));
            assertThat(ack.results()).extracting(EntryAckItem::status).containsExactly(EntryAckStatus.ACCEPTED);
            ok(ts.get("/octo/bookings/h1", key));
            // more admin: keys, blacklist, revocations, terminals, the dashboard's JSON
            ok(ts.post("/admin/v1/keys/rotate", TestServer.ADMIN, null));
            ok(ts.get("/admin/v1/keys", TestServer.ADMIN));
            ok(ts.post(
                    "/admin/v1/blacklist",
                    TestServer.ADMIN,
                    "{\"binding\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"note\":\"lost\"}"));
            ok(ts.get("/admin/v1/revocations", TestServer.ADMIN));
            ok(ts.get("/admin/v1/terminals", TestServer.ADMIN));
            ok(ts.get("/admin/v1/flow/summary", TestServer.ADMIN));
            ok(ts.get("/admin/v1/flow/slots", TestServer.ADMIN));
            ok(ts.get("/metrics", null));
            // the jobs, as the scheduler runs them
            ts.clock.advance(Duration.ofMinutes(31)); // h3 (extended to 5 min) and h4 expire
            assertThat(ts.server
                            .leases()
                            .runIfLeader(
                                    "hold-expiry",
                                    Duration.ofMinutes(1),
                                    () -> assertThat(ts.server.inventory().expireDueHolds())
                                            .isEqualTo(2)))
                    .isTrue();
            ts.server.webhooks().deliverDue(); // the receiver is down: rescheduled, not lost
            assertThat(ts.server.webhooks().pending()).isGreaterThan(0);
            ts.server.flow().alerts.evaluate();
            ts.server.flow().alerts.deliverNotifications();
            ts.server.syncFeeds().refreshManifest();
            ok(ts.post("/admin/v1/inventory/repair?dryRun=true", TestServer.ADMIN, null));
            assertThat(ts.server.inventory().repair().check()).isEmpty();
        }
    }

    @Test
    void anExhaustedPoolAnswers503BusyWithRetryAfter() throws Exception {
        try (TestServer ts = SecurityFixture.server(dir, Map.of("db.poolSize", "1", "db.poolTimeoutMillis", "300"))) {
            String key = ts.channel("ota", 1000, 1000, null);
            ok(ts.post("/octo/bookings", key, SecurityFixture.reserveBody("b1", "R1")));
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> ts.server
                    .database()
                    .tx(
                            c -> { // takes the only connection
                                holding.countDown();
                                try {
                                    release.await(30, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return null;
                            }));
            holder.start();
            try {
                assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
                Answer octo = ts.get("/octo/bookings/b1", key);
                assertThat(octo.status()).as(octo.body()).isEqualTo(503);
                assertThat(octo.headers()).containsEntry("retry-after", "1");
                assertThat(octo.json().get("error").asText()).isEqualTo("TOO_MANY_REQUESTS");
                assertThat(octo.json().get("errorMessage").asText()).contains("busy");
                Answer admin = ts.get("/admin/v1/channels", TestServer.ADMIN);
                assertThat(admin.status()).as(admin.body()).isEqualTo(503);
                assertThat(admin.headers()).containsEntry("retry-after", "1");
                assertThat(admin.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
                Answer terminal = SecurityFixture.send(ts, "GET", "/terminal/v1/config", "Device nope", null);
                assertThat(terminal.status()).as(terminal.body()).isIn(401, 503);
                assertThat(terminal.body()).doesNotContain("INTERNAL");
            } finally {
                release.countDown();
                holder.join();
            }
            // and once the connection is back, the same request is served
            assertThat(ts.get("/octo/bookings/b1", key).status()).isEqualTo(200);
        }
    }

    private static Answer ok(Answer a) {
        assertThat(a.status()).as(a.body()).isBetween(200, 299);
        return a;
    }
}
