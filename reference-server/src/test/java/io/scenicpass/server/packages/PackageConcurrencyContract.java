package io.scenicpass.server.packages;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never oversold: many visitors reserve the same package at once while the hotel has 5 rooms; exactly 5 holds are
 * taken, each with our place and the bus seat, and every refused one left nothing behind.
 */
abstract class PackageConcurrencyContract {
    static final int ROOMS = 5;
    static final int VISITORS = 24;

    @TempDir
    Path dir;

    abstract String dbUrl();

    @Test
    void concurrentReservationsNeverOversellAPartner() throws Exception {
        try (TestServer ts = new TestServer(dir, dbUrl(), new MutableClock(TestServer.START), Map.of())) {
            PackageFixture f = new PackageFixture(ts, ROOMS, 100);
            ExecutorService pool = Executors.newFixedThreadPool(VISITORS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < VISITORS; i++) {
                String uuid = "race-" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return f.reserve(uuid, 1).status();
                }));
            }
            go.countDown();
            int held = 0;
            for (Future<Integer> a : answers) {
                int status = a.get();
                assertThat(status).isIn(200, 400);
                held += status == 200 ? 1 : 0;
            }
            pool.shutdown();
            assertThat(held).isEqualTo(ROOMS);
            assertThat(f.allotment(f.hotelToken, "lakeside-double").path("held").asInt())
                    .isEqualTo(ROOMS);
            assertThat(f.allotment(f.busToken, "bus-1").path("held").asInt()).isEqualTo(ROOMS);
            assertThat(f.vacancies()).isEqualTo(100 - ROOMS);
        }
    }
}
