package io.scenicpass.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.WebhookEvent;
import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.channel.webhook.WebhookVerifier;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.DemoServer;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.examples.ota.WebhookReceiver;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.sync.Connectivity;
import io.scenicpass.terminal.sync.SyncReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole story against the real demo server (child JVM): a channel books through OCTO, a gate (sdk-terminal with
 * simulated devices, in-process) admits the ticket, its network is cut, it keeps admitting other tickets, the network
 * returns, and the server receives every entry exactly once, both bookings become REDEEMED, the channel's signed
 * BOOKING_REDEEMED webhooks arrive, and the operator dashboard's arrivals count the people admitted at the gate. No sleeps: every wait polls a condition with a deadline.
 */
@Tag("slow")
class EndToEndTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void bookAdmitCutTheNetworkKeepAdmittingRestoreItAndTheServerSeesEveryEntryOnce() throws Exception {
        DemoServer server = DemoServer.shared();
        TerminalApiProbe.requireTerminalApi(server);
        String secret = "whsec-e2e-" + UUID.randomUUID();
        BlockingQueue<WebhookEvent> inbox = new LinkedBlockingQueue<>();
        List<WebhookEvent> hooks = new ArrayList<>();
        try (WebhookReceiver receiver = WebhookReceiver.start(
                0, WebhookVerifier.builder().secret(secret).build(), inbox::add)) {
            String channelId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
            String apiKey = server.createChannel(Map.of(
                    "id", channelId, "name", "End-to-end OTA", "webhookUrl", receiver.url(), "webhookSecret", secret));
            try (ChannelClient channel = ChannelClient.builder()
                    .baseUrl(server.octoUrl())
                    .apiKey(apiKey)
                    .build()) {
                OtaBookingFlow flow = new OtaBookingFlow(
                        channel,
                        Clock.systemUTC(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                OtaBookingFlow.Result a = flow.run("park-entry", 2, "E2E-A");
                OtaBookingFlow.Result b = flow.run("park-entry", 1, "E2E-B");
                String uuidA = a.booking.getUuid();
                String uuidB = b.booking.getUuid();

                // the gate runs in the booked slot (a simulated clock), so the test passes at any hour
                Instant at = a.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20));
                Clock gateClock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
                // a gate of its own, so the server's per-gate figures count exactly this test's entries
                String gateId = "e2e-gate-" + UUID.randomUUID().toString().substring(0, 6);
                adminSend(
                        server,
                        "POST",
                        "/admin/v1/gates",
                        Map.of("id", gateId, "name", "E2E gate", "zoneId", "park", "direction", "IN"),
                        204);
                String code = enrollmentCode(server, gateId);
                AckRecorder acks = new AckRecorder();
                List<String> decided = new ArrayList<>();
                try (EmbeddedGate gate =
                        new EmbeddedGate(dir.resolve("gate"), server.baseUrl, code, gateClock, List.of(acks))) {
                    assertThat(gate.start().success()).as("first sync").isTrue();

                    // online: the first ticket of booking A
                    Decision first = admit(gate, a.qrCodes.get(0), decided);
                    assertThat(gate.syncNow().success()).isTrue();
                    assertThat(gate.pendingUploads()).isZero();
                    await("booking A REDEEMED", () -> status(channel, uuidA) == BookingStatus.REDEEMED);
                    WebhookEvent redeemedA =
                            awaitWebhook(inbox, hooks, uuidA, WebhookEventType.BOOKING_REDEEMED, server);
                    assertThat(redeemedA.getBooking().getStatus()).isEqualTo(BookingStatus.REDEEMED);

                    // the network is cut: the gate keeps admitting from its local state
                    SyncReport cut = gate.cutNetwork();
                    assertThat(cut.success()).isFalse();
                    assertThat(gate.sync().connectivity()).isEqualTo(Connectivity.OFFLINE);
                    admit(gate, a.qrCodes.get(1), decided);
                    admit(gate, b.qrCodes.get(0), decided);
                    Decision again = gate.scan(a.qrCodes.get(0));
                    decided.add(again.eventId());
                    assertThat(again.reason()).isEqualTo("ALREADY_ENTERED");
                    assertThat(gate.pendingUploads()).isEqualTo(3);
                    assertThat(status(channel, uuidB))
                            .as("the server cannot know yet")
                            .isEqualTo(BookingStatus.CONFIRMED);

                    // the network returns: everything decided offline goes up
                    SyncReport back = gate.restoreNetwork();
                    assertThat(back.success())
                            .as("sync after restore: %s", back)
                            .isTrue();
                    assertThat(back.conflicts()).isZero();
                    assertThat(gate.sync().connectivity()).isEqualTo(Connectivity.ONLINE);
                    assertThat(gate.pendingUploads()).isZero();
                    await("booking B REDEEMED", () -> status(channel, uuidB) == BookingStatus.REDEEMED);
                    awaitWebhook(inbox, hooks, uuidB, WebhookEventType.BOOKING_REDEEMED, server);
                    assertThat(status(channel, uuidA)).isEqualTo(BookingStatus.REDEEMED);

                    // exactly once, as the gate was told: every decision acknowledged once; an admission decided online
                    // was claimed at the server before the gate opened (issue #15), so its upload is DUPLICATE
                    assertThat(acks.statuses.keySet()).containsExactlyInAnyOrderElementsOf(decided);
                    acks.statuses.forEach((eventId, s) -> assertThat(s)
                            .as("acks of %s", eventId)
                            .hasSize(1)
                            .first()
                            .isIn("ACCEPTED", "DUPLICATE"));
                    assertThat(acks.statuses.values())
                            .as("the decisions made offline")
                            .filteredOn(s -> s.contains("ACCEPTED"))
                            .hasSizeGreaterThanOrEqualTo(3); // the online one: claimed (DUPLICATE) or fell back
                    // exactly once, as the server stored it
                    JsonNode entries = adminGet(
                            server,
                            "/admin/v1/entries?deviceId=" + gate.credentials().deviceId());
                    assertThat(entries).as("GET /admin/v1/entries").isNotNull();
                    Map<String, Integer> stored = new HashMap<>();
                    for (JsonNode e : entries) {
                        stored.merge(e.path("eventId").asText(), 1, Integer::sum);
                    }
                    assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(decided);
                    assertThat(stored.values()).containsOnly(1);
                    assertThat(first.eventId()).isNotEqualTo(again.eventId());
                }
                // one BOOKING_REDEEMED per booking, even though booking A was admitted twice
                drain(inbox, hooks);
                assertThat(hooks.stream()
                                .filter(h -> h.getType() == WebhookEventType.BOOKING_REDEEMED
                                        && uuidA.equals(h.getBooking().getUuid()))
                                .count())
                        .isEqualTo(1);
                // the operator dashboard's figures count the three people admitted at this gate on the slot's day
                String day = a.slot.getLocalDateTimeStart().toLocalDate().toString();
                assertThat(adminGet(server, "/admin/v1/flow/arrivals?date=" + day))
                        .as("dashboard API")
                        .isNotNull();
                // an admission claimed online is recorded at the gate's time of the decision (the slot's day here)
                await("the dashboard counting 3 arrivals at " + gateId, () -> arrivals(server, day, gateId) == 3);
                assertThat(adminGetText(server, "/dashboard")).contains("<html");
            }
        }
    }

    private static Decision admit(EmbeddedGate gate, String pass, List<String> decided) {
        Decision d = gate.scan(pass);
        decided.add(d.eventId());
        assertThat(d.verdict().name()).as("decision %s", d).isEqualTo("ADMIT");
        return d;
    }

    private static BookingStatus status(ChannelClient channel, String uuid) {
        return channel.booking(uuid).getStatus();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            synchronized (lock) {
                lock.wait(100); // poll interval, not synchronisation: the condition decides
            }
        }
    }

    private static WebhookEvent awaitWebhook(
            BlockingQueue<WebhookEvent> inbox,
            List<WebhookEvent> seen,
            String uuid,
            WebhookEventType type,
            DemoServer server)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            for (WebhookEvent e : seen) {
                if (e.getType() == type
                        && e.getBooking() != null
                        && uuid.equals(e.getBooking().getUuid())) {
                    return e;
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            assertThat(left)
                    .as("webhook %s for %s; server log:%n%s", type, uuid, server.logTail())
                    .isPositive();
            WebhookEvent e = inbox.poll(left, TimeUnit.MILLISECONDS);
            if (e != null) {
                seen.add(e);
            }
        }
    }

    private static void drain(BlockingQueue<WebhookEvent> inbox, List<WebhookEvent> seen) {
        inbox.drainTo(seen);
    }

    private static long arrivals(DemoServer server, String day, String gateId) {
        try {
            JsonNode series = adminGet(server, "/admin/v1/flow/arrivals?date=" + day)
                    .path("gates")
                    .path("series")
                    .path(gateId);
            long sum = 0;
            for (JsonNode n : series) {
                sum += n.asLong();
            }
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String adminGetText(DemoServer server, String path) throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (Response r = http.newCall(new Request.Builder()
                        .url(server.baseUrl.replaceAll("/+$", "") + path)
                        .build())
                .execute()) {
            return r.body().string();
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    private static void adminSend(DemoServer server, String method, String path, Map<String, Object> body, int expected)
            throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (Response r = http.newCall(new Request.Builder()
                        .url(server.baseUrl.replaceAll("/+$", "") + path)
                        .header("Authorization", "Bearer " + server.adminToken)
                        .method(
                                method,
                                okhttp3.RequestBody.create(
                                        OctoJson.mapper().writeValueAsString(body),
                                        okhttp3.MediaType.get("application/json")))
                        .build())
                .execute()) {
            assertThat(r.code())
                    .as("%s %s: %s", method, path, r.body().string())
                    .isEqualTo(expected);
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    private static String enrollmentCode(DemoServer server, String gateId) throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (Response r = http.newCall(new Request.Builder()
                        .url(server.baseUrl.replaceAll("/+$", "") + "/admin/v1/enrollment-tokens")
                        .header("Authorization", "Bearer " + server.adminToken)
                        .post(okhttp3.RequestBody.create(
                                OctoJson.mapper().writeValueAsString(Map.of("gateId", gateId, "label", "e2e")),
                                okhttp3.MediaType.get("application/json")))
                        .build())
                .execute()) {
            String text = r.body().string();
            assertThat(r.code()).as("enrollment token: %s", text).isEqualTo(201);
            return OctoJson.mapper().readTree(text).path("enrollmentCode").asText();
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    /** GET with the admin token; null when the route does not exist (404). */
    private static JsonNode adminGet(DemoServer server, String path) throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (Response r = http.newCall(new Request.Builder()
                        .url(server.baseUrl.replaceAll("/+$", "") + path)
                        .header("Authorization", "Bearer " + server.adminToken)
                        .build())
                .execute()) {
            if (r.code() == 404) {
                return null;
            }
            String text = r.body().string();
            assertThat(r.code()).as("GET %s: %s", path, text).isEqualTo(200);
            return text.trim().startsWith("[") || text.trim().startsWith("{")
                    ? OctoJson.mapper().readTree(text)
                    : OctoJson.mapper().createObjectNode();
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }
}
