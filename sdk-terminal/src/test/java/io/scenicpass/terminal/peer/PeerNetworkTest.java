package io.scenicpass.terminal.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Pass;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.PeerInfo;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.GateFixture;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.rules.Reason;
import io.scenicpass.terminal.sync.SyncTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gates of one site on real loopback sockets: propagation, authentication, partitions, restarts. */
class PeerNetworkTest {
    private final GateFixture fx = new GateFixture();
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** The pair key a server would list for devices a and b (any secret both know works). */
    static String pairKey(String a, String b) throws Exception {
        String pair = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
        byte[] k =
                MessageDigest.getInstance("SHA-256").digest(("site-secret|" + pair).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(k);
    }

    private Gate gate(int n) {
        Gate g = fx.gateBuilder(dir.resolve("gate" + n))
                .deviceId("dev-" + n)
                .gateId("g" + n)
                .config(fx.configBuilder().deviceId("dev-" + n).gateId("g" + n).build())
                .secureRandom(new SecureRandom())
                .build();
        open.add(g);
        return g;
    }

    private PeerNetwork link(Gate g) {
        PeerNetwork p = PeerNetwork.builder(g)
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .heartbeat(Duration.ofMillis(200))
                .start();
        open.add(p);
        return p;
    }

    /** Lists every other gate (with its endpoint) as a peer in each gate's config, as the server would. */
    private void introduce(List<Gate> gates, List<PeerNetwork> nets, int... unlisted) throws Exception {
        for (int i = 0; i < gates.size(); i++) {
            List<PeerInfo> peers = new ArrayList<>();
            for (int j = 0; j < gates.size(); j++) {
                if (i != j) {
                    peers.add(new PeerInfo(
                            "dev-" + (j + 1),
                            "g" + (j + 1),
                            "127.0.0.1:" + nets.get(j).port(),
                            pairKey("dev-" + (i + 1), "dev-" + (j + 1))));
                }
            }
            int me = i + 1;
            if (java.util.Arrays.stream(unlisted).anyMatch(u -> u == me)) {
                peers.clear();
            }
            DeviceConfig c = gates.get(i).state().config().orElseThrow();
            GateInternals.state(gates.get(i))
                    .applyConfig(
                            c.toBuilder().peers(peers).version(c.version() + 1).build());
        }
    }

    private static void await(String what, BooleanSupplier done) {
        SyncTestSupport.await(what, Duration.ofSeconds(10), done);
    }

    private static Decision scan(Gate g, Pass p) {
        return g.decide(Credential.qr(p.text()), GateContext.entry("main"));
    }

    private static int entries(Gate g, Pass p) {
        return g.state().ledger().usage(p.claims().passId()).entries();
    }

    private static Set<String> pendingIds(Gate g) {
        return g.outbox().pending(1000).stream().map(EntryEvent::eventId).collect(Collectors.toSet());
    }

    @Test
    void aPassUsedAtOneGateIsRefusedAtTheOthersWithinASecond() throws Exception {
        List<Gate> gates = List.of(gate(1), gate(2), gate(3));
        List<PeerNetwork> nets = List.of(link(gates.get(0)), link(gates.get(1)), link(gates.get(2)));
        introduce(gates, nets);
        await("all linked", () -> nets.stream().allMatch(n -> n.linkedPeers().size() == 2));
        Pass pass = fx.issue(fx.claims().build());

        Decision first = scan(gates.get(0), pass);
        long decidedAt = System.nanoTime();
        assertThat(first.verdict()).isEqualTo(Verdict.ADMIT);
        await("gate 3 knows the entry", () -> entries(gates.get(2), pass) == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - decidedAt)).isLessThan(Duration.ofSeconds(1));

        Decision second = scan(gates.get(2), pass);
        assertThat(second.verdict()).isEqualTo(Verdict.DENY);
        assertThat(second.reason()).isEqualTo(Reason.ALREADY_ENTERED);
        // the peer's event is journaled for upload at every gate; the server keeps one copy per event id
        await("gate 2 has it too", () -> pendingIds(gates.get(1)).contains(first.eventId()));
        assertThat(pendingIds(gates.get(2))).contains(first.eventId());
        // the counter moves after the event is applied: wait for it, then it is one event, not a copy per path
        await("gate 3 counted the event", () -> nets.get(2).eventsReceived() >= 1);
        assertThat(nets.get(2).eventsReceived()).isEqualTo(1);
    }

    @Test
    void aDeviceThatIsNotAListedPeerIsNotBelieved() throws Exception {
        Gate g1 = gate(1);
        Gate g2 = gate(2);
        PeerNetwork n1 = link(g1);
        PeerNetwork n2 = link(g2);
        // gate 2 lists gate 1 with its pair key, but gate 1 does not list gate 2 (revoked, or another site)
        introduce(List.of(g1, g2), List.of(n1, n2), 1);
        Pass pass = fx.issue(fx.claims().build());
        assertThat(scan(g2, pass).verdict()).isEqualTo(Verdict.ADMIT);
        Pass other = fx.issue(fx.claims().build());
        assertThat(scan(g1, other).verdict()).isEqualTo(Verdict.ADMIT);

        // gate 2 keeps trying, gate 1 keeps refusing: nothing crosses either way
        await("gate 2 tried and was refused a few times", () -> n2.linkedPeers().isEmpty() && n1.eventsReceived() == 0);
        assertThat(entries(g1, pass)).isZero();
        assertThat(entries(g2, other)).isZero();
        assertThat(n1.linkedPeers()).isEmpty();
    }

    @Test
    void aWrongPairKeyIsRefused() throws Exception {
        Gate g1 = gate(1);
        Gate g2 = gate(2);
        PeerNetwork n1 = link(g1);
        PeerNetwork n2 = link(g2);
        introduce(List.of(g1, g2), List.of(n1, n2));
        await("linked", () -> n1.linkedPeers().size() == 1 && n2.linkedPeers().size() == 1);
        // gate 2's config now holds a forged key for gate 1 (an impostor claiming to be dev-2 would)
        DeviceConfig c = g2.state().config().orElseThrow();
        List<PeerInfo> forged = List.of(new PeerInfo(
                "dev-1", "g1", "127.0.0.1:" + n1.port(), Base64.getEncoder().encodeToString(new byte[32])));
        GateInternals.state(g2)
                .applyConfig(
                        c.toBuilder().peers(forged).version(c.version() + 1).build());
        await(
                "the links with the forged key are gone",
                () -> n2.linkedPeers().isEmpty() && n1.linkedPeers().isEmpty());

        Pass pass = fx.issue(fx.claims().build());
        assertThat(scan(g2, pass).verdict()).isEqualTo(Verdict.ADMIT);
        Pass other = fx.issue(fx.claims().build());
        assertThat(scan(g1, other).verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(n1.eventsReceived()).isZero();
        assertThat(n2.eventsReceived()).isZero();
    }

    @Test
    void bothHalvesOfAPartitionMayAdmitAndConvergeOnceHealed() throws Exception {
        List<Gate> gates = List.of(gate(1), gate(2), gate(3), gate(4));
        List<PeerNetwork> nets = new ArrayList<>();
        gates.forEach(g -> nets.add(link(g)));
        introduce(gates, nets);
        await("all linked", () -> nets.stream().allMatch(n -> n.linkedPeers().size() == 3));
        nets.get(0).isolate(List.of("dev-3", "dev-4"));
        nets.get(1).isolate(List.of("dev-3", "dev-4"));
        nets.get(2).isolate(List.of("dev-1", "dev-2"));
        nets.get(3).isolate(List.of("dev-1", "dev-2"));
        await("partitioned", () -> nets.stream().allMatch(n -> n.linkedPeers().size() == 1));

        Pass pass = fx.issue(fx.claims().build());
        Decision a = scan(gates.get(0), pass);
        Decision b = scan(gates.get(2), pass);
        assertThat(a.verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(b.verdict()).as("the other half cannot know").isEqualTo(Verdict.ADMIT);
        await("each half converged", () -> entries(gates.get(1), pass) == 1 && entries(gates.get(3), pass) == 1);

        nets.forEach(n -> n.isolate(List.of()));
        await("healed and converged", () -> gates.stream().allMatch(g -> entries(g, pass) == 2));
        // both admissions will reach the server from every gate; it flags the second as over-use
        for (Gate g : gates) {
            assertThat(pendingIds(g)).contains(a.eventId(), b.eventId());
        }
        assertThat(scan(gates.get(1), pass).reason()).isEqualTo(Reason.ALREADY_ENTERED);
    }

    @Test
    void aGateThatCannotSeeTheDecidingGateLearnsThroughAnother() throws Exception {
        List<Gate> gates = List.of(gate(1), gate(2), gate(3));
        List<PeerNetwork> nets = List.of(link(gates.get(0)), link(gates.get(1)), link(gates.get(2)));
        introduce(gates, nets);
        await("all linked", () -> nets.stream().allMatch(n -> n.linkedPeers().size() == 2));
        Pass before = fx.issue(fx.claims().build());
        assertThat(scan(gates.get(0), before).verdict()).isEqualTo(Verdict.ADMIT);
        await("everyone has the first entry", () -> entries(gates.get(2), before) == 1);
        // 1 and 3 lose sight of each other; 2 still sees both and relays
        nets.get(0).isolate(List.of("dev-3"));
        nets.get(2).isolate(List.of("dev-1"));
        await(
                "1 and 3 apart",
                () -> nets.get(0).linkedPeers().equals(Set.of("dev-2"))
                        && nets.get(2).linkedPeers().equals(Set.of("dev-2")));

        Pass pass = fx.issue(fx.claims().build());
        assertThat(scan(gates.get(0), pass).verdict()).isEqualTo(Verdict.ADMIT);
        await("gate 3 learnt it through gate 2", () -> entries(gates.get(2), pass) == 1);
        assertThat(scan(gates.get(2), pass).reason()).isEqualTo(Reason.ALREADY_ENTERED);
        Pass back = fx.issue(fx.claims().build());
        assertThat(scan(gates.get(2), back).verdict()).isEqualTo(Verdict.ADMIT);
        await("and back to gate 1", () -> entries(gates.get(0), back) == 1);
        assertThat(entries(gates.get(2), before)).as("nothing counted twice").isEqualTo(1);
    }

    @Test
    void aGateThatWasDownCatchesUpAndCountsNothingTwice() throws Exception {
        Gate g1 = gate(1);
        Gate g2 = gate(2);
        PeerNetwork n1 = link(g1);
        PeerNetwork n2 = link(g2);
        introduce(List.of(g1, g2), List.of(n1, n2));
        Pass early = fx.issue(fx.claims().build());
        assertThat(scan(g1, early).verdict()).isEqualTo(Verdict.ADMIT);
        await("gate 2 has the first entry", () -> entries(g2, early) == 1);
        int port2 = n2.port();
        n2.close();
        g2.close();

        Pass late = fx.issue(fx.claims().build());
        assertThat(scan(g1, late).verdict()).isEqualTo(Verdict.ADMIT);
        // gate 2 comes back on the same port with its journal: it gets what it missed, and the first entry
        // (offered again by gate 1 from the start of its log) counts once
        Gate again = fx.gateBuilder(dir.resolve("gate2"))
                .deviceId("dev-2")
                .gateId("g2")
                .secureRandom(new SecureRandom())
                .build();
        open.add(again);
        PeerNetwork back = PeerNetwork.builder(again)
                .bindAddress("127.0.0.1")
                .listenPort(port2)
                .heartbeat(Duration.ofMillis(200))
                .start();
        open.add(back);
        await("gate 2 caught up", () -> entries(again, late) == 1);
        assertThat(entries(again, early)).isEqualTo(1);
        assertThat(scan(again, late).reason()).isEqualTo(Reason.ALREADY_ENTERED);
    }
}
