package io.scenicpass.server.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.CredentialType;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.Verdict;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.EntryOutbox;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Catalogue, gates and bookings for the terminal tests, all through the server's real APIs. */
public final class TerminalFixtures {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final Instant SLOT_START = Instant.parse("2026-06-02T02:00:00Z");

    private TerminalFixtures() {}

    /** Product "tour" (zone park), gates gate-a / gate-b in zone park, channel "ota" with a webhook URL. */
    static String setUp(TestServer ts) {
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-b", "Gate B", "park", "IN"));
        return ts.channel("ota", 10_000, 10_000, "http://203.0.113.9:9/hook"); // TEST-NET-3, public
    }

    /** Reserves and confirms one adult; returns the pass text. */
    public static String book(TestServer ts, String key, String uuid) {
        TestServer.Answer held = ts.post("/octo/bookings", key, TestServer.reserve(uuid, "tour", SLOT, "tour-adult"));
        if (held.status() != 200) {
            throw new AssertionError(held.body());
        }
        TestServer.Answer ok = ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
        if (ok.status() != 200) {
            throw new AssertionError(ok.body());
        }
        JsonNode item = ok.json().get("unitItems").get(0);
        return item.get("ticket")
                .get("deliveryOptions")
                .get(0)
                .get("deliveryValue")
                .asText();
    }

    public static String passId(String text) {
        return PassCodec.decode(text).claims().passId();
    }

    public static EntryEvent admit(String passId, String deviceId, String gateId, Instant at) {
        return EntryEvent.builder()
                .eventId(UUID.randomUUID().toString())
                .passId(passId)
                .gateId(gateId)
                .deviceId(deviceId)
                .zoneId("park")
                .direction(Direction.IN)
                .credentialType(CredentialType.QR)
                .verdict(Verdict.ADMIT)
                .reason("OK")
                .deviceTime(at)
                .correctedTime(at)
                .offline(true)
                .partyCount(1)
                .build();
    }

    /** An in-memory outbox. */
    static final class ListOutbox implements EntryOutbox {
        final List<EntryEvent> pending = new ArrayList<>();
        final List<String> uploaded = new ArrayList<>();

        synchronized void add(EntryEvent e) {
            pending.add(e);
        }

        @Override
        public synchronized List<EntryEvent> pending(int max) {
            return new ArrayList<>(pending.subList(0, Math.min(max, pending.size())));
        }

        @Override
        public synchronized void markUploaded(Collection<String> eventIds) {
            pending.removeIf(e -> eventIds.contains(e.eventId()));
            uploaded.addAll(eventIds);
        }
    }

    /** Posts a batch gzipped, as the terminal does, and reads the ack (asserting 200). */
    public static io.scenicpass.core.wire.EntryAck postEntries(
            okhttp3.OkHttpClient http,
            io.scenicpass.terminal.sync.DeviceCredentials creds,
            io.scenicpass.core.wire.EntryBatch batch)
            throws Exception {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(buf)) {
            gz.write(io.scenicpass.core.wire.WireJson.mapper().writeValueAsBytes(batch));
        }
        okhttp3.Request req = new okhttp3.Request.Builder()
                .url(creds.serverUrl() + "/terminal/v1/entries")
                .header("Authorization", "Device " + creds.deviceToken())
                .header("Content-Encoding", "gzip")
                .post(okhttp3.RequestBody.create(buf.toByteArray(), okhttp3.MediaType.get("application/json")))
                .build();
        try (okhttp3.Response r = http.newCall(req).execute()) {
            String body = r.body().string();
            if (r.code() != 200) {
                throw new AssertionError("HTTP " + r.code() + ": " + body);
            }
            return io.scenicpass.core.wire.WireJson.mapper().readValue(body, io.scenicpass.core.wire.EntryAck.class);
        }
    }
}
