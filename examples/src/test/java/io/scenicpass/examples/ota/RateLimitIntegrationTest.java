package io.scenicpass.examples.ota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.RateLimitedException;
import io.scenicpass.channel.RetryPolicy;
import io.scenicpass.channel.model.OctoErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real server's per-channel rate limit: 429 with Retry-After, honoured by the client. */
@Tag("slow")
class RateLimitIntegrationTest {
    private static DemoServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = DemoServer.shared();
    }

    @Test
    void clientWaitsForRetryAfterAndSucceeds() throws Exception {
        String key = server.createChannel(Map.of(
                "id", "it-slow-" + UUID.randomUUID().toString().substring(0, 8), "ratePerSecond", 1, "burst", 1));
        List<Duration> waits = new CopyOnWriteArrayList<>();
        try (ChannelClient client = ChannelClient.builder()
                .baseUrl(server.octoUrl())
                .apiKey(key)
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(5))
                .sleeper(d -> {
                    waits.add(d);
                    Thread.sleep(d.toMillis()); // the client really waits, as in production
                })
                .build()) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.supplier().getName()).isNotBlank();
            }
        }
        assertThat(waits)
                .as("the burst of 1 is exceeded, so the server asked to wait")
                .isNotEmpty()
                .allMatch(d -> !d.isNegative() && d.compareTo(Duration.ofSeconds(2)) <= 0);
    }

    @Test
    void withoutPatienceTheRateLimitSurfacesTyped() throws Exception {
        String key = server.createChannel(Map.of(
                "id", "it-hasty-" + UUID.randomUUID().toString().substring(0, 8), "ratePerSecond", 1, "burst", 1));
        try (ChannelClient client = ChannelClient.builder()
                .baseUrl(server.octoUrl())
                .apiKey(key)
                .retryPolicy(RetryPolicy.none())
                .build()) {
            client.supplier();
            RateLimitedException e = catchThrowableOfType(RateLimitedException.class, client::supplier);
            assertThat(e).isNotNull();
            assertThat(e.getErrorCode()).isEqualTo(OctoErrorCode.TOO_MANY_REQUESTS);
            assertThat(e.getHttpStatus()).isEqualTo(429);
            assertThat(e.getRetryAfter()).isNotNull();
            assertThat(e.getError().getError()).isEqualTo(OctoErrorCode.TOO_MANY_REQUESTS);
        }
    }
}
