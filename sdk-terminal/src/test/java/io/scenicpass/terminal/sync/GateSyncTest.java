package io.scenicpass.terminal.sync;

import static io.scenicpass.terminal.sync.SyncTestSupport.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.journal.FsyncPolicy;
import io.scenicpass.terminal.state.OveruseNotice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync client wired to the real gate engine with {@link SyncClientBuilder#gate}. */
class GateSyncTest {
    private static final Instant NOW = Instant.parse("2026-07-01T07:59:00Z");
    private final FakeTerminalServer fake = new FakeTerminalServer();
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private Gate gate;
    private SyncClient sync;

    @BeforeEach
    void start() throws Exception {
        fake.config = DeviceConfig.builder()
                .deviceId("dev-1")
                .gateId("gate-1")
                .areaId("area-1")
                .zones(Arrays.asList("main"))
                .direction("BOTH")
                .version(2)
                .build();
        server.setDispatcher(fake);
        server.start();
        gate = Gate.builder()
                .stateDirectory(dir)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .rootPublicKey(fake.root.publicKey())
                .deviceId("dev-1")
                .gateId("gate-1")
                .fsyncPolicy(FsyncPolicy.NEVER)
                .build();
        sync = SyncClient.builder(credentials(server, fake))
                .gate(gate)
                .push(false)
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        sync.close();
        gate.close();
        fake.close();
        server.close();
    }

    private Pass pass(String id) {
        return new PassIssuer(fake.issuer)
                .issue(Claims.builder()
                        .passId(id)
                        .issuerId("area-1")
                        .productId("DAY")
                        .kind(PassKind.DAY)
                        .validFrom(NOW.minus(Duration.ofHours(1)))
                        .validUntil(NOW.plus(Duration.ofHours(8)))
                        .entriesAllowed(1)
                        .reentry(ReentryPolicy.SINGLE)
                        .issuedAt(NOW.minus(Duration.ofDays(1)))
                        .build());
    }

    @Test
    void gateStateJournalAndClockAreFedByTheSyncClient() {
        fake.revoked.add("P-REFUNDED");
        fake.overusedPasses.add("P-TWICE");
        assertThat(sync.syncNow().success()).isTrue();
        assertThat(gate.state().keySetSequence()).isEqualTo(1);
        assertThat(gate.state().configVersion()).isEqualTo(2);
        assertThat(gate.state().revocations().isRevoked("P-REFUNDED")).isTrue();
        assertThat(gate.isOnline()).isTrue();
        assertThat(gate.clock().offset())
                .as("server is a minute ahead of the device")
                .isEqualTo(Duration.ofMillis(fake.serverTimeMillis - NOW.toEpochMilli()));

        Decision ok = gate.decide(Credential.qr(pass("P-OK").text()), GateContext.entry("main"));
        Decision twice = gate.decide(Credential.qr(pass("P-TWICE").text()), GateContext.entry("main"));
        Decision refunded = gate.decide(Credential.qr(pass("P-REFUNDED").text()), GateContext.entry("main"));
        assertThat(ok.admitted()).as(ok.toString()).isTrue();
        assertThat(twice.admitted()).isTrue();
        assertThat(refunded.reason()).isEqualTo("REVOKED");

        SyncReport report = sync.syncNow();
        assertThat(report.entriesUploaded()).isEqualTo(3);
        assertThat(gate.outbox().pendingCount()).isZero();
        assertThat(fake.stored.keySet()).contains(ok.eventId(), twice.eventId(), refunded.eventId());
        assertThat(gate.state().overuseNotices()).hasSize(1);
        assertThat(sync.overuseConflicts()).extracting(OveruseNotice::eventId).containsExactly(twice.eventId());
    }

    @Test
    void pendingJournalEntriesGoUpAfterARestartExactlyOnce() throws Exception {
        assertThat(sync.syncNow().success()).isTrue();
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = gate.decide(Credential.qr(pass("P-R" + i).text()), GateContext.entry("main"))
                    .eventId();
        }
        fake.loseEntryAcks = true; // server stores the batch, the ack never arrives
        assertThat(sync.syncNow().success()).isFalse();
        assertThat(fake.stored).hasSize(3);
        assertThat(gate.outbox().pendingCount()).isEqualTo(3);
        sync.close();
        gate.close();

        fake.loseEntryAcks = false;
        gate = Gate.builder()
                .stateDirectory(dir)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .rootPublicKey(fake.root.publicKey())
                .deviceId("dev-1")
                .gateId("gate-1")
                .fsyncPolicy(FsyncPolicy.NEVER)
                .build();
        assertThat(gate.outbox().pendingCount())
                .as("journal replayed after restart")
                .isEqualTo(3);
        sync = SyncClient.builder(credentials(server, fake))
                .gate(gate)
                .push(false)
                .build();
        SyncReport report = sync.syncNow();

        assertThat(report.entriesUploaded()).isEqualTo(3);
        assertThat(gate.outbox().pendingCount()).isZero();
        assertThat(fake.stored.keySet()).containsExactlyInAnyOrder(ids);
        assertThat(gate.decide(Credential.qr(pass("P-R0").text()), GateContext.entry("main"))
                        .reason())
                .as("entry count survived the restart too")
                .isEqualTo("ALREADY_ENTERED");
    }
}
