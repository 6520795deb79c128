package io.scenicpass.benchmarks.face;

import io.scenicpass.benchmarks.terminal.BenchGates;
import io.scenicpass.core.Claims;
import io.scenicpass.core.FaceSeal;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.Liveness;
import io.scenicpass.terminal.internal.gate.FaceIndex;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.journal.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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

/**
 * The gate decision with face alone (1:N over {@code holders} enrolled holders of valid passes, the vendor-style
 * {@link CosineFaceMatcher}, templates sealed per device in the manifest) against the floor in the same run: the QR
 * decision of the same gate and passes. Both journal every decision (fsync NEVER: the disk is not what is measured).
 *
 * <p>Run: {@code java -jar benchmarks.jar 'face.FaceGateBenchmark' -f 1 -wi 2 -w 2s -i 3 -r 3s}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class FaceGateBenchmark {
    static final int PROBES = 1024;
    static final double THRESHOLD = 0.8;
    static final int DIMS = 128;

    @Param({"10000"})
    public int holders;

    String[] texts;
    BiometricTemplate[] probes;
    Gate gate;
    Path dir;
    final GateContext entry = GateContext.entry("main");
    int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Instant now = Instant.now();
        IssuerKey key = BenchGates.key(9);
        KeySet keys = BenchGates.keySet(key, now);
        PassIssuer issuer = new PassIssuer(key);
        FaceSeal seal = FaceSeal.ofDeviceToken("dvt_bench");
        Random r = new Random(20261207L);
        texts = new String[holders];
        float[][] faces = new float[holders][];
        List<ManifestEntry> entries = new ArrayList<>(holders);
        for (int i = 0; i < holders; i++) {
            // re-entry passes without passback: every decision admits, so each op journals an ADMIT
            Claims c = BenchGates.openPass(String.format("FACE%09d", i), PassKind.DAY, now);
            texts[i] = issuer.issue(c).text();
            faces[i] = new float[DIMS];
            for (int d = 0; d < DIMS; d++) {
                faces[i][d] = (float) r.nextGaussian();
            }
            String subject = FaceIndex.subjectOf(c.passId());
            entries.add(new ManifestEntry(
                    c.passId(),
                    texts[i],
                    null,
                    null,
                    Collections.singletonList(subject),
                    Collections.singletonMap(
                            subject, seal.seal(CosineFaceMatcher.bytes(noisy(faces[i], r)), subject))));
        }
        probes = new BiometricTemplate[PROBES];
        for (int k = 0; k < PROBES; k++) {
            probes[k] = new BiometricTemplate(
                    BiometricModality.FACE,
                    CosineFaceMatcher.bytes(noisy(faces[r.nextInt(holders)], r)),
                    Liveness.passed(0.99));
        }
        dir = BenchGates.stateDirectory("face-bench");
        gate = BenchGates.gate(dir, keys, FsyncPolicy.NEVER)
                .faceMatcher(new CosineFaceMatcher(), THRESHOLD, seal)
                .build();
        GateInternals.state(gate)
                .applyManifest(new ManifestDelta(0, 1, entries, Collections.<String>emptyList(), false));
        check(gate.decide(Credential.face(probes[0]), entry)); // enrols the 10,000 into the matcher
        check(gate.decide(Credential.qr(texts[0]), entry));
    }

    private static float[] noisy(float[] face, Random r) {
        float[] v = face.clone();
        for (int d = 0; d < v.length; d++) {
            v[d] += (float) (0.35 * r.nextGaussian());
        }
        return v;
    }

    private static void check(Decision d) {
        if (!d.admitted()) {
            throw new IllegalStateException("benchmark decision not admitted: " + d);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Decision d = gate.decide(Credential.face(probes[1]), entry);
        gate.close();
        BenchGates.delete(dir);
        check(d);
    }

    /** Face alone: 1:N over every enrolled holder, then the pass's rules, journaled. */
    @Benchmark
    public Decision faceAlone() {
        next = (next + 1) & (PROBES - 1);
        return gate.decide(Credential.face(probes[next]), entry);
    }

    /** Floor: the QR decision of the same gate (decode, signature, rules, journal). */
    @Benchmark
    public Decision qrDecision() {
        next = (next + 1) & (PROBES - 1);
        return gate.decide(Credential.qr(texts[next]), entry);
    }
}
