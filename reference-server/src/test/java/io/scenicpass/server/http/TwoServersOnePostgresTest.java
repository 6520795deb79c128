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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two independent server instances (own pools, caches, HTTP ports) on one PostgreSQL never oversell. */
@Tag("slow")
class TwoServersOnePostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("TwoServersOnePostgresTest");
    }

    @Test
    void twoServersShareTheSlotWithoutOverselling() throws Exception {
        String url = PostgresServer.get().newDatabase();
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer a = new TestServer(dir, url, clock, Map.of());
                TestServer b = new TestServer(dir, url, clock, Map.of())) {
            a.product("hot", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 50, false, 60, null);
            String key = a.channel("ota", 100_000, 100_000, null);
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                TestServer target = i % 2 == 0 ? a : b;
                String uuid = "two-" + i;
                results.add(pool.submit((Callable<Integer>) () -> target.post(
                                "/octo/bookings",
                                key,
                                TestServer.reserve(uuid, "hot", ConcurrentReservationContract.SLOT, "hot-adult"))
                        .status()));
            }
            int ok = 0;
            String held = null;
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).get() == 200) {
                    ok++;
                    held = "two-" + i;
                }
            }
            pool.shutdown();
            assertThat(ok).isEqualTo(50);
            Slot slot = b.server
                    .inventory()
                    .findSlot("hot-opt|" + ConcurrentReservationContract.SLOT)
                    .orElseThrow();
            assertThat(slot.held()).isEqualTo(50);
            // a confirm through the other server sells what the first one held
            assertThat(b.post("/octo/bookings/" + held + "/confirm", key, null)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("CONFIRMED");
            assertThat(a.server.inventory().repair().check())
                    .as("counters = sums over the bookings")
                    .isEmpty();
        }
    }
}
