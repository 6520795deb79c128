package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.core.CredentialType;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckReason;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.sync.SyncReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack suite: an outsider, a rogue gate and a careless operator try, against the demo park through its real
 * ports, every class of the outside attack and fault run (issue #22), and each is defended. With {@code -Plong}
 * ({@code scenicpass.long=true}) the races, guesses and bodies run at the run's own scale.
 */
@Tag("attack")
class OutsiderAttacksTheParkTest {
    private static final boolean LONG = "true".equals(System.getProperty("scenicpass.long"));
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path dir;

    /** 1. A GET carrying a method override cancels nothing, rotates nothing, revokes nothing. */
    @Test
    void aMethodOverrideChangesNothing() throws Exception {
        try (Park park = Park.open(dir)) {
            ChannelClient ctrip = park.reseller("ctrip");
            OtaBookingFlow.Result order = otaBooks(park, ctrip, 1, "CT-MO");
            String key = park.demo.channelKeys().get("ctrip");
            for (String h : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
                TestServer.Answer a = park.server.send(
                        "GET", "/octo/bookings/" + order.booking.getUuid(), key, null, Map.of(h, "DELETE"));
                assertThat(a.status()).as(h).isEqualTo(400);
            }
            String active = park.server.server.keys().active().keyId();
            assertThat(park.server
                            .send(
                                    "GET",
                                    "/admin/v1/keys/rotate",
                                    TestServer.ADMIN,
                                    null,
                                    Map.of("X-HTTP-Method-Override", "POST"))
                            .json()
                            .path("code")
                            .asText())
                    .isEqualTo("METHOD_OVERRIDE_REFUSED");
            assertThat(ctrip.booking(order.booking.getUuid()).getStatus()).isEqualTo(BookingStatus.CONFIRMED);
            assertThat(park.server.server.keys().active().keyId()).isEqualTo(active);
        }
    }

    /** 2. A chunked body far over the limit, even to the unauthenticated enrollment, is cut while it is read. */
    @Test
    void aHugeChunkedBodyIsRefusedWhileItIsRead() throws Exception {
        try (Park park = Park.open(dir)) {
            int megabytes = LONG ? 50 : 5;
            String key = park.demo.channelKeys().get("ctrip");
            for (String path : List.of("/terminal/v1/enroll", "/octo/bookings", "/admin/v1/terminal-messages")) {
                String bearer = path.startsWith("/octo") ? key : TestServer.ADMIN;
                Request req = new Request.Builder()
                        .url(park.server.url(path))
                        .header("Authorization", "Bearer " + bearer)
                        .post(chunked(megabytes))
                        .build();
                try (Response r = park.server.http.newCall(req).execute()) {
                    assertThat(r.code()).as(path).isEqualTo(413);
                    assertThat(r.body().string()).as(path).containsIgnoringCase("too large");
                } catch (IOException cut) {
                    // the server may close the connection before the client has finished sending: also refused
                }
            }
            assertThat(park.server.get("/health", null).status()).isEqualTo(200);
        }
    }

    /** 3. Nothing in the park's data directory can be read by another local user. */
    @Test
    void theParksSecretsAreOwnerOnly() throws Exception {
        try (Park park = Park.open(dir)) {
            Path data = park.server.dataDir;
            List<String> open = new ArrayList<>();
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    if (perms.stream()
                            .anyMatch(x ->
                                    x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"))) {
                        open.add(data.relativize(p) + " " + perms);
                    }
                }
            }
            assertThat(open).as("files open to group or others").isEmpty();
            assertThat(Files.exists(data.resolve("demo.json"))).isTrue();
        }
    }

    /**
     * 4 and 9. Many resellers at once against a server with a pool of two database connections: every answer is a sale,
     * a clean refusal or "busy, retry" — never an internal error — and the slot counters equal the bookings after.
     */
    @Test
    void aRushOnASmallPoolAnswersWithinTheRulesAndLeavesTheCountersTrue() throws Exception {
        try (Park park = Park.open(dir, Map.of("db.poolSize", "2"))) {
            String key = park.demo.channelKeys().get("fliggy");
            String slot = firstSlot(park, key);
            int clients = 32;
            int perClient = LONG ? 40 : 6;
            ConcurrentLinkedQueue<String> unruly = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perClient; i++) {
                            String uuid = UUID.randomUUID().toString();
                            check(
                                    unruly,
                                    "reserve",
                                    park.server.post(
                                            "/octo/bookings",
                                            key,
                                            "{\"uuid\":\"" + uuid
                                                    + "\",\"productId\":\"park-entry\",\"optionId\":\"park-entry-std\",\"availabilityId\":\""
                                                    + slot
                                                    + "\",\"unitItems\":[{\"unitId\":\"park-entry-adult\"},{\"unitId\":\"park-entry-child\"}]}"));
                            if (i % 3 != 2) {
                                check(
                                        unruly,
                                        "confirm",
                                        park.server.post("/octo/bookings/" + uuid + "/confirm", key, "{}"));
                            }
                            if (i % 3 == 1) {
                                check(
                                        unruly,
                                        "cancel",
                                        park.server.send("DELETE", "/octo/bookings/" + uuid, key, null, Map.of()));
                            }
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(unruly).as("answers outside the rules").isEmpty();
            TestServer.Answer audit = park.admin("POST", "/admin/v1/inventory/repair?dryRun=true", null);
            assertThat(audit.status()).as(audit.body()).isEqualTo(200);
            assertThat(audit.json().path("drift"))
                    .as("counters that differ from the bookings")
                    .isEmpty();
        }
    }

    /** 5. A gate that admitted a ticket offline, uploading after the gate that admitted it later, hears the over-use. */
    @Test
    void theGateThatAdmittedOfflineHearsItsOveruse() throws Exception {
        try (Park park = Park.open(dir)) {
            OtaBookingFlow.Result order = otaBooks(park, park.reseller("ctrip"), 1, "CT-OVER");
            park.timeIs(order.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(10)));
            EmbeddedGate south = park.gate("gate-south");
            EmbeddedGate north = park.gate("gate-north");
            assertThat(south.start().success()).isTrue();
            assertThat(north.start().success()).isTrue();
            south.cutNetwork();
            assertThat(south.scan(order.qrCodes.get(0)).admitted())
                    .as("south, offline, first")
                    .isTrue();
            park.timeIs(park.clock.instant().plus(Duration.ofMinutes(2)));
            assertThat(north.scan(order.qrCodes.get(0)).admitted())
                    .as("north, later, knows nothing yet")
                    .isTrue();
            assertThat(north.syncNow().conflicts())
                    .as("north uploaded first: accepted")
                    .isZero();
            SyncReport back = south.restoreNetwork();
            assertThat(back.success()).isTrue();
            assertThat(back.conflicts())
                    .as("south's earlier admission arrives second: it is the over-use")
                    .isEqualTo(1);
            assertThat(park.admin("GET", "/admin/v1/overuse-conflicts", null).json())
                    .hasSize(1);
        }
    }

    /** 6. An operator's misspelt or out-of-range update is refused and changes nothing the gates get. */
    @Test
    void badAdminBodiesAreRefusedAndChangeNothing() throws Exception {
        try (Park park = Park.open(dir)) {
            String before = park.admin("GET", "/admin/v1/terminal-config", null).body();
            assertThat(park.admin("PUT", "/admin/v1/terminal-config", "{\"earlyTolerance\":600}")
                            .status())
                    .isEqualTo(400);
            for (String rate : List.of("0", "-5", "9223372036854775807", "\"2\"")) {
                assertThat(park.admin("PATCH", "/admin/v1/channels/ctrip", "{\"ratePerSecond\":" + rate + "}")
                                .status())
                        .as("rate " + rate)
                        .isEqualTo(400);
            }
            assertThat(park.admin("GET", "/admin/v1/terminal-config", null).body())
                    .isEqualTo(before);
            String key = park.demo.channelKeys().get("ctrip");
            assertThat(park.server.get("/octo/products", key).status())
                    .as("ctrip still sells")
                    .isEqualTo(200);
        }
    }

    /** 7. A gate enrolled at the north gate cannot record entries at the cable car or as exits. */
    @Test
    void aRogueGateCannotSpeakForAnotherGate() throws Exception {
        try (Park park = Park.open(dir)) {
            OtaBookingFlow.Result order = otaBooks(park, park.reseller("ctrip"), 1, "CT-ROGUE");
            park.timeIs(order.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(10)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            Decision seen = north.scan(order.qrCodes.get(0));
            String passId = seen.pass().orElseThrow().passId();
            assertThat(north.syncNow().success()).isTrue();
            String device = north.credentials().deviceId();
            EntryEvent forged = EntryEvent.builder()
                    .eventId(UUID.randomUUID().toString())
                    .passId(passId)
                    .gateId("gate-cableway")
                    .deviceId(device)
                    .zoneId("cableway")
                    .direction(Direction.IN)
                    .credentialType(CredentialType.QR)
                    .verdict(Verdict.ADMIT)
                    .reason("OK")
                    .deviceTime(park.clock.instant())
                    .correctedTime(park.clock.instant())
                    .offline(true)
                    .partyCount(1)
                    .build();
            EntryEvent exit = forged.toBuilder()
                    .eventId(UUID.randomUUID().toString())
                    .gateId("gate-north")
                    .zoneId("park")
                    .direction(Direction.OUT)
                    .build();
            EntryAck ack = upload(park, north, List.of(forged, exit));
            assertThat(ack.results()).extracting(EntryAckItem::status).containsOnly(EntryAckStatus.REJECTED);
            assertThat(ack.results())
                    .extracting(EntryAckItem::reason)
                    .containsExactly(EntryAckReason.GATE_MISMATCH, EntryAckReason.DIRECTION_MISMATCH);
            assertThat(park.admin("GET", "/admin/v1/entries?passId=" + passId, null)
                            .json()
                            .findValuesAsText("gateId"))
                    .containsOnly("gate-north");
        }
    }

    /** 8. Guessing keys is throttled; webhooks cannot be aimed inside; the Host header is not reflected; pages framed. */
    @Test
    void guessingIsThrottledAndTheSmallerHolesAreShut() throws Exception {
        try (Park park = Park.open(dir, Map.of("auth.maxFailures", "20"))) {
            assertThat(park.admin(
                                    "PATCH",
                                    "/admin/v1/channels/ctrip",
                                    "{\"webhookUrl\":\"javascript:alert(1)\"," + "\"webhookSecret\":\"s3cret-s3cret\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(park.admin(
                                    "PATCH",
                                    "/admin/v1/channels/ctrip",
                                    "{\"webhookUrl\":\"http://127.0.0.1:8080/admin\","
                                            + "\"webhookSecret\":\"s3cret-s3cret\"}")
                            .status())
                    .isEqualTo(400);
            String key = park.demo.channelKeys().get("ctrip");
            JsonNode supplier = park.server
                    .send("GET", "/octo/supplier", key, null, Map.of("Host", "evil.example"))
                    .json();
            assertThat(supplier.toString()).doesNotContain("evil.example");
            TestServer.Answer page = park.server.get("/dashboard", null);
            assertThat(page.headers()).containsKeys("content-security-policy", "x-frame-options", "referrer-policy");

            int guesses = LONG ? 2_000 : 60;
            int throttled = 0;
            for (int i = 0; i < guesses; i++) {
                int status = park.server.get("/octo/products", "sp_guess_" + i).status();
                assertThat(status).isIn(401, 429);
                throttled += status == 429 ? 1 : 0;
            }
            assertThat(throttled).as("guesses answered 429 after the first 20").isGreaterThanOrEqualTo(guesses - 20);
        }
    }

    private static OtaBookingFlow.Result otaBooks(Park park, ChannelClient ota, int adults, String ref) {
        return park.otaFlow(ota).run("park-entry", adults, ref);
    }

    private static String firstSlot(Park park, String key) {
        String tomorrow = park.clock
                .instant()
                .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate()
                .plusDays(1)
                .toString();
        TestServer.Answer a = park.server.post(
                "/octo/availability",
                key,
                "{\"productId\":\"park-entry\"," + "\"optionId\":\"park-entry-std\",\"localDate\":\"" + tomorrow
                        + "\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get(0).get("id").asText();
    }

    /** A sale, a clean refusal (typed 4xx) or "busy, retry later" (429/503 with Retry-After); never a 5xx otherwise. */
    private static void check(ConcurrentLinkedQueue<String> unruly, String what, TestServer.Answer a) {
        boolean ok = a.status() == 200
                || a.status() >= 400 && a.status() < 500 && a.status() != 429
                || (a.status() == 429 || a.status() == 503) && a.headers().containsKey("retry-after");
        if (!ok || a.body().contains("INTERNAL")) {
            unruly.add(what + " " + a.status() + " " + a.body());
        }
    }

    private static RequestBody chunked(int megabytes) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public long contentLength() {
                return -1; // chunked
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) ' ');
                sink.writeUtf8("{\"x\":\"");
                for (int i = 0; i < megabytes * 16; i++) {
                    sink.write(block);
                }
            }
        };
    }

    private static EntryAck upload(Park park, EmbeddedGate gate, List<EntryEvent> events) throws IOException {
        return park.upload(gate, events);
    }
}
