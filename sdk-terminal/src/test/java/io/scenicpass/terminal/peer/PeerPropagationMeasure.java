package io.scenicpass.terminal.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Pass;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.PeerInfo;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.GateFixture;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.journal.FsyncPolicy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gate-to-gate propagation: 8 gates on loopback (one JVM, journals fsynced as in production), each admitting 20
 * fresh passes per second for {@code -Dscenicpass.bench.seconds} (default 15); for every admission, the time from its
 * decision returning at its gate to its arrival in each of the 7 other gates' ledgers ({@code
 * -Dscenicpass.bench.fsync=NEVER} to see the share of the disk). Skipped unless
 * {@code -Dscenicpass.bench=true}; prints BENCH lines, asserts completeness, never time.
 */
class PeerPropagationMeasure {
    private static final int GATES = 8;
    private static final int PER_SECOND = 20;

    @TempDir
    Path dir;

    @Test
    void propagation() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("scenicpass.bench"), "set -Dscenicpass.bench=true to measure");
        int seconds = Integer.getInteger("scenicpass.bench.seconds", 15);
        FsyncPolicy fsync = FsyncPolicy.valueOf(System.getProperty("scenicpass.bench.fsync", "ALWAYS"));
        GateFixture fx = new GateFixture();
        List<Gate> gates = new ArrayList<>();
        List<PeerNetwork> nets = new ArrayList<>();
        Map<String, Long> decidedAt = new ConcurrentHashMap<>();
        // arrivals are matched to decisions afterwards: a peer may learn an event before its decision returns
        java.util.Queue<Object[]> arrivals = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicInteger n = new AtomicInteger();
        try {
            for (int i = 1; i <= GATES; i++) {
                Gate g = fx.gateBuilder(dir.resolve("g" + i))
                        .deviceId("dev-" + i)
                        .config(fx.configBuilder().deviceId("dev-" + i).build())
                        .fsyncPolicy(fsync)
                        .secureRandom(new SecureRandom())
                        .build();
                gates.add(g);
                String me = "dev-" + i;
                GateInternals.addUsageListener(g, e -> {
                    if (!me.equals(e.deviceId())) {
                        arrivals.add(new Object[] {e.eventId(), System.nanoTime()});
                        n.incrementAndGet();
                    }
                });
                nets.add(PeerNetwork.builder(g)
                        .bindAddress("127.0.0.1")
                        .listenPort(0)
                        .start());
            }
            for (int i = 0; i < GATES; i++) {
                List<PeerInfo> peers = new ArrayList<>();
                for (int j = 0; j < GATES; j++) {
                    if (i != j) {
                        peers.add(new PeerInfo(
                                "dev-" + (j + 1),
                                "g",
                                "127.0.0.1:" + nets.get(j).port(),
                                PeerNetworkTest.pairKey("dev-" + (i + 1), "dev-" + (j + 1))));
                    }
                }
                DeviceConfig c = gates.get(i).state().config().orElseThrow();
                GateInternals.state(gates.get(i))
                        .applyConfig(c.toBuilder().peers(peers).version(2).build());
            }
            long linkDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!nets.stream().allMatch(x -> x.linkedPeers().size() == GATES - 1)) {
                assertThat(System.nanoTime()).as("all linked").isLessThan(linkDeadline);
                Thread.onSpinWait();
            }
            int total = GATES * PER_SECOND * seconds;
            List<Pass> passes = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                passes.add(fx.issue(fx.claims().build()));
            }
            AtomicInteger next = new AtomicInteger();
            AtomicInteger admitted = new AtomicInteger();
            ScheduledExecutorService lanes = Executors.newScheduledThreadPool(GATES);
            for (Gate g : gates) {
                lanes.scheduleAtFixedRate(
                        () -> {
                            int k = next.getAndIncrement();
                            if (k >= total) {
                                return;
                            }
                            Decision d = g.decide(Credential.qr(passes.get(k).text()), GateContext.entry("main"));
                            decidedAt.put(d.eventId(), System.nanoTime());
                            if (d.admitted()) {
                                admitted.incrementAndGet();
                            }
                        },
                        0,
                        1000 / PER_SECOND,
                        TimeUnit.MILLISECONDS);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 60).toNanos();
            long want = (long) total * (GATES - 1);
            while (n.get() < want && System.nanoTime() < deadline) {
                lanes.awaitTermination(100, TimeUnit.MILLISECONDS);
            }
            lanes.shutdownNow();
            assertThat(admitted.get()).isEqualTo(total);
            assertThat(n.get()).as("every admission reached every other gate").isEqualTo(want);
            long[] s = new long[arrivals.size()];
            int k = 0;
            for (Object[] a : arrivals) {
                s[k++] = Math.max(0, (Long) a[1] - decidedAt.get((String) a[0]));
            }
            Arrays.sort(s);
            System.out.printf(
                    "BENCH peer propagation (fsync %s): %d gates x %d admissions/s for %d s = %d admissions, %d arrivals;"
                            + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (load average %.1f)%n",
                    fsync,
                    GATES,
                    PER_SECOND,
                    seconds,
                    total,
                    s.length,
                    s[s.length / 2] / 1e6,
                    s[(int) (s.length * 0.9)] / 1e6,
                    s[(int) (s.length * 0.99)] / 1e6,
                    s[s.length - 1] / 1e6,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        } finally {
            nets.forEach(PeerNetwork::close);
            gates.forEach(Gate::close);
        }
    }
}
