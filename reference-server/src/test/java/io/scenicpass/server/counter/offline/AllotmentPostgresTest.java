package io.scenicpass.server.counter.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allotments are taken from the slot's inventory on PostgreSQL too, with two server nodes: box offices reserving and a
 * reseller booking the same slot at once never take more than its capacity, and the counters agree with the bookings
 * and allotments afterwards.
 */
@Tag("slow")
class AllotmentPostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("AllotmentPostgresTest");
    }

    @Test
    void allotmentsAndBookingsRacingForOneSlotOnTwoNodesNeverOversell() throws Exception {
        String url = PostgresServer.get().newDatabase();
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer a = new TestServer(dir.resolve("node"), url, clock, Map.of());
                TestServer b = new TestServer(dir.resolve("node"), url, clock, Map.of())) { // one key directory
            OfflineFixture f = new OfflineFixture(a, dir);
            f.product();
            String key = a.channel("ota", 100_000, 100_000, null);
            Slot slot = f.slot(0);
            String availability = slot.id().substring(slot.id().indexOf('|') + 1);
            List<String> boxes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                boxes.add(f.enroll("box-" + i, "BOX_OFFICE").id());
            }
            // 6 box offices want 2 places each and 10 visitors 1 each: 22 places asked of a slot of 10
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> allotted = new ArrayList<>();
            List<Future<Integer>> booked = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                TestServer node = i % 2 == 0 ? a : b;
                String device = boxes.get(i);
                allotted.add(pool.submit(placesIf(
                        go,
                        () -> node.send(
                                        "PUT",
                                        "/admin/v1/counter/allotments",
                                        TestServer.ADMIN,
                                        "{\"deviceId\":\"" + device + "\",\"slotId\":\"" + slot.id()
                                                + "\",\"quantity\":2}",
                                        Map.of())
                                .status(),
                        2)));
            }
            for (int i = 0; i < 10; i++) {
                TestServer node = i % 2 == 0 ? b : a;
                String body = TestServer.reserve("ota-" + i, OfflineFixture.PRODUCT, availability, "cable-adult");
                booked.add(pool.submit(placesIf(
                        go, () -> node.post("/octo/bookings", key, body).status(), 1)));
            }
            go.countDown();
            int taken = 0;
            for (Future<Integer> fu : allotted) {
                taken += fu.get(120, TimeUnit.SECONDS);
            }
            for (Future<Integer> fu : booked) {
                taken += fu.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            Slot after = f.slot(0);
            assertThat(taken).isEqualTo(10); // every place went to someone, none twice
            assertThat(after.held() + after.sold()).isEqualTo(10);
            assertThat(a.server.inventory().repair().check()).isEmpty();
        }
    }

    /** Runs {@code call} after {@code go}; the places it took when it answered 200, else 0. */
    private static Callable<Integer> placesIf(CountDownLatch go, Callable<Integer> call, int places) {
        return () -> {
            go.await();
            return call.call() == 200 ? places : 0;
        };
    }
}
