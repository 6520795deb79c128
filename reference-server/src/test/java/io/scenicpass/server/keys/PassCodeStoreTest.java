package io.scenicpass.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.PassCodes;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pass codes are handed out once per id, per kind from 0, even when many transactions (on two server processes
 * sharing one PostgreSQL) give the same new ids codes at the same moment; a new code moves the key set's sequence.
 */
class PassCodeStoreTest {
    @TempDir
    Path dir;

    @Test
    void concurrentFirstUsesAgreeOnOneCodePerIdOnH2() throws Exception {
        try (TestServer ts = TestServer.h2(dir)) {
            assertConcurrentAssignment(ts, ts);
        }
    }

    @Test
    @Tag("slow")
    void concurrentFirstUsesOnTwoNodesAgreeOnPostgres() throws Exception {
        PostgresServer.assumeAvailable("PassCodeStoreTest");
        String url = PostgresServer.get().newDatabase();
        try (TestServer a = new TestServer(dir.resolve("a"), url, new MutableClock(TestServer.START), Map.of());
                TestServer b = new TestServer(dir.resolve("a"), url, new MutableClock(TestServer.START), Map.of())) {
            assertConcurrentAssignment(a, b);
        }
    }

    private static void assertConcurrentAssignment(TestServer a, TestServer b) throws Exception {
        long before = a.server
                .keys()
                .signedKeySet()
                .verify(a.server.keys().root().publicKey())
                .sequence();
        PassCodeStore store = new PassCodeStore();
        int threads = 8;
        int ids = 12;
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        List<String> disagreements = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TestServer node = t % 2 == 0 ? a : b;
                int offset = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ids; i++) {
                        String id = "product-" + ((i + offset) % ids);
                        int code = node.server.database().tx(c -> store.code(c, PassCodes.Kind.PRODUCT, id));
                        Integer earlier = seen.putIfAbsent(id, code);
                        if (earlier != null && earlier != code) {
                            disagreements.add(id + ": " + earlier + " and " + code);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(disagreements).isEmpty();
        assertThat(seen).hasSize(ids);
        assertThat(seen.values())
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.range(0, ids).boxed().toList());
        PassCodes book = b.server.keys().codes().book();
        seen.forEach((id, code) ->
                assertThat(book.resolve(PassCodes.Kind.PRODUCT, "#" + code)).isEqualTo(id));
        long after = a.server
                .keys()
                .signedKeySet()
                .verify(a.server.keys().root().publicKey())
                .sequence();
        assertThat(after).as("each new code moves the key set on").isEqualTo(before + ids);
        assertThat(a.server
                        .keys()
                        .signedKeySet()
                        .verify(a.server.keys().root().publicKey())
                        .codes())
                .isEqualTo(book);
    }
}
