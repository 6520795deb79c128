package io.scenicpass.terminal.sync;

import static io.scenicpass.terminal.sync.SyncTestSupport.DEVICE_CLOCK;
import static io.scenicpass.terminal.sync.SyncTestSupport.credentials;
import static io.scenicpass.terminal.sync.SyncTestSupport.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.TelemetryKind;
import io.scenicpass.core.wire.TelemetryReading;
import io.scenicpass.terminal.state.OveruseNotice;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pulls by cursor, gzip entry batches, retries with backoff, idempotent re-upload, conflicts, time. */
class SyncClientTest {
    private final FakeTerminalServer fake = new FakeTerminalServer();
    private final MockWebServer server = new MockWebServer();
    private final MemoryState state = new MemoryState();
    private final MemoryOutbox outbox = new MemoryOutbox();
    private final List<Instant[]> timeSamples = Collections.synchronizedList(new ArrayList<>());
    private final List<SyncClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(fake);
        server.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(SyncClient::close);
        fake.close();
        server.close();
    }

    private SyncClientBuilder builder() {
        return SyncClient.builder(credentials(server, fake))
                .state(state)
                .outbox(outbox)
                .clock(DEVICE_CLOCK)
                .push(false)
                .random(() -> 0.0)
                .backoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .serverClock(
                        (serverTime, sent, received) -> timeSamples.add(new Instant[] {serverTime, sent, received}));
    }

    private SyncClient client(SyncClientBuilder b) {
        SyncClient c = b.build();
        clients.add(c);
        return c;
    }

    @Test
    void pullsEveryKindByCursorPageByPage() {
        for (int i = 0; i < 2500; i++) {
            fake.revoked.add("P" + i);
        }
        fake.blacklistAdded.add("AAAAAAAAAAAAAAAAAAAAAA");
        for (int i = 0; i < 3; i++) {
            fake.manifest.add(new ManifestEntry(
                    "M" + i, "SP1X", Collections.emptyList(), Collections.emptyList(), Collections.emptyList()));
        }
        SyncClient sync = client(builder().pullPages(1000, 50));

        SyncReport first = sync.syncNow();

        assertThat(first.success()).as(first.toString()).isTrue();
        assertThat(state.revocations.size()).isEqualTo(2500);
        assertThat(state.revocations.isRevoked("P2499")).isTrue();
        assertThat(state.keySet.sequence()).isEqualTo(1);
        assertThat(state.config.gateId()).isEqualTo("gate-1");
        assertThat(state.manifest).containsKeys("M0", "M1", "M2");
        assertThat(state.blacklist.size()).isEqualTo(1);
        assertThat(fake.paths())
                .contains(
                        "GET /terminal/v1/revocations?since=0&limit=1000",
                        "GET /terminal/v1/revocations?since=1000&limit=1000",
                        "GET /terminal/v1/revocations?since=2000&limit=1000");

        fake.requests.clear();
        fake.revoked.add("P2500");
        SyncReport second = sync.syncNow();
        assertThat(second.success()).isTrue();
        assertThat(fake.paths())
                .contains(
                        "GET /terminal/v1/revocations?since=2500&limit=1000",
                        "GET /terminal/v1/manifest?cursor=3&limit=1000",
                        "GET /terminal/v1/blacklist?since=1&limit=1000");
        assertThat(state.revocations.isRevoked("P2500")).isTrue();
        assertThat(state.applied).containsOnlyOnce("keyset:1", "config:1");
        for (RecordedRequest r : fake.requests) {
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Device " + FakeTerminalServer.TOKEN);
        }
    }

    @Test
    void keySetMustBeSignedByThePinnedRootAndNeverGoBack() {
        SyncClient sync = client(builder());
        assertThat(sync.syncNow().success()).isTrue();
        fake.keySetJson = fake.keySet(5, io.scenicpass.core.IssuerKey.fromSeed(FakeTerminalServer.filled(9)));
        SyncReport forged = sync.syncNow();
        assertThat(forged.success()).isFalse();
        assertThat(forged.failure().get().code()).isEqualTo(SyncErrorCode.BAD_KEY_SET);
        assertThat(state.keySet.sequence()).isEqualTo(1);

        fake.keySetJson = fake.keySet(3, fake.root);
        assertThat(sync.syncNow().success()).isTrue();
        assertThat(state.keySet.sequence()).isEqualTo(3);
        fake.keySetJson = fake.keySet(2, fake.root);
        assertThat(sync.syncNow().success()).isTrue();
        assertThat(state.keySet.sequence()).as("rollback refused").isEqualTo(3);
    }

    @Test
    void uploadsEntriesAsGzipBatchesOfManyEvents() throws Exception {
        for (int i = 0; i < 1200; i++) {
            outbox.add(entry("P" + i));
        }
        SyncClient sync = client(builder().entryBatches(500, 20));

        SyncReport report = sync.syncNow();

        assertThat(report.entriesUploaded()).isEqualTo(1200);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(fake.stored).hasSize(1200);
        List<RecordedRequest> posts = fake.requests.stream()
                .filter(r -> r.getUrl().encodedPath().equals("/terminal/v1/entries"))
                .collect(Collectors.toList());
        assertThat(posts).hasSize(3);
        for (RecordedRequest r : posts) {
            assertThat(r.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
        }
        byte[] gz = fake.entryBodies.get(0);
        byte[] plain;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            plain = in.readAllBytes();
        }
        EntryBatch batch = FakeTerminalServer.JSON.readValue(plain, EntryBatch.class);
        assertThat(batch.deviceId()).isEqualTo("dev-1");
        assertThat(batch.events()).hasSize(500);
        assertThat(gz.length).as("gzip shrinks the batch").isLessThan(plain.length / 3);
    }

    @Test
    void retriesWithExponentialBackoffAndJitterThenResetsOnSuccess() {
        outbox.add(entry("P1"));
        fake.failures.set(4);
        // random() = 0.0 → jitter factor 0.5 of the exponential delay
        SyncClient sync = client(builder().offlineDetection(10, Duration.ofSeconds(30)));
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SyncReport r = sync.syncNow();
            assertThat(r.success()).isFalse();
            assertThat(r.failure().get().code()).isEqualTo(SyncErrorCode.SERVER);
            delays.add(r.nextAttemptIn());
        }
        assertThat(delays)
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofMillis(1000),
                        Duration.ofMillis(2000),
                        Duration.ofMillis(4000));
        assertThat(outbox.pendingCount()).isEqualTo(1);
        SyncReport ok = sync.syncNow();
        assertThat(ok.success()).isTrue();
        assertThat(ok.nextAttemptIn()).isEqualTo(Duration.ofSeconds(30));
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void backoffIsCappedAndJitterSpreadsGates() {
        fake.failures.set(-1);
        double[] r = {0.999};
        SyncClient sync = client(builder()
                .random(() -> r[0])
                .backoff(Duration.ofSeconds(1), Duration.ofSeconds(8))
                .offlineDetection(100, Duration.ofSeconds(30)));
        Duration last = Duration.ZERO;
        for (int i = 0; i < 8; i++) {
            last = sync.syncNow().nextAttemptIn();
        }
        assertThat(last).isBetween(Duration.ofMillis(7990), Duration.ofSeconds(8));
        r[0] = 0.0;
        assertThat(sync.syncNow().nextAttemptIn()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void reUploadAfterLostAckIsIdempotentAcrossARestart() {
        List<EntryEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            EntryEvent e = entry("P" + i);
            events.add(e);
            outbox.add(e);
        }
        fake.loseEntryAcks = true;
        SyncClient beforeCrash = client(builder());
        assertThat(beforeCrash.syncNow().success()).isFalse();
        assertThat(fake.stored).as("server stored them").hasSize(10);
        assertThat(outbox.pendingCount())
                .as("but nothing is marked without an ack")
                .isEqualTo(10);
        beforeCrash.close();

        fake.loseEntryAcks = false;
        SyncClient afterRestart = client(builder());
        SyncReport report = afterRestart.syncNow();

        assertThat(report.success()).isTrue();
        assertThat(report.entriesUploaded()).isEqualTo(10);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(fake.stored).hasSize(10);
        assertThat(new HashSet<>(outbox.uploaded()))
                .isEqualTo(events.stream().map(EntryEvent::eventId).collect(Collectors.toSet()));
    }

    @Test
    void overuseConflictsAreRecordedExposedAndKeptAcrossRestarts(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        fake.overusedPasses.add("P-TWICE");
        outbox.add(entry("P-OK"));
        EntryEvent twice = entry("P-TWICE");
        outbox.add(twice);
        java.util.concurrent.CopyOnWriteArrayList<OveruseNotice> heard =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        SyncListener listener = new SyncListener() {
            @Override
            public void overuseConflict(OveruseNotice conflict) {
                heard.add(conflict);
            }
        };
        java.nio.file.Path file = dir.resolve("conflicts.jsonl");
        SyncClient sync = client(builder().listener(listener).conflictFile(file));
        SyncReport report = sync.syncNow();
        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(heard).extracting(OveruseNotice::eventId).containsExactly(twice.eventId());
        assertThat(sync.overuseConflicts()).extracting(OveruseNotice::passId).containsExactly("P-TWICE");
        assertThat(sync.overuseConflicts().get(0).message()).contains("gate-2");
        assertThat(outbox.pendingCount())
                .as("a conflict is still an acknowledged entry")
                .isZero();

        SyncClient restarted = client(builder().conflictFile(file));
        assertThat(restarted.overuseConflicts())
                .extracting(OveruseNotice::eventId)
                .containsExactly(twice.eventId());
    }

    @Test
    void everyResponseFeedsTheServerTimeToTheGateClock() {
        SyncClient sync = client(builder());
        sync.syncNow();
        assertThat(timeSamples).isNotEmpty();
        for (Instant[] s : timeSamples) {
            assertThat(s[0]).isEqualTo(Instant.ofEpochMilli(fake.serverTimeMillis));
            assertThat(s[1]).isEqualTo(SyncTestSupport.DEVICE_NOW);
        }
        assertThat(timeSamples.size()).isEqualTo(fake.requests.size());
    }

    @Test
    void telemetryGoesUpOnTheSamePathAndIsKeptWhileOffline() {
        SyncClient sync = client(builder().offlineDetection(10, Duration.ofSeconds(30)));
        for (int i = 0; i < 5; i++) {
            sync.submitTelemetry(new TelemetryReading(
                    SyncTestSupport.DEVICE_NOW, "dev-1", "counter-1", TelemetryKind.PEOPLE_IN, i, "persons", null));
        }
        fake.failures.set(-1);
        sync.syncNow();
        assertThat(sync.pendingTelemetry()).isEqualTo(5);
        fake.failures.set(0);
        SyncReport ok = sync.syncNow();
        assertThat(ok.telemetryUploaded()).isEqualTo(5);
        assertThat(fake.telemetryReadings.get()).isEqualTo(5);
        assertThat(sync.pendingTelemetry()).isZero();
    }

    @Test
    void tooLargeBatchesAreSplit() {
        for (int i = 0; i < 40; i++) {
            outbox.add(entry("P" + i));
        }
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                if (r.getUrl().encodedPath().endsWith("/entries") && calls.incrementAndGet() == 1) {
                    return new mockwebserver3.MockResponse.Builder()
                            .code(413)
                            .body("{\"code\":\"TOO_LARGE\",\"message\":\"max 20\"}")
                            .build();
                }
                return fake.dispatch(r);
            }
        });
        SyncClient sync = client(builder().entryBatches(40, 20));
        SyncReport report = sync.syncNow();
        assertThat(report.success()).isTrue();
        assertThat(outbox.pendingCount()).isZero();
        assertThat(calls.get()).isEqualTo(3);
    }
}
