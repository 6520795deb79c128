package io.scenicpass.server.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Blacklist;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.RevocationSet;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import io.scenicpass.terminal.sync.StateSink;
import io.scenicpass.terminal.sync.SyncCursors;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The terminal API of a {@link TestServer} (wired by ScenicPassServer on the main port) plus test helpers. */
final class TerminalHarness implements AutoCloseable {
    final TestServer ts;
    final DeviceService devices;
    final SyncFeedService feeds;
    final EntryService entries;
    final PushHub push;

    TerminalHarness(TestServer ts) {
        this.ts = ts;
        devices = ts.server.devices();
        feeds = ts.server.syncFeeds();
        entries = ts.server.entries();
        push = ts.server.push();
    }

    String baseUrl() {
        return ts.server.baseUrl();
    }

    /** Creates a one-time enrollment token for a gate over the admin endpoint. */
    String token(String gateId) {
        TestServer.Answer a = send(
                "POST",
                "/admin/v1/enrollment-tokens",
                "Bearer " + TestServer.ADMIN,
                "{\"gateId\":\"" + gateId + "\",\"label\":\"test\"}");
        if (a.status() != 201) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return a.json().get("enrollmentCode").asText();
    }

    /** Enrolls a device with the real SDK provisioning (credentials stored under {@code dir}). */
    DeviceCredentials enroll(Path dir, String gateId) {
        return new Provisioning(new CredentialStore(dir.resolve("device.json")))
                .enroll(token(gateId), "gate " + gateId, "SP-TEST");
    }

    /** A gate newly enrolled at {@code gateId} (credentials under {@code dir}), synced once after a manifest refresh. */
    MemoryState syncedGate(Path dir, String gateId) {
        DeviceCredentials creds = enroll(dir.resolve("d" + System.nanoTime()), gateId);
        feeds.refreshManifest(true);
        MemoryState state = new MemoryState();
        try (io.scenicpass.terminal.sync.SyncClient sync = io.scenicpass.terminal.sync.SyncClient.builder(creds)
                .state(state)
                .outbox(new TerminalFixtures.ListOutbox())
                .push(false)
                .pullPages(10_000, 10)
                .build()) {
            if (!sync.syncNow().success()) {
                throw new AssertionError("the gate's sync failed");
            }
        }
        return state;
    }

    /** A request to this harness's port with the given Authorization header. */
    TestServer.Answer send(String method, String path, String authorization, String json) {
        okhttp3.Request.Builder rb = new okhttp3.Request.Builder().url(baseUrl() + path);
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        okhttp3.RequestBody body = json == null
                ? (method.equals("GET") ? null : okhttp3.RequestBody.create(new byte[0]))
                : okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json"));
        rb.method(method, body);
        try (okhttp3.Response r = ts.http.newCall(rb.build()).execute()) {
            Map<String, String> h = new java.util.HashMap<>();
            for (String n : r.headers().names()) {
                h.put(n.toLowerCase(java.util.Locale.ROOT), r.header(n));
            }
            return new TestServer.Answer(r.code(), r.body().string(), h);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    JsonNode admin(String method, String path, String json) {
        return send(method, path, "Bearer " + TestServer.ADMIN, json).json();
    }

    @Override
    public void close() {
        // the TestServer owns everything
    }

    /** A terminal's local state in memory, on sdk-core's real RevocationSet and Blacklist. */
    static final class MemoryState implements StateSink {
        final RevocationSet revocations = RevocationSet.empty();
        final Blacklist blacklist = Blacklist.empty();
        final Map<String, ManifestEntry> manifest = new ConcurrentHashMap<>();
        volatile long manifestCursor;
        volatile long keySetSequence;
        volatile KeySet keys;
        volatile DeviceConfig config;

        @Override
        public SyncCursors cursors() {
            return SyncCursors.of(
                    keySetSequence,
                    revocations.sequence(),
                    blacklist.sequence(),
                    manifestCursor,
                    config == null ? 0 : config.version());
        }

        @Override
        public void applyKeySet(SignedKeySet signed, KeySet k) {
            keys = k;
            keySetSequence = k.sequence();
        }

        @Override
        public void applyRevocations(RevocationDelta delta) {
            revocations.apply(delta);
        }

        @Override
        public void applyBlacklist(BlacklistDelta delta) {
            blacklist.apply(delta);
        }

        @Override
        public synchronized void applyManifest(ManifestDelta d) {
            if (d.fromCursor() != manifestCursor) {
                throw new io.scenicpass.core.ScenicPassException(io.scenicpass.core.ErrorCode.STALE_SEQUENCE);
            }
            for (ManifestEntry e : d.upserts()) {
                manifest.put(e.passId(), e);
            }
            for (String id : d.removedPassIds()) {
                manifest.remove(id);
            }
            manifestCursor = d.toCursor();
        }

        @Override
        public void applyConfig(DeviceConfig c) {
            config = c;
        }
    }
}
