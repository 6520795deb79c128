package io.scenicpass.server.identity;

import static io.scenicpass.server.identity.IdentityFixture.SLOT;
import static io.scenicpass.server.identity.IdentityFixture.cnId;
import static io.scenicpass.server.identity.IdentityFixture.identity;
import static io.scenicpass.server.identity.IdentityFixture.reserve;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.db.Jdbc;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-document limits hold across server nodes: two servers on one PostgreSQL, two channels, the same document
 * booked concurrently many times for one day → exactly one booking; other documents are not held up by it.
 */
@Tag("slow")
class IdentityLimitPostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("IdentityLimitPostgresTest");
    }

    @Test
    void concurrentBookingsOfOneDocumentOnTwoNodesYieldExactlyOne() throws Exception {
        String url = PostgresServer.get().newDatabase();
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer a = new TestServer(dir, url, clock, Map.of());
                TestServer b = new TestServer(dir, url, clock, Map.of())) {
            IdentityFixture.product(a, "rn", false);
            IdentityFixture.product(a, "rn2", false);
            for (String p : List.of("rn", "rn2")) {
                assertThat(a.send(
                                        "PUT",
                                        "/admin/v1/identity/products/" + p + "/policy",
                                        TestServer.ADMIN,
                                        "{\"realName\":\"EVERY_VISITOR\",\"dailyLimit\":1,\"limitScope\":\"SITE\"}",
                                        Map.of())
                                .status())
                        .isEqualTo(200);
            }
            String keyA = a.channel("ota-a", 100_000, 100_000, null);
            String keyB = a.channel("ota-b", 100_000, 100_000, null);
            String contested = identity("CN_ID", cnId("19880808", "888"), "钱七", null);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> same = new ArrayList<>();
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                TestServer node = i % 2 == 0 ? a : b;
                String key = i % 4 < 2 ? keyA : keyB;
                String product = i % 3 == 0 ? "rn2" : "rn";
                String uuid = "same-" + i;
                same.add(pool.submit(
                        call(go, node, key, reserve(uuid, product, SLOT, product + "-adult=" + contested))));
                String own = identity("CN_ID", cnId("19700101", String.format("%03d", i)), "路人", null);
                others.add(pool.submit(call(go, node, key, reserve("other-" + i, "rn", SLOT, "rn-adult=" + own))));
            }
            go.countDown();
            int ok = 0;
            for (Future<Integer> f : same) {
                ok += f.get() == 200 ? 1 : 0;
            }
            for (Future<Integer> f : others) {
                assertThat(f.get()).isEqualTo(200);
            }
            pool.shutdown();
            assertThat(ok).as("bookings of the contested document").isEqualTo(1);
            long claims = b.server
                    .database()
                    .read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM identity_claim", rs -> rs.getLong(1))
                            .orElseThrow());
            assertThat(claims).isEqualTo(41);
        }
    }

    private static Callable<Integer> call(CountDownLatch go, TestServer node, String key, String body) {
        return () -> {
            go.await();
            return node.post("/octo/bookings", key, body).status();
        };
    }
}
