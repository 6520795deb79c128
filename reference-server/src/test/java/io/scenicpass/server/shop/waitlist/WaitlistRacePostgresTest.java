package io.scenicpass.server.shop.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one PostgreSQL running the offers at the same moment never offer the same places twice. */
@Tag("slow")
class WaitlistRacePostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("WaitlistRacePostgresTest");
    }

    @Test
    void twoNodesRacingTheOffersMakeEachOfferOnce() throws Exception {
        String url = PostgresServer.get().newDatabase();
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer a = new TestServer(dir, url, clock, Map.of());
                TestServer b = new TestServer(dir, url, clock, Map.of())) {
            WaitlistFixture fa = new WaitlistFixture(a, 3, true);
            WaitlistFixture fb = new WaitlistFixture(b, 3, false);
            List<String> sold = fa.sell(3);
            List<WaitlistEntry> line = new ArrayList<>();
            for (long v = 101; v <= 106; v++) {
                line.add((v % 2 == 0 ? fa : fb).join(v, 1));
            }
            fa.cancel(sold.get(0));
            fb.cancel(sold.get(1));

            race(fa, fb, () -> {});
            assertOffered(fa, 2, 2);

            // both offered visitors decline (each decline offers at once) while both nodes run the job
            List<WaitlistEntry> offered = offeredEntries(fa);
            race(fa, fb, () -> {
                for (WaitlistEntry e : offered) {
                    (e.visitorId() % 2 == 0 ? fa : fb).waitlist.lists.decline(e.visitorId(), e.id());
                }
            });
            assertOffered(fa, 2, 4);
            assertThat(offeredEntries(fa).stream().map(WaitlistEntry::visitorId))
                    .as("the next two in line")
                    .containsExactlyInAnyOrder(103L, 104L);
        }
    }

    /** Both nodes run the offers 8 times each at once, while {@code also} runs. */
    private static void race(WaitlistFixture fa, WaitlistFixture fb, Runnable also) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(9);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            WaitlistFixture f = i % 2 == 0 ? fa : fb;
            runs.add(pool.submit(() -> {
                go.await();
                return f.waitlist.offers.run();
            }));
        }
        runs.add(pool.submit(() -> {
            go.await();
            also.run();
            return null;
        }));
        go.countDown();
        for (Future<?> r : runs) {
            r.get();
        }
        pool.shutdown();
        fa.waitlist.offers.run(); // what a decline freed after the racing runs had looked
    }

    private static List<WaitlistEntry> offeredEntries(WaitlistFixture f) {
        List<WaitlistEntry> out = new ArrayList<>();
        for (long v = 101; v <= 106; v++) {
            f.waitlist.lists.mine(v).stream()
                    .map(WaitlistService.Placed::entry)
                    .filter(e -> e.status() == WaitlistEntry.Status.OFFERED)
                    .forEach(out::add);
        }
        return out;
    }

    private static void assertOffered(WaitlistFixture f, int open, int messagesInAll) {
        assertThat(offeredEntries(f)).hasSize(open);
        assertThat(f.held()).as("holds = free places, never more").isEqualTo(open);
        List<String> holds = f.t.server
                .database()
                .read(c -> Jdbc.list(
                        c,
                        "SELECT uuid FROM booking WHERE uuid LIKE 'shp-WL%' AND status='ON_HOLD'",
                        rs -> rs.getString(1)));
        assertThat(holds).as("one hold per open offer").hasSize(open);
        int messages = f.t.server
                .database()
                .read(c -> Jdbc.one(
                                c,
                                "SELECT COUNT(*) FROM message_outbox WHERE kind='WAITLIST_OFFER'",
                                rs -> rs.getInt(1))
                        .orElseThrow());
        assertThat(messages).as("one message per offer").isEqualTo(messagesInAll);
        assertThat(f.t.server.inventory().repair().check()).isEmpty();
    }
}
