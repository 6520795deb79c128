package io.scenicpass.benchmarks.terminal;

import io.scenicpass.core.Claims;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.journal.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Gate decision end to end without hardware: QR text in → decode, key and signature, revocation,
 * blacklist, validity, slot, zone, entry count, party, concession, operator rules → entry event journaled
 * (fsync ALWAYS or NEVER) → decision out. The floor in the same run: bare pass verification
 * (decode + signature) of the same passes with sdk-core's {@link PassVerifier}.
 *
 * <p>Run: {@code java -jar benchmarks.jar 'terminal.GateDecisionBenchmark' -f 1 -wi 2 -w 2s -i 3 -r 3s}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GateDecisionBenchmark {
    static final int PASSES = 1024;

    /** Passes and keys shared by both benchmarks. */
    @State(Scope.Benchmark)
    public static class Passes {
        String[] texts = new String[PASSES];
        KeySet keys;
        Instant now;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            now = Instant.now();
            IssuerKey key = BenchGates.key(7);
            keys = BenchGates.keySet(key, now);
            PassIssuer issuer = new PassIssuer(key);
            for (int i = 0; i < PASSES; i++) {
                // annual passes without passback: every scan is admitted, so each op journals an ADMIT
                Claims c = BenchGates.openPass(String.format("BENCH%011d", i), PassKind.ANNUAL, now);
                texts[i] = issuer.issue(c).text();
            }
        }

        String nextText() {
            next = (next + 1) & (PASSES - 1);
            return texts[next];
        }
    }

    /** A gate with its journal on the local disk. */
    @State(Scope.Benchmark)
    public static class GateHolder {
        @Param({"ALWAYS", "NEVER"})
        public String fsync;

        Gate gate;
        Path dir;
        final GateContext entry = GateContext.entry("main");

        @Setup(Level.Trial)
        public void setUp(Passes passes) throws IOException {
            dir = BenchGates.stateDirectory("gate-bench");
            gate = BenchGates.gate(dir, passes.keys, FsyncPolicy.valueOf(fsync)).build();
            Decision d = gate.decide(Credential.qr(passes.texts[0]), entry);
            if (!d.admitted()) {
                throw new IllegalStateException("benchmark pass not admitted: " + d);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown(Passes passes) throws IOException {
            Decision d = gate.decide(Credential.qr(passes.texts[1]), entry);
            long appends = gate.journal().pendingCount();
            System.out.printf(
                    "%n[%s] %d decisions journaled with %d forces%n",
                    fsync, appends, gate.journal().forceCount());
            gate.close();
            BenchGates.delete(dir);
            if (!d.admitted()) {
                throw new IllegalStateException("gate stopped admitting during the run: " + d.reason());
            }
        }
    }

    /** Bare verifier over the same key set. */
    @State(Scope.Benchmark)
    public static class Verifier {
        PassVerifier verifier;

        @Setup(Level.Trial)
        public void setUp(Passes passes) {
            verifier = new PassVerifier(passes.keys);
        }
    }

    /** Full gate decision, journaled per the fsync policy. */
    @Benchmark
    public Decision gateDecision(Passes passes, GateHolder holder) {
        return holder.gate.decide(Credential.qr(passes.nextText()), holder.entry);
    }

    /** Each lane (thread) walks its own part of the passes. */
    @State(Scope.Thread)
    public static class Lane {
        int offset;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            offset = (int) (Thread.currentThread().getId() * 257) & (PASSES - 1);
        }

        String nextText(Passes passes) {
            next = (next + 1) & (PASSES - 1);
            return passes.texts[(offset + next) & (PASSES - 1)];
        }
    }

    /** Four lanes deciding at once on one gate: with ALWAYS their journal writes share fsyncs. */
    @Benchmark
    @Threads(4)
    public Decision gateDecision4Lanes(Passes passes, GateHolder holder, Lane lane) {
        return holder.gate.decide(Credential.qr(lane.nextText(passes)), holder.entry);
    }

    /** Floor: decode + key + signature check only. */
    @Benchmark
    public Object bareVerify(Passes passes, Verifier v) {
        return v.verifier.decodeAndVerify(passes.nextText(), passes.now);
    }
}
