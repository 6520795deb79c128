package io.scenicpass.benchmarks.server;

import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.sales.CatalogueService.OptionSpec;
import io.scenicpass.server.sales.CatalogueService.ProductSpec;
import io.scenicpass.server.sales.CatalogueService.UnitSpec;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The in-process server the server benchmarks measure: H2 file or PostgreSQL, pool of 8, jobs off. */
final class BenchServer {
    private BenchServer() {}

    /** Starts a server on {@code db} ("h2" or "postgres") with its data in {@code dir}, clock at 2026-06-01. */
    static ScenicPassServer start(String db, Path dir) {
        return startOn(db.equals("postgres") ? PostgresServer.get().newDatabase() : null, dir);
    }

    /** Starts a server on PostgreSQL database {@code pgUrl} (null: H2 file) with its data in {@code dir}. */
    static ScenicPassServer startOn(String pgUrl, Path dir) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("port", "0");
        cfg.put("data", dir.toString());
        cfg.put("admin.token", "bench");
        cfg.put("keys.passphrase", "bench");
        cfg.put("db.poolSize", "8");
        if (pgUrl != null) {
            cfg.put("db.url", pgUrl);
            cfg.put("db.user", "postgres");
        }
        return ScenicPassServer.builder(ServerConfig.of(cfg))
                .clock(new MutableClock(Instant.parse("2026-06-01T00:00:00Z")))
                .withoutJobs()
                .build()
                .start();
    }

    /**
     * A timed product {@code id} (option {@code id-opt}, unit {@code id-adult}) in Asia/Shanghai, 2-hour slots
     * 08:00–18:00 with 2 billion places each, so nothing sells out during a run.
     */
    static void timedProduct(ScenicPassServer server, String id, String name) {
        String option = id + "-opt";
        server.catalogue()
                .create(new ProductSpec(
                        new Product(
                                id,
                                name,
                                id.toUpperCase(java.util.Locale.ROOT),
                                "Asia/Shanghai",
                                "TIMED_SLOT",
                                false,
                                List.of("park"),
                                null,
                                60,
                                "CNY",
                                true),
                        List.of(new OptionSpec(
                                new ProductOption(
                                        option,
                                        id,
                                        "Opt",
                                        true,
                                        LocalTime.of(8, 0),
                                        LocalTime.of(18, 0),
                                        120,
                                        1_000_000,
                                        Set.of(),
                                        Set.of()),
                                List.of(new UnitSpec(
                                        new Unit(id + "-adult", option, "ADULT", "Adult", null, null, false, 1),
                                        100,
                                        90))))));
        // beyond what an operator may set (1,000,000): a benchmark run must never sell out
        server.database().tx(c -> {
            try (var ps = c.prepareStatement("UPDATE product_option SET slot_capacity = 2000000000 WHERE id = ?")) {
                ps.setString(1, option);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes {@code dir} and everything under it. */
    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
