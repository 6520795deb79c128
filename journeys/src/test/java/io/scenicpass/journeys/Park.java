package io.scenicpass.journeys;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.demo.DemoSeeder;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo park, open: the real server in-process on a free port (H2 file database under {@code dir}), seeded by the
 * same {@link DemoSeeder} that {@code ./scenicpass demo} runs, on a clock the journey moves. Resellers reach it
 * through sdk-channel's {@link ChannelClient}, gates through sdk-terminal (the examples' {@link EmbeddedGate}),
 * operators through the admin API.
 */
final class Park implements AutoCloseable {
    final TestServer server;
    final MutableClock clock;
    final DemoSeeder.DemoInfo demo;
    private final Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private Park(Path dir, Map<String, String> config) {
        this.dir = dir;
        this.clock = new MutableClock(TestServer.START);
        Map<String, String> cfg = new java.util.HashMap<>(config);
        cfg.putIfAbsent("flow.demoHistoryDays", "0"); // no synthetic flow history: the journeys count their own entries
        this.server = new TestServer(dir.resolve("server"), null, clock, cfg);
        this.demo = new DemoSeeder(server.server).seed();
    }

    /** Opens the park with its data under {@code dir}. */
    static Park open(Path dir) {
        return new Park(dir, Map.of());
    }

    /** Opens the park with server settings of its own (for example {@code db.poolSize}). */
    static Park open(Path dir, Map<String, String> config) {
        return new Park(dir, config);
    }

    /** A reseller's OCTO client, with the demo key of {@code channelId} (for example "ctrip"). */
    ChannelClient reseller(String channelId) {
        ChannelClient c = ChannelClient.builder()
                .baseUrl(server.url("/octo"))
                .apiKey(demo.channelKeys().get(channelId))
                .build();
        opened.add(c);
        return c;
    }

    /** The examples' OTA booking flow through {@code reseller} on the park's clock, its console output dropped. */
    OtaBookingFlow otaFlow(ChannelClient reseller) {
        return new OtaBookingFlow(reseller, clock, new PrintStream(OutputStream.nullOutputStream(), true, UTF_8));
    }

    /** A gate of the demo site ("gate-north", "gate-south", "gate-cableway", "gate-museum"), enrolled with a fresh one-time code. */
    EmbeddedGate gate(String gateId) {
        return gate(gateId, List.of());
    }

    /** A gate of the demo site whose HTTP client also runs {@code interceptors} (faults on its link to the server). */
    EmbeddedGate gate(String gateId, List<okhttp3.Interceptor> interceptors) {
        TestServer.Answer a = admin(
                "POST",
                "/admin/v1/enrollment-tokens",
                "{\"gateId\":\"" + gateId + "\",\"label\":\"journey " + gateId + "\"}");
        if (a.status() != 201) {
            throw new AssertionError("enrollment token for " + gateId + ": " + a.status() + " " + a.body());
        }
        EmbeddedGate g = new EmbeddedGate(
                dir.resolve(gateId),
                server.server.baseUrl(),
                a.json().get("enrollmentCode").asText(),
                clock,
                interceptors);
        opened.add(0, g);
        return g;
    }

    /** A selling device's enrollment ({@code role} KIOSK or BOX_OFFICE) with a fresh one-time token, kept under {@code name}. */
    io.scenicpass.terminal.sync.DeviceCredentials seller(String name, String role) {
        TestServer.Answer a = admin(
                "POST",
                "/admin/v1/enrollment-tokens",
                "{\"gateId\":\"gate-north\",\"label\":\"journey " + name + "\",\"role\":\"" + role + "\"}");
        if (a.status() != 201) {
            throw new AssertionError("enrollment token for " + name + ": " + a.status() + " " + a.body());
        }
        return new io.scenicpass.terminal.sync.Provisioning(new io.scenicpass.terminal.sync.CredentialStore(
                        dir.resolve(name).resolve("device.json")))
                .serverUrl(server.server.baseUrl())
                .enroll(a.json().get("enrollmentCode").asText(), name, "journey");
    }

    /** An operator's call to the admin API with the park's admin token. */
    TestServer.Answer admin(String method, String path, String json) {
        return server.send(method, path, TestServer.ADMIN, json, Map.of());
    }

    /** Uploads entry events as {@code gate}'s device, the way its sync would (200 expected); the acknowledgement. */
    io.scenicpass.core.wire.EntryAck upload(EmbeddedGate gate, List<io.scenicpass.core.EntryEvent> events)
            throws java.io.IOException {
        byte[] body = io.scenicpass.core.wire.WireJson.mapper()
                .writeValueAsBytes(new io.scenicpass.core.wire.EntryBatch(
                        gate.credentials().deviceId(), events));
        okhttp3.Request req = new okhttp3.Request.Builder()
                .url(server.url("/terminal/v1/entries"))
                .header("Authorization", "Device " + gate.credentials().deviceToken())
                .post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json")))
                .build();
        try (okhttp3.Response r = server.http.newCall(req).execute()) {
            String text = r.body().string();
            if (r.code() != 200) {
                throw new AssertionError("entries upload: " + r.code() + " " + text);
            }
            return io.scenicpass.core.wire.WireJson.mapper().readValue(text, io.scenicpass.core.wire.EntryAck.class);
        }
    }

    /** Moves the park's clock (server and gates) to {@code at}. */
    void timeIs(Instant at) {
        clock.set(at);
    }

    /** Waits (polling, bounded) until {@code condition} holds: for work the server does after it answered. */
    static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        io.scenicpass.server.testing.Await.until(what, condition, 20_000);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        server.close();
    }
}
