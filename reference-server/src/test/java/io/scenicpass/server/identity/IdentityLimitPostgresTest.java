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
 * booked concurrently many times for one day → exactly one booking; other documents are not held up by it. (A
 * count-then-insert check instead of the primary key lets two bookings of a document through here.)
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
            race(a, b);
        }
    }

    /** The race on {@code a} and {@code b} (two nodes, or one server twice: IdentityLimitsTest on H2). */
    static void race(TestServer a, TestServer b) throws Exception {
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
        // 10 documents, each booked 10 times at once: on both nodes, both channels, 2 products x 5 slots of the
        // day (so the attempts do not queue on one slot row), together with 20 bookings of other documents
        List<String> slots = List.of("08", "10", "12", "14", "16");
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch go = new CountDownLatch(1);
        List<List<Future<Integer>>> contested = new ArrayList<>();
        List<Future<Integer>> others = new ArrayList<>();
        int n = 0;
        for (int d = 0; d < 10; d++) {
            String doc = identity("CN_ID", cnId("198808" + (10 + d), "888"), "钱七", null);
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 10; i++, n++) {
                TestServer node = n % 2 == 0 ? a : b;
                String key = n % 4 < 2 ? keyA : keyB;
                String product = i % 2 == 0 ? "rn2" : "rn";
                String slot = "2026-06-02T" + slots.get(i / 2) + ":00:00+08:00";
                String body = reserve("same-" + d + "-" + i, product, slot, product + "-adult=" + doc);
                attempts.add(pool.submit(call(go, node, key, body)));
            }
            contested.add(attempts);
        }
        for (int i = 0; i < 20; i++) {
            String own = identity("CN_ID", cnId("19700101", String.format("%03d", i)), "路人", null);
            others.add(pool.submit(
                    call(go, i % 2 == 0 ? a : b, keyA, reserve("other-" + i, "rn", SLOT, "rn-adult=" + own))));
        }
        go.countDown();
        for (List<Future<Integer>> attempts : contested) {
            int ok = 0;
            for (Future<Integer> f : attempts) {
                int status = f.get();
                assertThat(status)
                        .as("refused as a typed 400, never a server error")
                        .isIn(200, 400);
                ok += status == 200 ? 1 : 0;
            }
            assertThat(ok).as("bookings of one contested document").isEqualTo(1);
        }
        for (Future<Integer> f : others) {
            assertThat(f.get()).isEqualTo(200);
        }
        pool.shutdown();
        long claims = b.server
                .database()
                .read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM identity_claim", rs -> rs.getLong(1))
                        .orElseThrow());
        assertThat(claims).isEqualTo(30);
    }

    static Callable<Integer> call(CountDownLatch go, TestServer node, String key, String body) {
        return () -> {
            go.await();
            return node.post("/octo/bookings", key, body).status();
        };
    }
}
