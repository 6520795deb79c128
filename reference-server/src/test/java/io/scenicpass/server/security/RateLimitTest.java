package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-channel rate limits over the real OCTO API, on the server's injected clock (frozen, so refills happen only when
 * the test advances it): the burst is served, the next request is 429 TOO_MANY_REQUESTS with Retry-After, a refused
 * request changes nothing, and one channel's flood never limits another channel.
 */
class RateLimitTest {
    @TempDir
    static Path dir;

    static TestServer ts;

    @BeforeAll
    static void start() {
        ts = SecurityFixture.server(dir);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void burstThen429WithRetryAfterThenRefillOnTheClock() {
        String flood = ts.channel("flood-1", 2, 5, null);
        for (int i = 0; i < 5; i++) {
            assertThat(ts.get("/octo/products", flood).status())
                    .as("request %d of the burst", i)
                    .isEqualTo(200);
        }
        Answer limited = ts.get("/octo/products", flood);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("error").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(limited.headers().get("retry-after")).as("Retry-After").isNotNull();
        long retryAfter = Long.parseLong(limited.headers().get("retry-after"));
        assertThat(retryAfter).isBetween(1L, 2L);

        // a reservation refused by the limiter holds nothing
        Answer refusedHold = ts.post("/octo/bookings", flood, SecurityFixture.reserveBody("rl-refused", "R"));
        assertThat(refusedHold.status()).isEqualTo(429);
        ts.clock.advance(Duration.ofSeconds(retryAfter));
        Answer after = ts.get("/octo/bookings/rl-refused", flood);
        assertThat(after.status())
                .as("the clock refilled the bucket: " + after.body())
                .isEqualTo(400);
        assertThat(after.json().path("error").asText())
                .as("the refused hold was never made")
                .isEqualTo("INVALID_BOOKING_UUID");
    }

    @Test
    void oneChannelsConcurrentFloodIsCappedAtItsBurstAndDoesNotLimitAnother() throws Exception {
        String flood = ts.channel("flood-2", 1, 10, null);
        String calm = ts.channel("calm-2", 1, 10, null);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> ts.get("/octo/products", flood).status(), pool));
            }
            long ok = calls.stream()
                    .map(CompletableFuture::join)
                    .filter(s -> s == 200)
                    .count();
            long limited = calls.stream()
                    .map(CompletableFuture::join)
                    .filter(s -> s == 429)
                    .count();
            assertThat(ok).as("exactly the burst gets through (frozen clock)").isEqualTo(10);
            assertThat(limited).isEqualTo(70);
        } finally {
            pool.shutdown();
        }
        // the other channel has its whole burst
        for (int i = 0; i < 10; i++) {
            assertThat(ts.get("/octo/products", calm).status())
                    .as("calm request %d", i)
                    .isEqualTo(200);
        }
        assertThat(ts.get("/octo/products", calm).status()).isEqualTo(429);
    }
}
