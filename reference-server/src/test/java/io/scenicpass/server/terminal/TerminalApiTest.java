package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.PushMessage;
import io.scenicpass.core.wire.PushType;
import io.scenicpass.core.wire.TelemetryKind;
import io.scenicpass.core.wire.TelemetryReading;
import io.scenicpass.core.wire.WireHeaders;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.terminal.TerminalFixtures.ListOutbox;
import io.scenicpass.server.terminal.TerminalHarness.MemoryState;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.state.OveruseNotice;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncClient;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import io.scenicpass.terminal.sync.SyncListener;
import io.scenicpass.terminal.sync.SyncReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real sdk-terminal sync client against the real server's terminal API over HTTP (H2). */
class TerminalApiTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static TerminalHarness th;
    static String key;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir.resolve("server"));
        key = TerminalFixtures.setUp(ts);
        th = new TerminalHarness(ts);
    }

    @AfterAll
    static void stop() {
        th.close();
        ts.close();
    }

    private static SyncClient client(DeviceCredentials creds, MemoryState state, ListOutbox outbox) {
        return SyncClient.builder(creds)
                .state(state)
                .outbox(outbox)
                .push(false)
                .pullPages(10_000, 10)
                .build();
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling a condition with a deadline, not synchronisation by sleep
        }
    }

    @Test
    void enrollsAndPullsEveryFeed(@TempDir Path gate) {
        String kept = TerminalFixtures.book(ts, key, "feeds-kept");
        String cancelled = TerminalFixtures.book(ts, key, "feeds-cancelled");
        assertThat(ts.post("/octo/bookings/feeds-cancelled/cancel", key, "{}").status())
                .isEqualTo(200);
        byte[] binding = new byte[16];
        binding[0] = 7;
        String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(binding);
        assertThat(ts.post("/admin/v1/blacklist", TestServer.ADMIN, "{\"binding\":\"" + b64 + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(th.send(
                                "PUT",
                                "/admin/v1/passes/" + TerminalFixtures.passId(kept) + "/credentials",
                                "Bearer " + TestServer.ADMIN,
                                "{\"cardUids\":[\"04A1B2C3\"],\"holderBindings\":[\"" + b64 + "\"]}")
                        .status())
                .isEqualTo(204);

        DeviceCredentials creds = th.enroll(gate, "gate-a");
        assertThat(creds.gateId()).isEqualTo("gate-a");
        th.feeds.refreshManifest(); // the server refreshes at most every 5 s; the test does not wait for it
        assertThat(creds.rootPublicKey()).isEqualTo(ts.server.keys().root().publicKey());
        MemoryState state = new MemoryState();
        try (SyncClient sync = client(creds, state, new ListOutbox())) {
            SyncReport r = sync.syncNow();
            assertThat(r.success()).as(r.toString()).isTrue();
        }
        assertThat(state.keys.active(Instant.now()).orElseThrow().keyId())
                .isEqualTo(ts.server.keys().active().keyId());
        assertThat(state.revocations.isRevoked(TerminalFixtures.passId(cancelled)))
                .isTrue();
        assertThat(state.revocations.isRevoked(TerminalFixtures.passId(kept))).isFalse();
        assertThat(state.blacklist.isBlacklisted(binding)).isTrue();
        assertThat(state.manifest)
                .containsKey(TerminalFixtures.passId(kept))
                .doesNotContainKey(TerminalFixtures.passId(cancelled));
        assertThat(state.manifest.get(TerminalFixtures.passId(kept)).passText()).isEqualTo(kept);
        assertThat(state.manifest.get(TerminalFixtures.passId(kept)).cardUids()).containsExactly("04A1B2C3");
        assertThat(state.config.gateId()).isEqualTo("gate-a");
        assertThat(state.config.zones()).containsExactly("park");
        assertThat(state.config.messages().get("ALREADY_ENTERED").zh()).isEqualTo("门票已使用");
        assertThat(Base64.getDecoder().decode(state.config.holderBindingKey())).hasSize(32);
        // the one-time token is spent
        assertThat(th.send("POST", "/terminal/v1/enroll", null, "{\"token\":\"enr_nope\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void uploadTwiceIsIdempotentAndRedeems(@TempDir Path gate) throws Exception {
        String text = TerminalFixtures.book(ts, key, "redeem-1");
        String passId = TerminalFixtures.passId(text);
        DeviceCredentials creds = th.enroll(gate, "gate-a");
        ListOutbox outbox = new ListOutbox();
        List<EntryEvent> events = new ArrayList<>();
        events.add(TerminalFixtures.admit(passId, creds.deviceId(), "gate-a", TerminalFixtures.SLOT_START));
        events.add(TerminalFixtures.admit(null, creds.deviceId(), "gate-a", TerminalFixtures.SLOT_START).toBuilder()
                .verdict(io.scenicpass.core.Verdict.DENY)
                .reason("MALFORMED")
                .build());
        events.forEach(outbox::add);
        try (SyncClient sync = client(creds, new MemoryState(), outbox)) {
            SyncReport r = sync.syncNow();
            assertThat(r.success()).as(r.toString()).isTrue();
            assertThat(r.entriesUploaded()).isEqualTo(2);
        }
        assertThat(outbox.pending).isEmpty();
        // the same batch again (gzip, as the client sends it): every event is a duplicate
        EntryAck again = postEntries(creds, new EntryBatch(creds.deviceId(), events));
        assertThat(again.results())
                .extracting(EntryAckItem::status)
                .containsOnly(EntryAckStatus.DUPLICATE)
                .hasSize(2);
        JsonNode booking = ts.get("/octo/bookings/redeem-1", key).json();
        assertThat(booking.get("status").asText()).isEqualTo("REDEEMED");
        assertThat(booking.get("utcRedeemedAt").isNull()).isFalse();
        assertThat(booking.get("unitItems").get(0).get("status").asText()).isEqualTo("REDEEMED");
        List<String> types = ts.server.database().read(c -> {
            List<String> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT event_type FROM outbox WHERE payload LIKE ?")) {
                ps.setString(1, "%redeem-1%");
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
        assertThat(types).containsExactlyInAnyOrder("BOOKING_CONFIRMED", "BOOKING_REDEEMED");
    }

    @Test
    void offlineOveruseAcrossTwoGatesIsAConflictForTheLaterEntry(@TempDir Path g1, @TempDir Path g2) {
        String passId = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "overuse-1"));
        DeviceCredentials a = th.enroll(g1, "gate-a");
        DeviceCredentials b = th.enroll(g2, "gate-b");
        ListOutbox outA = new ListOutbox();
        ListOutbox outB = new ListOutbox();
        EntryEvent early = TerminalFixtures.admit(passId, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START);
        EntryEvent late =
                TerminalFixtures.admit(passId, b.deviceId(), "gate-b", TerminalFixtures.SLOT_START.plusSeconds(300));
        outA.add(early);
        outB.add(late);
        List<OveruseNotice> reported = new ArrayList<>();
        try (SyncClient sa = client(a, new MemoryState(), outA);
                SyncClient sb = SyncClient.builder(b)
                        .state(new MemoryState())
                        .outbox(outB)
                        .push(false)
                        .listener(new SyncListener() {
                            @Override
                            public void overuseConflict(OveruseNotice c) {
                                reported.add(c);
                            }
                        })
                        .build()) {
            assertThat(sa.syncNow().conflicts()).isZero();
            SyncReport rb = sb.syncNow();
            assertThat(rb.conflicts()).isEqualTo(1);
            assertThat(sb.overuseConflicts()).extracting(OveruseNotice::eventId).containsExactly(late.eventId());
        }
        assertThat(reported).extracting(OveruseNotice::passId).containsExactly(passId);
        assertThat(reported.get(0).message()).contains("gate-a");
        JsonNode conflicts = th.admin("GET", "/admin/v1/overuse-conflicts", null);
        boolean listed = false;
        for (JsonNode c : conflicts) {
            if (c.get("eventId").asText().equals(late.eventId())) {
                listed = true;
                assertThat(c.get("priorEventId").asText()).isEqualTo(early.eventId());
                assertThat(c.get("gateId").asText()).isEqualTo("gate-b");
            }
        }
        assertThat(listed).as(conflicts.toString()).isTrue();
    }

    @Test
    void revokedDeviceIsRefusedAtOnce(@TempDir Path gate) {
        DeviceCredentials creds = th.enroll(gate, "gate-b");
        String auth = "Device " + creds.deviceToken();
        assertThat(th.send("GET", "/terminal/v1/config", auth, null).status()).isEqualTo(200);
        assertThat(th.send(
                                "POST",
                                "/admin/v1/terminals/" + creds.deviceId() + "/revoke",
                                "Bearer " + TestServer.ADMIN,
                                "{}")
                        .status())
                .isEqualTo(204);
        TestServer.Answer refused = th.send("GET", "/terminal/v1/config", auth, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(refused.headers()).containsKey(WireHeaders.SERVER_TIME.toLowerCase(java.util.Locale.ROOT));
        try (SyncClient sync = client(creds, new MemoryState(), new ListOutbox())) {
            SyncReport r = sync.syncNow();
            assertThat(r.success()).isFalse();
            assertThat(r.failure().map(SyncException::code)).contains(SyncErrorCode.UNAUTHORIZED);
        }
    }

    @Test
    void pushesMessagesAlertsRevocationsAndCapacityOverSse(@TempDir Path gate) throws Exception {
        TerminalFixtures.book(ts, key, "push-1");
        DeviceCredentials creds = th.enroll(gate, "gate-a");
        MemoryState state = new MemoryState();
        BlockingQueue<PushMessage> shown = new LinkedBlockingQueue<>();
        int streamsBefore = th.push.connected();
        try (SyncClient sync = SyncClient.builder(creds)
                .state(state)
                .pullInterval(Duration.ofHours(1))
                .listener(new SyncListener() {
                    @Override
                    public void displayPush(PushMessage m) {
                        shown.add(m);
                    }
                })
                .build()) {
            sync.start();
            await("push stream", sync::pushConnected);
            // the client sees the response headers before the server has registered the stream: wait for both
            await("stream registered on the server", () -> th.push.connected() > streamsBefore);
            await("first pull", () -> sync.lastReport().isPresent());
            th.admin("POST", "/admin/v1/terminal-messages", "{\"zh\":\"索道暂停\",\"en\":\"Cable car paused\"}");
            PushMessage m = poll(shown, PushType.MESSAGE);
            assertThat(m.payload().get("en").asText()).isEqualTo("Cable car paused");
            th.push.alert(
                    "slot-80",
                    new io.scenicpass.core.wire.DisplayMessage("时段将满", "Slot almost full"),
                    java.util.Map.of("remaining", 12));
            assertThat(poll(shown, PushType.ALERT).payload().get("remaining").asInt())
                    .isEqualTo(12);
            String passId = TerminalFixtures.passId(ts.get("/octo/bookings/push-1", key)
                    .json()
                    .get("unitItems")
                    .get(0)
                    .get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText());
            assertThat(state.revocations.isRevoked(passId)).isFalse();
            assertThat(ts.post("/octo/bookings/push-1/cancel", key, "{}").status())
                    .isEqualTo(200);
            // the pull interval is an hour: only the push can bring the revocation this fast
            await("revocation pushed", () -> state.revocations.isRevoked(passId));
            ts.clock.set(TerminalFixtures.SLOT_START.plusSeconds(60));
            try {
                th.push.pushCapacity();
                JsonNode slots = poll(shown, PushType.CAPACITY).payload().get("slots");
                JsonNode tour = null;
                for (JsonNode sl : slots) {
                    if (sl.get("productId").asText().equals("tour")) {
                        tour = sl;
                    }
                }
                assertThat(tour).as(slots.toString()).isNotNull();
                assertThat(tour.get("sold").asInt()).isPositive();
                assertThat(tour.get("remaining").asInt())
                        .isEqualTo(tour.get("capacity").asInt()
                                - tour.get("sold").asInt()
                                - tour.get("held").asInt());
            } finally {
                ts.clock.set(TestServer.START);
            }
        }
    }

    private static PushMessage poll(BlockingQueue<PushMessage> q, PushType type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            PushMessage m = q.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.type() == type) {
                return m;
            }
        }
        throw new AssertionError("no " + type + " push");
    }

    @Test
    void telemetryAndOnlineCheck(@TempDir Path gate) throws Exception {
        String text = TerminalFixtures.book(ts, key, "online-1");
        DeviceCredentials creds = th.enroll(gate, "gate-a");
        try (SyncClient sync = client(creds, new MemoryState(), new ListOutbox())) {
            sync.submitTelemetry(new TelemetryReading(
                    Instant.parse("2026-06-01T01:00:00Z"),
                    creds.deviceId(),
                    "t1",
                    TelemetryKind.TEMPERATURE,
                    21.5,
                    "C",
                    null));
            sync.submitTelemetry(new TelemetryReading(
                    Instant.parse("2026-06-01T01:01:00Z"),
                    creds.deviceId(),
                    "t1",
                    TelemetryKind.TEMPERATURE,
                    22.0,
                    "C",
                    null));
            assertThat(sync.syncNow().telemetryUploaded()).isEqualTo(2);
            JsonNode latest = th.admin("GET", "/admin/v1/telemetry?deviceId=" + creds.deviceId(), null);
            assertThat(latest).hasSize(1);
            assertThat(latest.get(0).get("value").asDouble()).isEqualTo(22.0);
            assertThat(th.admin("GET", "/admin/v1/telemetry/" + creds.deviceId(), null))
                    .hasSize(2);
            ts.clock.set(TerminalFixtures.SLOT_START);
            try {
                var check = new io.scenicpass.core.wire.OnlineCheckRequest(
                        "ev-online-1", text, "gate-a", "park", io.scenicpass.core.Direction.IN);
                var first = sync.onlineCheck(check, Duration.ofSeconds(5)).orElseThrow();
                assertThat(first.verdict()).isEqualTo(io.scenicpass.core.Verdict.ADMIT);
                postEntries(
                        creds,
                        new EntryBatch(
                                creds.deviceId(),
                                List.of(TerminalFixtures.admit(
                                        TerminalFixtures.passId(text),
                                        creds.deviceId(),
                                        "gate-a",
                                        TerminalFixtures.SLOT_START))));
                var again = new io.scenicpass.core.wire.OnlineCheckRequest(
                        "ev-online-2", text, "gate-a", "park", io.scenicpass.core.Direction.IN);
                var second = sync.onlineCheck(again, Duration.ofSeconds(5)).orElseThrow();
                assertThat(second.verdict()).isEqualTo(io.scenicpass.core.Verdict.DENY);
                assertThat(second.reason()).isEqualTo("ALREADY_ENTERED");
            } finally {
                ts.clock.set(TestServer.START);
            }
        }
    }

    @Test
    void badInputGetsTypedErrorsWithServerTime(@TempDir Path gate) throws Exception {
        DeviceCredentials creds = th.enroll(gate, "gate-b");
        String auth = "Device " + creds.deviceToken();
        String time = WireHeaders.SERVER_TIME.toLowerCase(java.util.Locale.ROOT);
        TestServer.Answer noAuth = th.send("GET", "/terminal/v1/revocations", null, null);
        assertThat(noAuth.status()).isEqualTo(401);
        assertThat(noAuth.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(noAuth.headers()).containsKey(time);
        TestServer.Answer badJson = th.send("POST", "/terminal/v1/entries", auth, "{\"events\":[{\"eventId\":");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.headers()).containsKey(time);
        TestServer.Answer badSince = th.send("GET", "/terminal/v1/revocations?since=abc", auth, null);
        assertThat(badSince.status()).isEqualTo(400);
        assertThat(badSince.json().get("message").asText()).contains("since");
        assertThat(th.send("GET", "/terminal/v1/manifest?cursor=-1", auth, null).status())
                .isEqualTo(400);
        TestServer.Answer nowhere = th.send("GET", "/terminal/v1/nowhere", auth, null);
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.headers()).containsKey(time);
        TestServer.Answer badToken = th.send("POST", "/terminal/v1/enroll", null, "{}");
        assertThat(badToken.status()).isEqualTo(400);
        Request notGzip = new Request.Builder()
                .url(th.baseUrl() + "/terminal/v1/entries")
                .header("Authorization", auth)
                .header("Content-Encoding", "gzip")
                .post(RequestBody.create("not gzip", MediaType.get("application/json")))
                .build();
        try (Response r = ts.http.newCall(notGzip).execute()) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.header(WireHeaders.SERVER_TIME)).isNotNull();
        }
        EntryAck mixed = postEntries(
                creds,
                new EntryBatch(
                        creds.deviceId(),
                        List.of(EntryEvent.builder()
                                .eventId("no-verdict-" + System.nanoTime())
                                .gateId("gate-b")
                                .correctedTime(Instant.now())
                                .build())));
        assertThat(mixed.results()).extracting(EntryAckItem::status).containsExactly(EntryAckStatus.REJECTED);
    }

    @Test
    void largeFeedsAreGzippedWhenAccepted(@TempDir Path gate) throws Exception {
        for (int i = 0; i < 30; i++) {
            TerminalFixtures.book(ts, key, "gz-" + i);
        }
        DeviceCredentials creds = th.enroll(gate, "gate-a");
        th.feeds.refreshManifest();
        Request req = new Request.Builder()
                .url(th.baseUrl() + "/terminal/v1/manifest?cursor=0&limit=1000")
                .header("Authorization", "Device " + creds.deviceToken())
                .header("Accept-Encoding", "gzip")
                .build();
        try (Response r = ts.http.newCall(req).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
            byte[] raw = new java.util.zip.GZIPInputStream(r.body().byteStream()).readAllBytes();
            var delta = WireJson.mapper().readValue(raw, io.scenicpass.core.wire.ManifestDelta.class);
            assertThat(delta.upserts().size()).isGreaterThanOrEqualTo(30);
        }
    }

    static EntryAck postEntries(DeviceCredentials creds, EntryBatch batch) throws Exception {
        return TerminalFixtures.postEntries(ts.http, creds, batch);
    }

    @Test
    void demoEnrollmentTokenWorksOnce(@TempDir Path gate, @TempDir Path other) {
        String token = "enr_demo_" + System.nanoTime();
        // what DemoSeeder stores for the deviceEnrollmentToken of demo.json
        ts.server
                .admin()
                .settingIfAbsent("enrollment.tokenHash", io.scenicpass.server.channels.ChannelService.sha256Hex(token));
        DeviceCredentials creds = new io.scenicpass.terminal.sync.Provisioning(
                        new io.scenicpass.terminal.sync.CredentialStore(gate.resolve("device.json")))
                .serverUrl(th.baseUrl())
                .enroll(token, "demo gate", "SP-TEST");
        assertThat(creds.gateId()).isEqualTo("gate-a");
        SyncException again = org.assertj.core.api.Assertions.catchThrowableOfType(
                SyncException.class,
                () -> new io.scenicpass.terminal.sync.Provisioning(
                                new io.scenicpass.terminal.sync.CredentialStore(other.resolve("device.json")))
                        .serverUrl(th.baseUrl())
                        .enroll(token, "second", "SP-TEST"));
        assertThat(again.code()).isEqualTo(SyncErrorCode.ENROLLMENT_REFUSED);
    }
}
