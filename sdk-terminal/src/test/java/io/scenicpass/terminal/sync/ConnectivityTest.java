package io.scenicpass.terminal.sync;

import static io.scenicpass.terminal.sync.SyncTestSupport.DEVICE_CLOCK;
import static io.scenicpass.terminal.sync.SyncTestSupport.await;
import static io.scenicpass.terminal.sync.SyncTestSupport.credentials;
import static io.scenicpass.terminal.sync.SyncTestSupport.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Direction;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import io.scenicpass.core.wire.PushMessage;
import io.scenicpass.core.wire.PushType;
import io.scenicpass.core.wire.RevocationDelta;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Automatic online/offline detection, online check with fallback, SSE push, background scheduling. */
class ConnectivityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeTerminalServer fake = new FakeTerminalServer();
    private final MockWebServer server = new MockWebServer();
    private final MemoryState state = new MemoryState();
    private final MemoryOutbox outbox = new MemoryOutbox();
    private final List<String> transitions = new CopyOnWriteArrayList<>();
    private final List<PushMessage> displayed = new CopyOnWriteArrayList<>();
    private final List<SyncClient> clients = new ArrayList<>();
    private final SyncListener listener = new SyncListener() {
        @Override
        public void connectivityChanged(Connectivity previous, Connectivity current) {
            transitions.add(previous + "->" + current);
        }

        @Override
        public void displayPush(PushMessage message) {
            displayed.add(message);
        }
    };

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

    private SyncClient client(SyncClientBuilder b) {
        SyncClient c = b.build();
        clients.add(c);
        return c;
    }

    private SyncClientBuilder builder(DeviceCredentials creds) {
        return SyncClient.builder(creds)
                .state(state)
                .outbox(outbox)
                .clock(DEVICE_CLOCK)
                .listener(listener)
                .push(false)
                .random(() -> 0.0)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private static OnlineCheckRequest check(String eventId, String passText) {
        return new OnlineCheckRequest(eventId, passText, "gate-1", "main", Direction.IN);
    }

    @Test
    void goesOfflineAfterConsecutiveFailuresAndBackOnlineByItself() {
        SyncClient sync = client(builder(credentials(server, fake)).offlineDetection(2, Duration.ofSeconds(30)));
        assertThat(sync.connectivity()).isEqualTo(Connectivity.UNKNOWN);
        assertThat(sync.syncNow().success()).isTrue();
        assertThat(sync.connectivity()).isEqualTo(Connectivity.ONLINE);

        fake.failures.set(-1);
        sync.syncNow();
        assertThat(sync.connectivity()).as("one failure is not yet offline").isEqualTo(Connectivity.ONLINE);
        sync.syncNow();
        assertThat(sync.connectivity()).isEqualTo(Connectivity.OFFLINE);

        int before = fake.requests.size();
        assertThat(sync.onlineCheck(check("E1", "SP1abc"), Duration.ofSeconds(1)))
                .as("offline: decide locally at once, no request")
                .isEmpty();
        assertThat(fake.requests).hasSize(before);

        fake.failures.set(0);
        assertThat(sync.syncNow().success()).isTrue();
        assertThat(sync.connectivity()).isEqualTo(Connectivity.ONLINE);
        assertThat(transitions).containsExactly("UNKNOWN->ONLINE", "ONLINE->OFFLINE", "OFFLINE->ONLINE");
    }

    @Test
    void refusedConnectionsCountAsOffline() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        DeviceCredentials dead = new DeviceCredentials(
                "http://127.0.0.1:" + deadPort,
                "dev-1",
                FakeTerminalServer.TOKEN,
                "area-1",
                "gate-1",
                fake.root.publicKey());
        SyncClient sync = client(builder(dead).offlineDetection(2, Duration.ofSeconds(30)));
        SyncReport r = sync.syncNow();
        assertThat(r.failure().get().code()).isEqualTo(SyncErrorCode.NETWORK);
        sync.syncNow();
        assertThat(sync.connectivity()).isEqualTo(Connectivity.OFFLINE);
    }

    @Test
    void slowResponsesCountAsOffline() {
        SyncClient sync = client(builder(credentials(server, fake)).offlineDetection(1, Duration.ofMillis(1000)));
        fake.onlineCheckDelayMillis = 1500;
        assertThat(sync.syncNow().success()).isTrue();
        assertThat(sync.onlineCheck(check("E1", "SP1abc"), Duration.ofSeconds(5)))
                .isPresent();
        assertThat(sync.connectivity())
                .as("answer came, but too slowly for the gate")
                .isEqualTo(Connectivity.OFFLINE);
    }

    @Test
    void onlineCheckAsksTheServerAndFallsBackAfterAShortTimeout() {
        SyncClient sync = client(builder(credentials(server, fake)).offlineDetection(3, Duration.ofSeconds(30)));
        sync.syncNow();
        Optional<OnlineCheckResponse> admit = sync.onlineCheck(check("E-1", "SP1good"), Duration.ofSeconds(2));
        assertThat(admit).hasValueSatisfying(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.ADMIT);
            assertThat(r.reason()).isEqualTo("ONLINE:E-1");
        });
        assertThat(sync.onlineCheck(check("E-2", "SP1bad"), Duration.ofSeconds(2))
                        .get()
                        .verdict())
                .isEqualTo(Verdict.DENY);

        fake.onlineCheckDelayMillis = 1_500;
        assertThat(sync.onlineCheck(check("E-3", "SP1good"), Duration.ofMillis(200)))
                .as("no answer within the timeout: use the offline decision")
                .isEmpty();
        String lastBody = fake.requests.get(fake.requests.size() - 1).getBody().utf8();
        assertThat(lastBody).contains("\"eventId\":\"E-3\"");
    }

    @Test
    void serverPushIsAppliedAndGapsFallBackToPull() {
        SyncClient sync = client(builder(credentials(server, fake)).push(true).pullInterval(Duration.ofMinutes(10)));
        sync.start();
        await("first cycle", WAIT, () -> state.keySet != null && state.config != null);
        await("push stream open", WAIT, sync::pushConnected);

        fake.push(new PushMessage(
                PushType.REVOCATION,
                1,
                FakeTerminalServer.JSON.valueToTree(
                        new RevocationDelta(0, 1, Collections.singletonList("P-URGENT"), false))));
        await("pushed revocation applied", WAIT, () -> state.revocations.isRevoked("P-URGENT"));
        assertThat(fake.paths()).noneMatch(p -> p.contains("revocations?since=1"));

        // a delta that does not continue from our sequence makes the client pull instead
        fake.revoked.addAll(Arrays.asList("P-URGENT", "P-A", "P-B"));
        fake.push(new PushMessage(
                PushType.REVOCATION,
                3,
                FakeTerminalServer.JSON.valueToTree(
                        new RevocationDelta(2, 3, Collections.singletonList("P-B"), false))));
        await(
                "gap filled by pull",
                WAIT,
                () -> state.revocations.isRevoked("P-A") && state.revocations.isRevoked("P-B"));

        fake.keySetJson = fake.keySet(2, fake.root);
        fake.push(new PushMessage(PushType.KEYSET, 2, FakeTerminalServer.JSON.createObjectNode()));
        await("key set push triggers a pull", WAIT, () -> state.keySet.sequence() == 2);

        fake.push(new PushMessage(
                PushType.CAPACITY, 9, FakeTerminalServer.JSON.createObjectNode().put("remaining", 42)));
        await("capacity forwarded to the display", WAIT, () -> !displayed.isEmpty());
        assertThat(displayed.get(0).payload().get("remaining").asInt()).isEqualTo(42);
    }

    @Test
    void backgroundSyncUploadsNewEntriesAndRecoversAfterAnOutage() {
        fake.failures.set(3);
        SyncClient sync = client(builder(credentials(server, fake))
                .pullInterval(Duration.ofMinutes(10))
                .offlineDetection(2, Duration.ofSeconds(30)));
        sync.start();
        await("recovered through backoff", WAIT, () -> state.config != null);
        assertThat(transitions).containsExactly("UNKNOWN->OFFLINE", "OFFLINE->ONLINE");

        outbox.add(entry("P-NEW"));
        sync.entriesAvailable();
        await("entry uploaded without waiting for the pull interval", WAIT, () -> outbox.pendingCount() == 0);
        assertThat(fake.stored.values()).extracting(e -> e.passId()).containsExactly("P-NEW");
    }
}
