package io.scenicpass.server.cluster;

import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * One server node in its own JVM, as production runs it: {@link ScenicPassServer} WITH its background jobs on a
 * shared data directory ({@code args[0]}: the keys volume) and a shared PostgreSQL ({@code args[1]}), its clock
 * {@code args[2]} ms ahead of the system clock (every node gets the same offset, as NTP-synchronised hosts), and
 * {@code key=value} config overrides after that. Prints {@code PORT <port>}; stdin commands: {@code SHIFT <ms>}
 * moves the clock forward (all nodes together: "time passes"). Serves until stdin closes — or kill -9.
 */
public final class ClusterNode {
    private ClusterNode() {}

    /** A clock at system speed with an adjustable offset. */
    static final class ShiftedClock extends Clock {
        volatile long offsetMillis;

        ShiftedClock(long offsetMillis) {
            this.offsetMillis = offsetMillis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), Duration.ofMillis(offsetMillis));
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("port", "0");
        cfg.put("data", args[0]);
        cfg.put("db.url", args[1]);
        cfg.put("db.user", "postgres");
        cfg.put("db.poolSize", "12");
        cfg.put("db.strictNesting", "true");
        cfg.put("admin.token", TestServer.ADMIN);
        cfg.put("keys.passphrase", "test-passphrase");
        cfg.put("webhooks.allowPrivateTargets", "true"); // the test's webhook receiver is on 127.0.0.1
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            cfg.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        ShiftedClock clock = new ShiftedClock(Long.parseLong(args[2]));
        ScenicPassServer server = ScenicPassServer.builder(ServerConfig.of(cfg))
                .clock(clock)
                .build()
                .start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("SHIFT ")) {
                clock.offsetMillis += Long.parseLong(line.substring(6).trim());
                System.out.println("SHIFTED " + clock.offsetMillis);
                System.out.flush();
            }
        }
        server.close();
    }

    /** The parent's handle on a node process. */
    static final class Handle implements AutoCloseable {
        final String id;
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final int port;

        Handle(String id, Path data, String dbUrl, long offsetMillis, Path stderr, Map<String, String> config)
                throws IOException, InterruptedException {
            this.id = id;
            String java =
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(
                    java,
                    "-XX:TieredStopAtLevel=1",
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ClusterNode.class.getName(),
                    data.toString(),
                    dbUrl,
                    Long.toString(offsetMillis),
                    "node.id=" + id));
            config.forEach((k, v) -> cmd.add(k + "=" + v));
            process = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader r = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            String l;
                            while ((l = r.readLine()) != null) {
                                lines.add(l);
                            }
                        } catch (IOException e) {
                            // the node died
                        }
                    },
                    "node-" + id + "-stdout");
            reader.setDaemon(true);
            reader.start();
            await(
                    "node " + id + " to start (see " + stderr + ")",
                    Duration.ofSeconds(40),
                    () -> value("PORT") != null || !process.isAlive());
            if (value("PORT") == null) {
                throw new IllegalStateException("node " + id + " did not start; see " + stderr);
            }
            port = Integer.parseInt(value("PORT").trim());
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        String value(String prefix) {
            for (String l : lines) {
                if (l.startsWith(prefix + " ")) {
                    return l.substring(prefix.length() + 1);
                }
            }
            return null;
        }

        /** Moves this node's clock forward. */
        void shift(Duration d) throws IOException, InterruptedException {
            long before = lines.stream().filter(l -> l.startsWith("SHIFTED ")).count();
            process.getOutputStream().write(("SHIFT " + d.toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            await(
                    "node " + id + " to shift its clock",
                    Duration.ofSeconds(5),
                    () -> lines.stream().filter(l -> l.startsWith("SHIFTED ")).count() > before);
        }

        /** kill -9. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** Polls {@code condition} every 20 ms until {@code within} has passed (then fails). */
    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + within + " waiting for " + what);
            }
            synchronized (lock) {
                lock.wait(20);
            }
        }
    }
}
