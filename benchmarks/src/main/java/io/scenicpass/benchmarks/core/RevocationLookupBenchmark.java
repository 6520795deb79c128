package io.scenicpass.benchmarks.core;

import io.scenicpass.core.Ids;
import io.scenicpass.core.RevocationSet;
import io.scenicpass.core.wire.RevocationDelta;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Revocation lookup with 1,000,000 revoked ids (hits and misses over 64k ids each, so the table is
 * not all in cache), against the floor of reading the id from the array. The set's retained heap is
 * measured in the setup (used heap after GC, before and after building) and printed as
 * "REVOCATION SET HEAP".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RevocationLookupBenchmark {
    static final int SIZE = 1_000_000;
    static final int PROBES = 1 << 16;
    RevocationSet set;
    String[] hits = new String[PROBES];
    String[] misses = new String[PROBES];
    int i;
    List<String> held;

    @Setup(Level.Trial)
    public void setUp() {
        Ids ids = new Ids(Clock.systemUTC(), new SecureRandom());
        List<String> revoked = new ArrayList<>(SIZE);
        for (int k = 0; k < SIZE; k++) {
            revoked.add(ids.passId());
        }
        for (int k = 0; k < PROBES; k++) {
            hits[k] = revoked.get(k * 15);
            misses[k] = ids.passId();
        }
        held = revoked; // keep the id strings reachable across both heap measurements
        long before = usedAfterGc();
        RevocationSet s = RevocationSet.empty();
        s.apply(new RevocationDelta(0, 1, held, false));
        long after = usedAfterGc();
        held = null;
        set = s;
        System.out.printf(
                "%nREVOCATION SET HEAP: %d ids, %.2f MB retained (used heap after GC), table %d slots = %.2f MB%n",
                set.size(), (after - before) / 1048576.0, set.capacity(), set.capacity() * 8 / 1048576.0);
    }

    static long usedAfterGc() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int k = 0; k < 5; k++) {
            System.gc();
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Floor: fetch the next id only. */
    @Benchmark
    public int floorFetchId() {
        return hits[(i++) & (PROBES - 1)].length();
    }

    /** Lookup of a revoked id. */
    @Benchmark
    public boolean lookupHit() {
        return set.isRevoked(hits[(i++) & (PROBES - 1)]);
    }

    /** Lookup of an id that is not revoked. */
    @Benchmark
    public boolean lookupMiss() {
        return set.isRevoked(misses[(i++) & (PROBES - 1)]);
    }
}
