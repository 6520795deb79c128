package io.scenicpass.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One PostgreSQL database, seeded once through an in-process server that is then closed, and server nodes in
 * child JVMs ({@link ClusterNode}) on it, with their jobs running: 1 s job interval, 3 s leases, 1 s alert
 * evaluation, and a 60 s push poll so that only NOTIFY can bring a push in under a minute.
 */
final class ClusterRig implements AutoCloseable {
    /** Tomorrow 10:00 in Asia/Shanghai (node clocks start at {@link TestServer#START}, today 08:00). */
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    /** Today 10:00–12:00 (node clocks start at 08:00 today): a slot of today for the alert job. */
    static final String TODAY = "2026-06-01T10:00:00+08:00";

    static final Duration PUSH_POLL = Duration.ofSeconds(60);
    static final Map<String, String> NODE_CONFIG = Map.of(
            "jobs.intervalSeconds",
            "1",
            "jobs.leaseSeconds",
            "3",
            "flow.alertIntervalSeconds",
            "1",
            "push.pollMillis",
            Long.toString(PUSH_POLL.toMillis()));
    private static final MediaType JSON = MediaType.get("application/json");

    final Path dir;
    final String dbUrl;
    final long offsetMillis;
    final OkHttpClient http;
    final List<ClusterNode.Handle> nodes = new ArrayList<>();
    String otaKey;
    String hooksKey;

    /** @param webhookUrl the webhook receiver of channel "hooks" */
    ClusterRig(Path dir, String webhookUrl) {
        this.dir = dir;
        this.dbUrl = PostgresServer.get().newDatabase();
        this.offsetMillis = TestServer.START.toEpochMilli() - System.currentTimeMillis();
        try (TestServer ts = new TestServer(
                dir.resolve("data"),
                dbUrl,
                new MutableClock(TestServer.START),
                Map.of("webhooks.allowPrivateTargets", "true"))) { // the receiver is on 127.0.0.1
            ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 500, false, 60, null);
            ts.product("hot", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
            ts.product("busy", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 0, null);
            ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
            ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
            ts.server.admin().putGate(new SiteStore.Gate("gate-b", "Gate B", "park", "IN"));
            otaKey = ts.channel("ota", 100_000, 100_000, null);
            hooksKey = ts.channel("hooks", 100_000, 100_000, webhookUrl);
        }
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(256);
        d.setMaxRequestsPerHost(256);
        http = new OkHttpClient.Builder()
                .dispatcher(d)
                .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
                .callTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Starts nodes with the given ids, in parallel. */
    List<ClusterNode.Handle> start(String... ids) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<ClusterNode.Handle> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Throwable> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (String id : ids) {
            Thread t = new Thread(() -> {
                try {
                    started.add(new ClusterNode.Handle(
                            id,
                            dir.resolve("data"),
                            dbUrl,
                            offsetMillis,
                            dir.resolve("node-" + id + ".err"),
                            NODE_CONFIG));
                } catch (Exception | AssertionError e) {
                    failed.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        nodes.addAll(started);
        if (!failed.isEmpty()) {
            throw new IllegalStateException("a node did not start", failed.get(0));
        }
        List<ClusterNode.Handle> out = new ArrayList<>();
        for (String id : ids) {
            out.add(node(id));
        }
        return out;
    }

    ClusterNode.Handle node(String id) {
        return nodes.stream().filter(n -> n.id.equals(id)).findFirst().orElseThrow();
    }

    /** An HTTP call to a node (or the balancer) at {@code base}. */
    TestServer.Answer call(String base, String method, String path, String authorization, String json) {
        Request.Builder rb = new Request.Builder().url(base + path);
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        RequestBody body = json == null
                ? (method.equals("GET") ? null : RequestBody.create(new byte[0], JSON))
                : RequestBody.create(json, JSON);
        rb.method(method, body);
        try (Response r = http.newCall(rb.build()).execute()) {
            return new TestServer.Answer(r.code(), r.body().string(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestServer.Answer octo(ClusterNode.Handle n, String method, String path, String key, String json) {
        return call(n.url(), method, path, "Bearer " + key, json);
    }

    TestServer.Answer admin(ClusterNode.Handle n, String method, String path, String json) {
        return call(n.url(), method, path, "Bearer " + TestServer.ADMIN, json);
    }

    /** Reserves and confirms one adult of {@code product} through node {@code n}; returns the confirmed booking. */
    JsonNode book(ClusterNode.Handle n, String key, String product, String slot, String uuid) {
        TestServer.Answer held =
                octo(n, "POST", "/octo/bookings", key, TestServer.reserve(uuid, product, slot, product + "-adult"));
        if (held.status() != 200) {
            throw new AssertionError(held.body());
        }
        TestServer.Answer ok = octo(n, "POST", "/octo/bookings/" + uuid + "/confirm", key, "{}");
        if (ok.status() != 200) {
            throw new AssertionError(ok.body());
        }
        return ok.json();
    }

    static String passText(JsonNode booking) {
        return booking.get("unitItems")
                .get(0)
                .get("ticket")
                .get("deliveryOptions")
                .get(0)
                .get("deliveryValue")
                .asText();
    }

    /** A value from the database: the first column of the first row ({@code null} when none). */
    Object sql(String query, Object... args) {
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
                PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String query, Object... args) {
        return ((Number) sql(query, args)).longValue();
    }

    /** The value of a Prometheus gauge on a node's {@code /metrics}. */
    double metric(ClusterNode.Handle n, String name) {
        String body = call(n.url(), "GET", "/metrics", null, null).body();
        for (String line : body.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no metric " + name + " on node " + n.id);
    }

    @Override
    public void close() {
        for (ClusterNode.Handle n : nodes) {
            n.close();
        }
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
