package io.scenicpass.benchmarks.load;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The shop under load (issue #18): {@code --visitors} simulated visitors at once (one virtual thread each on Java 21+),
 * each with its own cookies ({@code PageClient}), through the real pages of a real server started here (H2 file, or a
 * throw-away PostgreSQL with {@code --db postgres}): the home page, the stylesheet, the hot product's page, the raw
 * {@code /health} (the floor), sign-in with the code a real SMTP server (GreenMail, started here) received, then a
 * checkout of one place of the hot slot ({@code --capacity} places) and its payment (simulated provider).
 *
 * <p>Checks ({@link ShopOutcome#ok}): every visitor signed in, exactly {@code capacity} orders paid, every other one
 * refused with the typed "sold out" page, no 5xx, no I/O error; the database and admin API agree. Prints p50/p95/p99
 * per page and the ratio of each page's p99 to the floor's.
 *
 * <pre>java -cp benchmarks.jar io.scenicpass.benchmarks.load.ShopLoad [--visitors 2000] [--capacity 300]
 *     [--db h2|postgres]</pre>
 */
public final class ShopLoad {
    /** The hot product; its one slot a day (10:00–11:00, Asia/Shanghai) has {@code capacity} places. */
    static final String HOT = "hot";
    /** The product the warm-up books (plenty of places), so the crowd does not time a cold JVM. */
    static final String WARM = "warm";

    private ShopLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int visitors = Integer.parseInt(a.getOrDefault("visitors", "2000"));
        int capacity = Integer.parseInt(a.getOrDefault("capacity", "300"));
        boolean pg = a.getOrDefault("db", "h2").equals("postgres");
        System.out.printf(
                Locale.ROOT,
                "shop load: %d visitors, hot slot of %d places, %s, generator and server Java %s, %d cores%n",
                visitors,
                capacity,
                pg ? "PostgreSQL" : "H2 file",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        ShopOutcome r = run(visitors, capacity, pg ? PostgresServer.get().newDatabase() : null);
        System.out.println(r.report());
        System.exit(r.ok() ? 0 : 1);
    }

    /** Runs {@code visitors} against a server started here with a hot slot of {@code capacity}; dbUrl null: H2. */
    public static ShopOutcome run(int visitors, int capacity, String dbUrl) throws Exception {
        int smtpPort;
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path dir = Files.createTempDirectory("scenicpass-shop-load");
        Map<String, String> cfg = Map.of(
                "mail.host",
                "127.0.0.1",
                "mail.port",
                Integer.toString(smtpPort),
                "shop.codesInLog",
                "false",
                "shop.simulatedCashier", // the pay page's cashier of the simulated provider, as in the demo
                "true",
                // every visitor signs in from this one machine: the per-address limit raised for the run
                "shop.codesPerIpHour",
                Integer.toString(visitors * 2 + 10));
        try (TestServer ts = new TestServer(dir, dbUrl, new MutableClock(Instant.now()), cfg)) {
            ts.product(HOT, "Asia/Shanghai", LocalTime.of(10, 0), LocalTime.of(11, 0), 60, capacity, false, 60, null);
            ts.product(WARM, "Asia/Shanghai", LocalTime.of(10, 0), LocalTime.of(11, 0), 60, 100_000, false, 60, null);
            OkHttpClient shared = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(visitors, 1, TimeUnit.MINUTES))
                    .callTimeout(Duration.ofSeconds(120))
                    .readTimeout(Duration.ofSeconds(120))
                    .build();
            ShopVisit.warmUp(ts, shared, new Mailbox(smtp));
            return crowd(ts, shared, new Mailbox(smtp), visitors, capacity);
        } finally {
            smtp.stop();
        }
    }

    private static ShopOutcome crowd(TestServer ts, OkHttpClient shared, Mailbox mail, int visitors, int capacity)
            throws InterruptedException {
        Map<String, Latencies> times = new LinkedHashMap<>();
        for (String p : ShopVisit.PAGES) {
            times.put(p, new Latencies(visitors * 2));
        }
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(visitors);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(visitors);
        ExecutorService threads = Threads.perTask("visitor");
        for (int i = 0; i < visitors; i++) {
            ShopVisit v = new ShopVisit(new PageClient(ts.server.baseUrl(), shared), mail, times, "v" + i);
            threads.execute(() -> {
                ready.countDown();
                String outcome;
                try {
                    go.await();
                    outcome = v.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcome = "interrupted";
                } catch (RuntimeException | java.io.IOException e) {
                    outcome = "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                done.countDown();
            });
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        threads.shutdown();
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.sum()));
        return ShopOutcome.of(ts, visitors, capacity, counted, times, seconds);
    }
}
