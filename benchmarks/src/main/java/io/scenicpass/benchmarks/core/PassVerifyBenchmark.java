package io.scenicpass.benchmarks.core;

import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decode + verify of a standard timed pass against the floor: bare Bouncy Castle Ed25519 verification
 * of the same signed bytes (the COSE Sig_structure), in the same run. Goal: ratio at most 1.25.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PassVerifyBenchmark {
    PassFixture f;

    @Setup
    public void setUp() {
        f = new PassFixture();
    }

    /** The floor: Bouncy Castle Ed25519 over the same bytes the pass signature covers. */
    @Benchmark
    public boolean bareEd25519Verify() {
        return f.bareVerify();
    }

    /** QR path: prefix + Base45 + COSE + claims + key lookup + signature. */
    @Benchmark
    public Pass decodeAndVerifyText() {
        return f.verifier.decodeAndVerify(f.text, PassFixture.NOW);
    }

    /** NFC path: raw COSE bytes. */
    @Benchmark
    public Pass decodeAndVerifyRaw() {
        return f.verifier.decodeAndVerify(f.raw, PassFixture.NOW);
    }

    /** Parsing alone (no signature), to show where the overhead is. */
    @Benchmark
    public Pass decodeOnly() {
        return PassCodec.decode(f.text);
    }
}
