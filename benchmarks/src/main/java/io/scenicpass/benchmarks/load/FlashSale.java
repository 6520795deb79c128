package io.scenicpass.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.server.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A flash sale: {@code --buyers} concurrent buyers (one virtual thread each on Java 21+) for {@code --places} places of
 * one slot, spread over {@code --nodes} reference server processes (the shaded jar) on one PostgreSQL, each buyer
 * reserving one place then confirming it, with the keys of {@code --channels} channels (rate limits raised for the
 * test). Buyers share at most {@code --connections} keep-alive connections (a file-descriptor budget; the container's
 * hard limit is 20,000), handed out first come first served.
 *
 * <p>Checks: exactly {@code places} confirmed (in the database and through the API on every node), every other buyer
 * got a clean OCTO "sold out" (HTTP 400, error UNPROCESSABLE_ENTITY, "sold out: …"), no 5xx, no I/O errors. Prints time to sell out and p50/p99
 * of reserve and confirm (from the moment the request is written, per request). Exit code 1 when a check fails.
 *
 * <pre>java -cp benchmarks.jar io.scenicpass.benchmarks.load.FlashSale --server-jar scenicpass-server.jar
 *     [--server-java /usr/lib/jvm/…/bin/java] [--buyers 20000] [--places 1000] [--nodes 2] [--channels 8]
 *     [--connections 8000] [--server-virtual-threads off|on] [--db jdbc:postgresql://…]</pre>
 * Without {@code --db} a throw-away PostgreSQL 15 is started (initdb in a temp dir, as in the server's tests).
 */
public final class FlashSale {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "flash-sale-admin-token";

    private FlashSale() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path serverJar = Path.of(a.getOrDefault("server-jar", "reference-server/target/scenicpass-server.jar"));
        String serverJava = a.getOrDefault(
                "server-java",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int buyers = Integer.parseInt(a.getOrDefault("buyers", "20000"));
        int places = Integer.parseInt(a.getOrDefault("places", "1000"));
        int nodes = Integer.parseInt(a.getOrDefault("nodes", "2"));
        int channels = Integer.parseInt(a.getOrDefault("channels", "8"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "8000"));
        String vt = a.getOrDefault("server-virtual-threads", "off");
        String db = a.get("db");
        if (db == null) {
            db = PostgresServer.get().newDatabase();
        }
        Path work = Files.createTempDirectory("scenicpass-flash");
        System.out.printf(
                Locale.ROOT,
                "flash sale: %d buyers, %d places, %d nodes, %d channels, %d connections, server %s "
                        + "(virtual threads %s), generator Java %s%n",
                buyers,
                places,
                nodes,
                channels,
                connections,
                serverJava,
                vt,
                Runtime.version());
        List<ServerNode> servers = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(ServerNode::close)));
        boolean ok;
        try {
            for (int i = 0; i < nodes; i++) { // one after the other: the first one migrates the schema and creates keys
                servers.add(new ServerNode(
                        serverJava,
                        serverJar,
                        work.resolve("data"),
                        db,
                        ADMIN,
                        List.of("-Xms512m", "-Xmx1g"),
                        List.of("SCENICPASS_HTTP_VIRTUAL_THREADS=" + vt, "SCENICPASS_NODE_ID=node-" + (i + 1)),
                        work.resolve("node-" + (i + 1) + ".log")));
                System.out.println("node " + (i + 1) + ": " + servers.get(i).baseUrl);
            }
            Result r = sell(servers, db, buyers, places, channels, connections);
            System.out.println(r.report());
            ok = r.ok();
        } finally {
            for (ServerNode s : servers) {
                s.close();
            }
        }
        System.exit(ok ? 0 : 1);
    }

    /** What a sale produced. */
    record Result(
            int buyers,
            int places,
            long confirmed,
            long soldOut,
            Map<String, Long> errors,
            double sellOutSeconds,
            double allAnsweredSeconds,
            String reserve,
            String confirm,
            long dbConfirmed,
            long dbSold,
            long dbHeld,
            List<String> apiSlots) {
        boolean ok() {
            return confirmed == places
                    && dbConfirmed == places
                    && dbSold == places
                    && dbHeld == 0
                    && soldOut == (long) buyers - places
                    && errors.isEmpty()
                    && apiSlots.stream().allMatch(s -> s.equals("sold=" + places + " held=0"));
        }

        String report() {
            return String.format(
                    Locale.ROOT,
                    "RESULT buyers=%d places=%d confirmed=%d soldOut=%d errors=%d %s%n"
                            + "  time to sell out %.2f s (last place confirmed), all %d buyers answered after %.2f s%n"
                            + "  reserve %s%n  confirm %s%n  database: CONFIRMED bookings %d, slot sold=%d held=%d; API per node: %s%n"
                            + "  %s",
                    buyers,
                    places,
                    confirmed,
                    soldOut,
                    errors.values().stream().mapToLong(Long::longValue).sum(),
                    errors,
                    sellOutSeconds,
                    buyers,
                    allAnsweredSeconds,
                    reserve,
                    confirm,
                    dbConfirmed,
                    dbSold,
                    dbHeld,
                    apiSlots,
                    ok() ? "OK: exactly " + places + " sold, every other buyer a clean sold-out, no 5xx" : "FAILED");
        }
    }

    static Result sell(List<ServerNode> servers, String db, int buyers, int places, int channels, int connections)
            throws Exception {
        ServerNode first = servers.get(0);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        String availabilityId;
        List<String> keys = new ArrayList<>();
        try (RawHttp admin = new RawHttp(first.host, first.port, 30_000)) {
            for (String id : List.of("flash", "warm")) {
                int cap = id.equals("flash") ? places : 1_000_000;
                check(
                        admin.post(
                                "/admin/v1/products",
                                ADMIN,
                                "{\"product\":{\"id\":\"" + id + "\",\"internalName\":\"Flash\","
                                        + "\"reference\":\"" + id.toUpperCase(Locale.ROOT)
                                        + "\",\"timeZone\":\"UTC\",\"passKind\":\"TIMED_SLOT\","
                                        + "\"groupPass\":false,\"zones\":[\"park\"],\"dayPool\":null,\"cancelCutoffMinutes\":60,\"currency\":\"CNY\","
                                        + "\"active\":true},\"options\":[{\"option\":{\"id\":\"" + id
                                        + "-opt\",\"productId\":\"" + id + "\","
                                        + "\"internalName\":\"Sale\",\"isDefault\":true,\"openTime\":\"10:00\",\"closeTime\":\"11:00\","
                                        + "\"intervalMinutes\":60,\"slotCapacity\":" + cap
                                        + ",\"closedWeekdays\":[],\"closedDates\":[]},"
                                        + "\"units\":[{\"unit\":{\"id\":\"" + id + "-adult\",\"optionId\":\"" + id
                                        + "-opt\",\"type\":\"ADULT\","
                                        + "\"internalName\":\"Adult\",\"minAge\":null,\"maxAge\":null,\"idRequired\":false,\"paxCount\":1},"
                                        + "\"retail\":9900,\"net\":8000}]}]}"),
                        201,
                        "create product");
            }
            for (int c = 1; c <= channels; c++) {
                // per-channel token buckets (default 50/s, burst 100) would turn buyers away with 429: raised for the
                // sale
                RawHttp.Answer ch = admin.post(
                        "/admin/v1/channels",
                        ADMIN,
                        "{\"id\":\"flash-ota-" + c + "\",\"kind\":\"OTA\","
                                + "\"ratePerSecond\":100000,\"burst\":100000}"); // the largest allowed
                check(ch, 201, "create channel");
                keys.add(JSON.readTree(ch.body()).get("apiKey").asText());
            }
            RawHttp.Answer av = admin.post(
                    "/octo/availability",
                    keys.get(0),
                    "{\"productId\":\"flash\",\"optionId\":" + "\"flash-opt\",\"localDate\":\"" + day + "\"}");
            check(av, 200, "availability");
            availabilityId = JSON.readTree(av.body()).get(0).get("id").asText();
        }
        // JIT warm-up on another product: 400 reserve + confirm per node, so the sale is not measuring a cold JVM
        warmUp(servers, keys, day);

        int perNode = Math.max(1, connections / servers.size());
        // LIFO: recently used connections are reused first, so few sit idle past the server's 30 s idle timeout
        List<LinkedBlockingDeque<RawHttp>> pools = new ArrayList<>();
        for (ServerNode s : servers) {
            LinkedBlockingDeque<RawHttp> q = new LinkedBlockingDeque<>();
            ExecutorService open = Threads.perTask("open");
            CountDownLatch opened = new CountDownLatch(perNode);
            for (int i = 0; i < perNode; i++) {
                open.execute(() -> {
                    try {
                        q.add(new RawHttp(s.host, s.port, 60_000));
                    } catch (IOException e) {
                        System.err.println("connect failed: " + e);
                    } finally {
                        opened.countDown();
                    }
                });
            }
            opened.await();
            open.shutdown();
            pools.add(q);
        }
        System.out.printf(
                Locale.ROOT,
                "opened %d connections; loadavg %s%n",
                pools.stream().mapToInt(LinkedBlockingDeque::size).sum(),
                loadavg());

        Latencies reserveLat = new Latencies(buyers);
        Latencies confirmLat = new Latencies(buyers);
        LongAdder confirmed = new LongAdder();
        LongAdder retries = new LongAdder();
        LongAdder soldOut = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong lastConfirm = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(buyers);
        AtomicInteger started = new AtomicInteger();
        ExecutorService threads = Threads.perTask("buyer");
        String body = "\"productId\":\"flash\",\"optionId\":\"flash-opt\",\"availabilityId\":\"" + availabilityId
                + "\",\"unitItems\":[{\"unitId\":\"flash-adult\"}]}";
        for (int i = 0; i < buyers; i++) {
            int b = i;
            threads.execute(() -> {
                int node = b % servers.size();
                String key = keys.get(b % keys.size());
                started.incrementAndGet();
                try {
                    go.await();
                    RawHttp c = pools.get(node).takeFirst();
                    try {
                        long t = System.nanoTime();
                        RawHttp[] conn = {c};
                        RawHttp.Answer res = send(
                                conn,
                                servers.get(node),
                                "/octo/bookings",
                                key,
                                "{\"uuid\":\"buyer-" + b + "\"," + body,
                                retries);
                        c = conn[0];
                        reserveLat.record(System.nanoTime() - t);
                        if (res.status() == 200) {
                            t = System.nanoTime();
                            RawHttp.Answer conf = send(
                                    conn,
                                    servers.get(node),
                                    "/octo/bookings/buyer-" + b + "/confirm",
                                    key,
                                    "{}",
                                    retries);
                            c = conn[0];
                            long now = System.nanoTime();
                            confirmLat.record(now - t);
                            if (conf.status() == 200 && conf.body().contains("\"CONFIRMED\"")) {
                                confirmed.increment();
                                lastConfirm.accumulateAndGet(now, Math::max);
                            } else {
                                errors.computeIfAbsent("confirm-http" + conf.status(), k -> new LongAdder())
                                        .increment();
                            }
                        } else if (res.status() == 400
                                && res.body().contains("\"UNPROCESSABLE_ENTITY\"")
                                && res.body().contains("sold out")) {
                            soldOut.increment();
                        } else {
                            errors.computeIfAbsent("reserve-http" + res.status(), k -> {
                                        System.err.println("first reserve answer " + res.status() + ": " + res.body());
                                        return new LongAdder();
                                    })
                                    .increment();
                        }
                    } catch (IOException e) {
                        errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder())
                                .increment();
                        c.close();
                        c = null;
                    } finally {
                        if (c == null || !c.isOpen()) {
                            if (c != null) {
                                c.close();
                            }
                            try {
                                c = new RawHttp(servers.get(node).host, servers.get(node).port, 60_000);
                            } catch (IOException e) {
                                c = null;
                            }
                        }
                        if (c != null) {
                            pools.get(node).addFirst(c);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                    done.countDown();
                }
            });
        }
        while (started.get() < buyers) {
            Thread.onSpinWait();
        }
        long t0 = System.nanoTime();
        go.countDown();
        done.await();
        threads.shutdown();
        for (LinkedBlockingDeque<RawHttp> q : pools) {
            q.forEach(RawHttp::close);
        }

        long dbConfirmed;
        long dbSold;
        long dbHeld;
        try (Connection c = DriverManager.getConnection(db, "postgres", "");
                Statement st = c.createStatement()) {
            try (ResultSet rs =
                    st.executeQuery("SELECT count(*) FROM booking WHERE product_id='flash' AND status='CONFIRMED'")) {
                rs.next();
                dbConfirmed = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT sold, held FROM slot WHERE product_id='flash' AND local_date='" + day + "'")) {
                rs.next();
                dbSold = rs.getLong(1);
                dbHeld = rs.getLong(2);
            }
        }
        List<String> apiSlots = new ArrayList<>();
        for (ServerNode s : servers) {
            apiSlots.add(apiSlot(s, day, places));
        }
        Map<String, Long> errs = new TreeMap<>();
        errors.forEach((k, v) -> errs.put(k, v.sum()));
        System.out.println(
                "requests retried on a fresh connection after the server closed an idle one: " + retries.sum());
        return new Result(
                buyers,
                places,
                confirmed.sum(),
                soldOut.sum(),
                errs,
                (lastConfirm.get() - t0) / 1e9,
                (lastAnswer.get() - t0) / 1e9,
                reserveLat.summary(),
                confirmLat.summary(),
                dbConfirmed,
                dbSold,
                dbHeld,
                apiSlots);
    }

    /** The slot as the admin API of one node shows it (polls past the availability cache's ttl, at most 10 s). */
    private static String apiSlot(ServerNode s, LocalDate day, int places) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String seen = null;
        try (RawHttp h = new RawHttp(s.host, s.port, 30_000)) {
            while (System.nanoTime() < deadline) {
                JsonNode slot = JSON.readTree(
                                check(h.get("/admin/v1/slots?productId=flash&from=" + day, ADMIN), 200, "admin slots")
                                        .body())
                        .get(0);
                seen = "sold=" + slot.get("sold").asInt() + " held="
                        + slot.get("held").asInt();
                if (seen.equals("sold=" + places + " held=0")) {
                    break;
                }
                Thread.sleep(100); // polling a remote view with a deadline, not synchronising threads
            }
        }
        return seen;
    }

    private static void warmUp(List<ServerNode> servers, List<String> keys, LocalDate day) throws Exception {
        String id;
        ServerNode first = servers.get(0);
        try (RawHttp h = new RawHttp(first.host, first.port, 30_000)) {
            id = JSON.readTree(check(
                                    h.post(
                                            "/octo/availability",
                                            keys.get(0),
                                            "{\"productId\":\"warm\",\"optionId\":" + "\"warm-opt\",\"localDate\":\""
                                                    + day + "\"}"),
                                    200,
                                    "availability")
                            .body())
                    .get(0)
                    .get("id")
                    .asText();
        }
        ExecutorService threads = Threads.perTask("warm");
        CountDownLatch done = new CountDownLatch(servers.size() * 8);
        AtomicInteger n = new AtomicInteger();
        for (ServerNode s : servers) {
            for (int t = 0; t < 8; t++) {
                threads.execute(() -> {
                    try (RawHttp h = new RawHttp(s.host, s.port, 30_000)) {
                        for (int i = 0; i < 50; i++) {
                            String uuid = "warm-" + n.incrementAndGet();
                            String key = keys.get(i % keys.size());
                            check(
                                    h.post(
                                            "/octo/bookings",
                                            key,
                                            "{\"uuid\":\"" + uuid + "\",\"productId\":\"warm\",\"optionId\":"
                                                    + "\"warm-opt\",\"availabilityId\":\"" + id
                                                    + "\",\"unitItems\":[{\"unitId\":\"warm-adult\"}]}"),
                                    200,
                                    "warm-up reserve");
                            check(h.post("/octo/bookings/" + uuid + "/confirm", key, "{}"), 200, "warm-up confirm");
                        }
                    } catch (IOException e) {
                        System.err.println("warm-up: " + e);
                    } finally {
                        done.countDown();
                    }
                });
            }
        }
        done.await();
        threads.shutdown();
        System.out.println("warm-up: " + n.get() + " reserve+confirm on product 'warm'");
    }

    /**
     * Sends on the pooled connection; when the server had closed it (idle timeout) the request is sent once more on a
     * fresh connection, as HTTP clients do with stale pooled connections. Safe: reserve and confirm are idempotent (uuid).
     */
    private static RawHttp.Answer send(
            RawHttp[] conn, ServerNode node, String path, String key, String json, LongAdder retries)
            throws IOException {
        try {
            return conn[0].post(path, key, json);
        } catch (java.io.EOFException | java.net.SocketException e) {
            conn[0].close();
            conn[0] = new RawHttp(node.host, node.port, 60_000);
            retries.increment();
            return conn[0].post(path, key, json);
        }
    }

    private static RawHttp.Answer check(RawHttp.Answer a, int status, String what) {
        if (a.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + a.status() + " " + a.body());
        }
        return a;
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
