package io.scenicpass.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.faults.FaultProxy.Mode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.ThreadDumpOnTimeout;
import io.scenicpass.terminal.sync.Connectivity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gate ({@code Gate} + background {@code SyncClient}) talks to a real server (H2 file) through a
 * {@link FaultProxy} that blackholes, slows, resets and flaps the link, loses the answers to uploads, and across a
 * server restart. Throughout, every
 * decision comes back within {@link FaultRig#DECISION_BOUND} (never blocked by the network); once the link is back,
 * the server holds every journaled event exactly once, each admitted pass counts one entry and every booking is
 * REDEEMED. Waits poll conditions with deadlines; the proxy's delays are the fault, not synchronisation.
 */
@Tag("slow")
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@ExtendWith(ThreadDumpOnTimeout.class)
class NetworkFaultTest {
    @TempDir
    Path dir;

    @Test
    void blackholedSlowAndResetLinksNeverStopTheGateAndLoseNothing() throws Exception {
        try (FaultRig rig = new FaultRig(dir, null)) {
            List<String> passes = rig.book("bhole", 24);
            rig.ts.server.syncFeeds().refreshManifest();
            assertThat(rig.sync.syncNow().success())
                    .as("first sync through the proxy")
                    .isTrue();
            rig.sync.start();

            // black hole: connections accepted, nothing ever answered
            rig.proxy.mode(Mode.BLACKHOLE);
            rig.scanAll(passes.subList(0, 6));
            FaultRig.await(
                    "the sync client to notice the black hole", () -> rig.sync.connectivity() == Connectivity.OFFLINE);
            rig.scanAll(passes.subList(6, 8));
            assertThat(rig.proxy.bytesDropped.get()).as("bytes swallowed").isPositive();
            assertThat(rig.gate.journal().pendingCount())
                    .as("nothing got through")
                    .isEqualTo(rig.decisions.size());

            // slow link: uploads crawl through in small delayed chunks
            rig.proxy.mode(Mode.SLOW);
            rig.scanAll(passes.subList(8, 14));
            FaultRig.await(
                    "uploads over the slow link",
                    () -> rig.proxy.slowChunks.get() > 20 && rig.gate.journal().pendingCount() < rig.decisions.size());

            // resets: live and new connections die with a TCP RST
            rig.proxy.mode(Mode.RESET);
            rig.scanAll(passes.subList(14, 20));
            FaultRig.await("resets", () -> rig.proxy.resets.get() > 2);

            // back to a black hole mid-flight, then the link returns
            rig.proxy.mode(Mode.BLACKHOLE);
            rig.scanAll(passes.subList(20, 22));
            rig.proxy.mode(Mode.PASS);
            rig.scanAll(passes.subList(22, 24));
            rig.assertExactlyOnce();
            FaultRig.await("online again", () -> rig.sync.connectivity() == Connectivity.ONLINE);
            assertThat(rig.slowestDecision()).isLessThan(FaultRig.DECISION_BOUND);
        }
    }

    @Test
    void aFlappingLinkNeverStopsTheGateAndLosesNothing() throws Exception {
        try (FaultRig rig = new FaultRig(dir, null)) {
            List<String> passes = rig.book("flap", 40);
            rig.ts.server.syncFeeds().refreshManifest();
            assertThat(rig.sync.syncNow().success()).isTrue();
            rig.sync.start();
            rig.proxy.slowDelay = Duration.ofMillis(10);
            rig.proxy.startFlapping(
                    Duration.ofMillis(250), Mode.PASS, Mode.BLACKHOLE, Mode.PASS, Mode.RESET, Mode.SLOW);
            // scan while the link flaps; each scan waits for the proxy to have switched at least once more, so the
            // stream of decisions spreads over many flaps
            for (int i = 0; i < passes.size(); i += 2) {
                int switches = rig.proxy.modeSwitches.get();
                rig.scanAll(passes.subList(i, i + 2));
                FaultRig.await("the next flap", () -> rig.proxy.modeSwitches.get() > switches);
            }
            rig.proxy.stopFlapping(Mode.PASS);
            System.out.println("[faults] flapping stopped after " + rig.proxy.modeSwitches.get() + " switches at "
                    + java.time.Instant.now());
            assertThat(rig.proxy.modeSwitches.get()).isGreaterThanOrEqualTo(20);
            assertThat(rig.proxy.resets.get()).isPositive();
            assertThat(rig.proxy.bytesDropped.get()).isPositive();
            rig.assertExactlyOnce();
        }
    }

    @Test
    void lostUploadAcknowledgementsAreRetriedAndStoredOnce() throws Exception {
        try (FaultRig rig = new FaultRig(dir, null)) {
            List<String> passes = rig.book("lostack", 12);
            rig.ts.server.syncFeeds().refreshManifest();
            assertThat(rig.sync.syncNow().success()).isTrue();
            rig.sync.start();
            // the uploads reach the server and are stored; their answers never come back, so the terminal sends the
            // oldest batch again and again
            rig.proxy.mode(Mode.LOSE_UPLOAD_ACKS);
            rig.scanAll(passes);
            int decided = rig.decisions.size();
            FaultRig.await(
                    "the same upload sent twice", () -> rig.proxy.uploadsAckLost.get() >= 2 && rig.countRows() > 0);
            rig.proxy.mode(Mode.BLACKHOLE);
            Set<String> storedUnheard = new HashSet<>(rig.ts
                    .get("/admin/v1/entries?deviceId=" + rig.creds.deviceId(), TestServer.ADMIN)
                    .json()
                    .findValuesAsText("eventId"));
            assertThat(storedUnheard).isNotEmpty();
            assertThat(rig.gate.journal().pendingCount())
                    .as("the terminal never heard")
                    .isEqualTo(decided);
            assertThat(rig.accepted).isEmpty();
            // the answers come back: the batches the server already has are acknowledged DUPLICATE, stored once
            rig.proxy.mode(Mode.PASS);
            rig.assertExactlyOnce();
            assertThat(rig.accepted.keySet()).as("no ACCEPTED on a retry").doesNotContainAnyElementsOf(storedUnheard);
            System.out.println("[faults] stored while the acks were lost: " + storedUnheard.size() + " of " + decided);
        }
    }

    @Test
    void aServerRestartWithTheTerminalConnectedLosesNothing() throws Exception {
        try (FaultRig rig = new FaultRig(dir, null)) {
            serverRestart(rig);
        }
    }

    /** The server restart scenario, on the rig's database (H2 here, PostgreSQL in NetworkFaultPostgresTest). */
    static void serverRestart(FaultRig rig) throws Exception {
        List<String> passes = rig.book("restart", 16);
        rig.ts.server.syncFeeds().refreshManifest();
        assertThat(rig.sync.syncNow().success()).isTrue();
        rig.sync.start();
        FaultRig.await("the push stream", rig.sync::pushConnected);
        rig.scanAll(passes.subList(0, 6));
        FaultRig.await("the first entries uploaded", () -> rig.gate.journal().pendingCount() == 0);

        // the server goes down while the terminal is connected (push stream open, uploads flowing)
        CompletableFuture<Void> scanning = CompletableFuture.runAsync(() -> rig.scanAll(passes.subList(6, 10)));
        rig.stopServer();
        scanning.get();
        rig.scanAll(passes.subList(10, 13));
        FaultRig.await("the terminal to notice", () -> rig.sync.connectivity() == Connectivity.OFFLINE);
        assertThat(rig.gate.journal().pendingCount()).isPositive();

        // a new server process on the same data; the terminal reconnects on its own and uploads the rest once
        rig.startServer();
        rig.scanAll(passes.subList(13, 16));
        rig.assertExactlyOnce();
        FaultRig.await("the push stream reconnected", rig.sync::pushConnected);
        FaultRig.await("online again", () -> rig.sync.connectivity() == Connectivity.ONLINE);
    }
}
