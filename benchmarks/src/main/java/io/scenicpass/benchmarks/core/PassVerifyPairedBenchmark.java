package io.scenicpass.benchmarks.core;

import io.scenicpass.core.Pass;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The same comparison as {@link PassVerifyBenchmark}, but the floor and decode+verify run at the same
 * time on two threads of one JMH group, so both see the same machine load (useful on a shared, busy
 * machine where sequential benchmarks run in different load windows).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PassVerifyPairedBenchmark {
    PassFixture f;

    @Setup
    public void setUp() {
        f = new PassFixture();
    }

    /** Floor thread. */
    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public boolean floorEd25519() {
        return f.bareVerify();
    }

    /** Decode + verify thread. */
    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public Pass decodeAndVerifyText() {
        return f.verifier.decodeAndVerify(f.text, PassFixture.NOW);
    }
}
