package io.scenicpass.benchmarks.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies in microseconds, recorded from many threads into one array; percentiles by sorting at the end. */
final class Latencies {
    private final long[] micros;
    private final AtomicInteger n = new AtomicInteger();

    Latencies(int capacity) {
        micros = new long[capacity];
    }

    void record(long nanos) {
        int i = n.getAndIncrement();
        if (i < micros.length) {
            micros[i] = nanos / 1000;
        }
    }

    int count() {
        return Math.min(n.get(), micros.length);
    }

    /** p50, p90, p99, p99.9 and max in milliseconds, as one line. */
    String summary() {
        long[] s = Arrays.copyOf(micros, count());
        Arrays.sort(s);
        return String.format(
                java.util.Locale.ROOT,
                "p50=%.1fms p90=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms",
                pct(s, 50),
                pct(s, 90),
                pct(s, 99),
                pct(s, 99.9),
                s.length == 0 ? 0.0 : s[s.length - 1] / 1000.0);
    }

    double percentile(double p) {
        long[] s = Arrays.copyOf(micros, count());
        Arrays.sort(s);
        return pct(s, p);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
