package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: concurrent {@code PATCH /octo/bookings/{uuid}} moves. PATCHes racing for the last place of a slot: exactly
 * one wins, the others are refused and keep their old places. Moves in opposite directions between two slots (which
 * lock the same two rows) all finish. Afterwards the counters equal the sum of the bookings.
 */
abstract class BookingChangesRaceContract {
    static final String A = "2026-06-02T10:00:00+08:00";
    static final String B = "2026-06-03T10:00:00+08:00";

    @TempDir
    Path dir;

    /** JDBC URL of the database to use, or null for H2 in file mode. */
    abstract String dbUrl();

    @Test
    void patchesRacingForTheLastPlaceMoveExactlyOne() throws Exception {
        try (TestServer ts = new TestServer(dir, dbUrl(), new MutableClock(TestServer.START), Map.of())) {
            ts.product("race", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, "park");
            ts.server.catalogue().setDayPoolDefault("park", 100);
            String key = ts.channel("ota", 100_000, 100_000, null);
            String[] nine = new String[9];
            java.util.Arrays.fill(nine, "race-adult");
            assertThat(ts.post("/octo/bookings", key, TestServer.reserve("fill", "race", B, nine))
                            .status())
                    .isEqualTo(200);
            int n = 6;
            List<String> body = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                assertThat(ts.post("/octo/bookings", key, TestServer.reserve("r" + i, "race", A, "race-adult"))
                                .status())
                        .isEqualTo(200);
                body.add("{\"availabilityId\":\"" + B + "\"}");
            }
            List<TestServer.Answer> answers = all(ts, key, n, i -> "r" + i, body::get);
            assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
            assertThat(answers)
                    .filteredOn(a -> a.status() != 200)
                    .allSatisfy(a -> assertThat(a.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY"));
            int stayed = 0;
            for (int i = 0; i < n; i++) {
                if (ts.get("/octo/bookings/r" + i, key)
                        .json()
                        .get("availabilityId")
                        .asText()
                        .equals(A)) {
                    stayed++;
                }
            }
            assertThat(stayed).isEqualTo(n - 1);
            assertThat(ts.server.inventory().repair().check()).isEmpty();
        }
    }

    @Test
    void movesInOppositeDirectionsAllFinish() throws Exception {
        try (TestServer ts = new TestServer(dir, dbUrl(), new MutableClock(TestServer.START), Map.of())) {
            ts.product("swap", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 40, false, 60, "park");
            ts.server.catalogue().setDayPoolDefault("park", 100);
            String key = ts.channel("ota", 100_000, 100_000, null);
            int n = 16;
            for (int i = 0; i < n; i++) {
                String at = i % 2 == 0 ? A : B;
                assertThat(ts.post("/octo/bookings", key, TestServer.reserve("s" + i, "swap", at, "swap-adult"))
                                .status())
                        .isEqualTo(200);
                if (i % 4 == 0) {
                    assertThat(ts.post("/octo/bookings/s" + i + "/confirm", key, "{}")
                                    .status())
                            .isEqualTo(200);
                }
            }
            List<TestServer.Answer> answers =
                    all(ts, key, n, i -> "s" + i, i -> "{\"availabilityId\":\"" + (i % 2 == 0 ? B : A) + "\"}");
            assertThat(answers)
                    .allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));
            assertThat(ts.server.inventory().repair().check()).isEmpty();
        }
    }

    /**
     * Holds and moves at once on slots where the channel has an allotment, in a daily pool: every path takes the slot,
     * then the allotment, then the day's pool row (before, a hold took the allotment first and a move the slot and
     * the pool first, which could deadlock on PostgreSQL). All finish; the counters equal the bookings.
     */
    @Test
    void holdsAndMovesOnAnAllotmentSlotAllFinish() throws Exception {
        try (TestServer ts = new TestServer(dir, dbUrl(), new MutableClock(TestServer.START), Map.of())) {
            ts.product("allot", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 200, false, 60, "park");
            ts.server.catalogue().setDayPoolDefault("park", 1000);
            String key = ts.channel("ota", 100_000, 100_000, null);
            for (String slot : List.of(A, B)) {
                ts.post(
                        "/octo/availability",
                        key,
                        "{\"productId\":\"allot\",\"optionId\":\"allot-opt\",\"availabilityIds\":[\"" + slot + "\"]}");
                String slotId = ("allot-opt|" + slot).replace("|", "%7C").replace("+", "%2B");
                assertThat(ts.send(
                                        "PUT",
                                        "/admin/v1/slots/" + slotId + "/allotments/ota",
                                        TestServer.ADMIN,
                                        "{\"capacity\":100}",
                                        Map.of())
                                .status())
                        .isEqualTo(204);
            }
            int n = 12;
            for (int i = 0; i < n; i++) {
                String at = i % 2 == 0 ? A : B;
                assertThat(ts.post("/octo/bookings", key, TestServer.reserve("m" + i, "allot", at, "allot-adult"))
                                .status())
                        .isEqualTo(200);
            }
            for (int round = 0; round < 3; round++) {
                int r = round;
                List<TestServer.Answer> answers = concurrently(
                        2 * n,
                        i -> i < n
                                ? ts.send(
                                        "PATCH",
                                        "/octo/bookings/m" + i,
                                        key,
                                        "{\"availabilityId\":\"" + ((i + r) % 2 == 0 ? B : A) + "\"}",
                                        Map.of())
                                : ts.post(
                                        "/octo/bookings",
                                        key,
                                        TestServer.reserve(
                                                "h" + r + "-" + i, "allot", i % 2 == 0 ? A : B, "allot-adult")));
                assertThat(answers)
                        .allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));
            }
            assertThat(ts.server.inventory().repair().check()).isEmpty();
        }
    }

    /** Runs {@code n} calls at once (released together by a latch) and collects the answers in order. */
    private static List<TestServer.Answer> concurrently(int n, java.util.function.IntFunction<TestServer.Answer> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TestServer.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(k);
                }));
            }
            go.countDown();
            List<TestServer.Answer> out = new ArrayList<>();
            for (Future<TestServer.Answer> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends {@code n} PATCHes at once (released together by a latch) and collects the answers. */
    private static List<TestServer.Answer> all(
            TestServer ts,
            String key,
            int n,
            java.util.function.IntFunction<String> uuid,
            java.util.function.IntFunction<String> body)
            throws Exception {
        return concurrently(n, k -> ts.send("PATCH", "/octo/bookings/" + uuid.apply(k), key, body.apply(k), Map.of()));
    }
}
