package io.scenicpass.server;

import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.demo.DemoSeeder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Command-line entry point: {@code serve}, {@code demo} and {@code repair-inventory}. */
@Command(
        name = "scenicpass-server",
        mixinStandardHelpOptions = true,
        version = "ScenicPass server 0.1.0",
        description = "ScenicPass reference server: catalogue, timed-slot inventory, OCTO v1 channel API, passes.",
        subcommands = {Main.Serve.class, Main.Demo.class, Main.RepairInventory.class})
public final class Main implements Runnable {

    /** Options shared by both commands. */
    static final class Options {
        @Option(names = "--port", description = "HTTP port (0 = pick a free one; the real port is printed)")
        Integer port;

        @Option(names = "--host", description = "Address to bind (default 127.0.0.1)")
        String host;

        @Option(names = "--data", description = "Data directory: H2 database, encrypted keys (default ./data)")
        Path data;

        @Option(names = "--db", description = "JDBC URL, e.g. jdbc:postgresql://localhost:5432/scenicpass")
        String db;

        @Option(names = "--db-user", description = "Database user")
        String dbUser;

        @Option(names = "--db-password", description = "Database password")
        String dbPassword;

        @Option(names = "--config", description = "Properties file (see docs/operations.md)")
        Path config;

        @Option(
                names = "--virtual-threads",
                paramLabel = "on|off|auto",
                description =
                        "Handle HTTP requests on virtual threads (Java 21+; on Java 17 this logs and uses platform threads)")
        String virtualThreads;

        ServerConfig load() {
            return load(Map.of());
        }

        /** The configuration with {@code demoDefaults} for the keys the file and environment leave unset. */
        ServerConfig load(Map<String, String> demoDefaults) {
            Map<String, String> o = new HashMap<>();
            if (!demoDefaults.isEmpty()) {
                ServerConfig plain = load();
                demoDefaults.forEach((k, v) -> {
                    if (!plain.web.containsKey(k)) {
                        o.put(k, v);
                    }
                });
            }
            o.put("port", port == null ? null : port.toString());
            o.put("host", host);
            o.put("data", data == null ? null : data.toString());
            o.put("db.url", db);
            o.put("db.user", dbUser);
            o.put("db.password", dbPassword);
            o.put("http.virtualThreads", virtualThreads);
            return ServerConfig.load(config, System.getenv(), o);
        }
    }

    @Command(name = "serve", description = "Run the server.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        Options options;

        @Override
        public Integer call() throws Exception {
            ScenicPassServer server =
                    ScenicPassServer.builder(options.load()).build().start();
            announce(server);
            System.out.println(
                    server.config().adminToken != null
                            ? "Admin token: from admin.token / SCENICPASS_ADMIN_TOKEN"
                            : "Admin token: GENERATED into "
                                    + server.config().dataDir.resolve("admin-token")
                                    + " (not configured: set SCENICPASS_ADMIN_TOKEN in production)");
            return awaitShutdown(server);
        }
    }

    @Command(name = "demo", description = "Seed a demo scenic area (idempotent), write <data>/demo.json, then serve.")
    static final class Demo implements Callable<Integer> {
        @Mixin
        Options options;

        @Override
        public Integer call() throws Exception {
            // the demo has no mail or SMS provider: sign-in codes go to the log (shop.codesInLog=false turns it off);
            // its payments are simulated: the shop's pay page shows the simulated cashier (shop.simulatedCashier)
            ScenicPassServer server = ScenicPassServer.builder(
                            options.load(Map.of("shop.codesInLog", "true", "shop.simulatedCashier", "true")))
                    .deferReady()
                    .build()
                    .start();
            DemoSeeder.DemoInfo info = new DemoSeeder(server).seed();
            server.markReady();
            announce(server);
            System.out.println("demo.json: " + server.config().dataDir.resolve("demo.json"));
            System.out.println("{\"baseUrl\":\"" + info.baseUrl() + "\",\"channelApiKey\":\"" + info.channelApiKey()
                    + "\",\"adminToken\":\"" + info.adminToken() + "\",\"deviceEnrollmentToken\":\""
                    + info.deviceEnrollmentToken() + "\",\"kioskEnrollmentToken\":\"" + info.kioskEnrollmentToken()
                    + "\",\"boxOfficeEnrollmentToken\":\"" + info.boxOfficeEnrollmentToken() + "\"}");
            return awaitShutdown(server);
        }
    }

    @Command(
            name = "repair-inventory",
            description =
                    "Recompute the slot, allotment and daily-pool counters from the"
                            + " bookings (row by row, under row locks: safe beside running PostgreSQL nodes; stop the server first on H2).")
    static final class RepairInventory implements Callable<Integer> {
        /** Exit code of a dry run that found counters to repair. */
        static final int DRIFT_FOUND = 3;

        @Mixin
        Options options;

        @Option(names = "--dry-run", description = "Only list the counters that disagree (exit code 3 when some do)")
        boolean dryRun;

        @Override
        public Integer call() {
            ServerConfig config = options.load();
            try (io.scenicpass.server.db.Database db = new io.scenicpass.server.db.Database(
                    config.effectiveDbUrl(), config.dbUser, config.dbPassword, 2)) {
                io.scenicpass.server.sales.InventoryRepair.Report report =
                        new io.scenicpass.server.sales.InventoryRepair(
                                        db, new io.scenicpass.server.sales.store.InventoryAudit(), () -> {})
                                .repair(!dryRun);
                for (io.scenicpass.server.sales.store.InventoryAudit.Drift d : report.drift()) {
                    System.out.println(d.kind() + " " + String.join(" ", d.key()) + ": held " + d.held() + " -> "
                            + d.expectedHeld() + ", sold " + d.sold() + " -> " + d.expectedSold()
                            + (d.overCapacity()
                                    ? ", capacity " + d.capacity() + " -> " + (d.expectedHeld() + d.expectedSold())
                                    : ""));
                }
                System.out.println(
                        report.drift().isEmpty()
                                ? "inventory counters agree with the bookings"
                                : report.drift().size() + " row(s) "
                                        + (dryRun ? "to repair (dry run: nothing changed)" : "repaired"));
                return dryRun && !report.drift().isEmpty() ? DRIFT_FOUND : 0;
            }
        }
    }

    static void announce(ScenicPassServer server) {
        System.out.println("ScenicPass server listening on " + server.baseUrl());
        System.out.flush();
    }

    static int awaitShutdown(ScenicPassServer server) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            done.countDown();
                        },
                        "scenicpass-shutdown"));
        done.await();
        return 0;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        int code = execute(System.err, args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a command; a failure is one line {@code error: <message>} on {@code err} and exit code 1. */
    public static int execute(java.io.PrintStream err, String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    err.println("error: " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }
}
