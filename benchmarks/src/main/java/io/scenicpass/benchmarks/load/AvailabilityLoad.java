package io.scenicpass.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop availability load: opens {@code --connections} keep-alive connections and holds them, then sends
 * {@code --rate} requests per second spread evenly over them (connection k sends at t0 + k/rate + j·connections/rate).
 * Latency is measured from the INTENDED send time, so a server that falls behind shows its queueing in the numbers
 * (no coordinated omission). Needs Java 21+ for 10,000 connections (one virtual thread each).
 *
 * <pre>java -cp benchmarks.jar io.scenicpass.benchmarks.load.AvailabilityLoad --url http://127.0.0.1:8080 --key KEY
 *     --body '{"productId":…}' --connections 10000 --rate 2000 --seconds 20 --warmup 5</pre>
 * Prints one {@code RESULT} line: rate, sent, ok, errors (by kind), achieved throughput and latency percentiles.
 */
public final class AvailabilityLoad {
    private AvailabilityLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI url = URI.create(a.getOrDefault("url", "http://127.0.0.1:8080"));
        String key = require(a, "key");
        String body = require(a, "body");
        String path = a.getOrDefault("path", "/octo/availability");
        int connections = Integer.parseInt(a.getOrDefault("connections", "10000"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "1000"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "20"));
        // the warm-up sends at least one request on every connection (connections / rate seconds), so the measured run
        // neither pays first-use costs nor finds connections the server closed after its 30 s idle timeout
        double warmup = Math.max(Double.parseDouble(a.getOrDefault("warmup", "5")), connections / rate);
        int timeout = Integer.parseInt(a.getOrDefault("timeoutMillis", "30000"));

        ExecutorService threads = Threads.perTask("load");
        List<RawHttp> conns = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            conns.add(null);
        }
        long connectStart = System.nanoTime();
        AtomicInteger connectFailures = new AtomicInteger();
        CountDownLatch opened = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            int k = i;
            threads.execute(() -> {
                try {
                    conns.set(k, new RawHttp(url.getHost(), url.getPort(), timeout));
                } catch (IOException e) {
                    connectFailures.incrementAndGet();
                } finally {
                    opened.countDown();
                }
            });
        }
        opened.await();
        System.out.printf(
                Locale.ROOT,
                "opened %d connections in %.1f s (%d failed)%n",
                connections - connectFailures.get(),
                (System.nanoTime() - connectStart) / 1e9,
                connectFailures.get());

        if (warmup > 0) {
            Run w = run(threads, conns, url, path, key, body, rate, warmup);
            System.out.println("warm-up: " + w.line(rate, warmup));
        }
        Run r = run(threads, conns, url, path, key, body, rate, seconds);
        System.out.println("RESULT connections=" + connections + " " + r.line(rate, seconds));
        for (RawHttp c : conns) {
            if (c != null) {
                c.close();
            }
        }
        threads.shutdownNow();
        System.exit(0);
    }

    private static String require(Map<String, String> a, String k) {
        String v = a.get(k);
        if (v == null) {
            throw new IllegalArgumentException("--" + k + " is required");
        }
        return v;
    }

    /** Counters of one timed phase. */
    static final class Run {
        final Latencies latencies;
        final LongAdder sent = new LongAdder();
        final LongAdder ok = new LongAdder();
        /** Requests resent once on a fresh connection because the server had closed the kept-alive one. */
        final LongAdder resent = new LongAdder();

        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        long elapsedNanos;

        Run(int capacity) {
            latencies = new Latencies(capacity);
        }

        void error(String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        String line(double rate, double seconds) {
            long errs = errors.values().stream().mapToLong(LongAdder::sum).sum();
            return String.format(
                    Locale.ROOT,
                    "rate=%.0f/s seconds=%.0f sent=%d ok=%d errors=%d %s resent=%d throughput=%.0f/s %s",
                    rate,
                    seconds,
                    sent.sum(),
                    ok.sum(),
                    errs,
                    new TreeMap<>(errors),
                    resent.sum(),
                    ok.sum() / (elapsedNanos / 1e9),
                    latencies.summary());
        }
    }

    private static Run run(
            ExecutorService threads,
            List<RawHttp> conns,
            URI url,
            String path,
            String key,
            String body,
            double rate,
            double seconds)
            throws InterruptedException {
        int n = conns.size();
        Run run = new Run((int) (rate * seconds * 1.05) + n);
        long periodNanos = (long) (n / rate * 1e9);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long end = t0 + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            threads.execute(() -> {
                try {
                    long intended = t0 + (long) (k / rate * 1e9);
                    while (intended < end) {
                        long wait = intended - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                            continue;
                        }
                        RawHttp c = conns.get(k);
                        run.sent.increment();
                        try {
                            if (c == null || !c.isOpen()) {
                                if (c != null) {
                                    c.close();
                                }
                                c = new RawHttp(url.getHost(), url.getPort(), 30_000);
                                conns.set(k, c);
                            }
                            RawHttp.Answer ans;
                            try {
                                ans = c.post(path, key, body);
                            } catch (java.io.EOFException | java.net.SocketException stale) {
                                // the server closed the idle connection (as HTTP clients do: reconnect and send once
                                // more)
                                c.close();
                                c = new RawHttp(url.getHost(), url.getPort(), 30_000);
                                conns.set(k, c);
                                run.resent.increment();
                                ans = c.post(path, key, body);
                            }
                            run.latencies.record(System.nanoTime() - intended);
                            if (ans.status() == 200) {
                                run.ok.increment();
                            } else {
                                run.error("http" + ans.status());
                            }
                        } catch (IOException e) {
                            run.error(e.getClass().getSimpleName());
                            if (c != null) {
                                c.close();
                            }
                            conns.set(k, null);
                        }
                        intended += periodNanos;
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        run.elapsedNanos = Math.max(System.nanoTime(), end) - t0;
        return run;
    }
}
