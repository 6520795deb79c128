package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 #9, the race that found the pool deadlock: 1,500 reservations from 128 clients over two nodes on one
 * PostgreSQL, each node with the default pool of 16 and the production setting (no strict nesting check), on a
 * product in a daily pool — every hold is a transaction that looks up the channel's allotment, and the allotment
 * cache starts cold. Every request is answered within its rules: 200 while places last, then 400
 * UNPROCESSABLE_ENTITY (sold out); no 503, no 5xx; exactly the capacity is held; the counters equal the bookings.
 */
@Tag("slow")
@Timeout(60)
class ReservationRacePostgresTest {
    static final int REQUESTS = 1_500;
    static final int CLIENTS = 128;
    static final int CAPACITY = 1_000;

    @TempDir
    Path dir;

    @Test
    void everyReservationIsAnsweredWithinItsRules() throws Exception {
        PostgresServer.assumeAvailable("the reservation race");
        String url = PostgresServer.get().newDatabase();
        MutableClock clock = new MutableClock(TestServer.START);
        Map<String, String> production = Map.of("db.poolSize", "16", "db.strictNesting", "false");
        try (TestServer a = new TestServer(dir, url, clock, production); // one keys directory, as nodes share it
                TestServer b = new TestServer(dir, url, clock, production)) {
            a.product(
                    "race", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, CAPACITY, false, 60, "park");
            a.server.catalogue().setDayPoolDefault("park", 5_000);
            String key = a.channel("ota", 100_000, 100_000, null);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                TestServer node = i % 2 == 0 ? a : b;
                String uuid = "race-" + i;
                done.add(clients.submit(() -> {
                    TestServer.Answer r = node.post(
                            "/octo/bookings",
                            key,
                            TestServer.reserve(uuid, "race", ConcurrentReservationContract.SLOT, "race-adult"));
                    String kind = r.status() == 200
                            ? "200"
                            : r.status() + " " + r.json().path("error").asText();
                    answers.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
            System.out.println("[race] " + REQUESTS + " reservations from " + CLIENTS + " clients over 2 nodes in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms: " + answers);
            assertThat(answers).containsOnlyKeys("200", "400 UNPROCESSABLE_ENTITY");
            assertThat(answers.get("200")).hasValue(CAPACITY);
            Slot slot = a.server
                    .inventory()
                    .findSlot("race-opt|" + ConcurrentReservationContract.SLOT)
                    .orElseThrow();
            assertThat(slot.held()).isEqualTo(CAPACITY);
            assertThat(a.server.inventory().repair().check()).isEmpty();
        }
    }
}
