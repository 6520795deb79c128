package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing credentials (channel API keys, the admin token, device tokens, enrollment tokens) is throttled per client
 * address on the server's injected clock: after {@code auth.maxFailures} refused credentials (10 here) the address
 * is answered 429 TOO_MANY_REQUESTS with Retry-After, without any credential being checked, and earns one more try
 * per {@code auth.failureWindowSeconds / auth.maxFailures}. The outside run made ~1,800 guesses a second; here 1,000
 * guesses as fast as 16 threads go get 10 checked. Another address is not affected.
 */
class CredentialGuessingTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;
    /** A client whose connections come from 127.0.0.2 (the server listens on 127.0.0.1). */
    static OkHttpClient other;

    @BeforeAll
    static void start() {
        ts = SecurityFixture.server(dir, Map.of("auth.maxFailures", "10", "auth.failureWindowSeconds", "60"));
        key = ts.channel("ota", 100_000, 100_000, null);
        // its own connection pool: a shared one could hand it a pooled connection from 127.0.0.1
        other = new OkHttpClient.Builder()
                .connectionPool(new okhttp3.ConnectionPool())
                .socketFactory(new SocketFactory() {
                    @Override
                    public Socket createSocket() throws IOException {
                        Socket s = new Socket();
                        s.bind(new InetSocketAddress("127.0.0.2", 0));
                        return s;
                    }

                    @Override
                    public Socket createSocket(String host, int port) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Socket createSocket(java.net.InetAddress host, int port) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Socket createSocket(
                            java.net.InetAddress address, int port, java.net.InetAddress local, int localPort) {
                        throw new UnsupportedOperationException();
                    }
                })
                .build();
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void aThousandFastGuessesGetTenCheckedThenOneMorePerSixSeconds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Answer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                String path = switch (i % 4) {
                    case 0 -> "/octo/products";
                    case 1 -> "/admin/v1/channels";
                    case 2 -> "/terminal/v1/config";
                    default -> "/terminal/v1/enroll";
                };
                String auth = (i % 4 == 2 ? "Device " : "Bearer ") + "guess-" + i;
                String body = i % 4 == 3
                        ? "{\"token\":\"guess-" + i + "\",\"deviceName\":\"x\",\"deviceModel\":\"x\"}"
                        : null;
                calls.add(CompletableFuture.supplyAsync(
                        () -> ts.send(body == null ? "GET" : "POST", path, null, body, Map.of("Authorization", auth)),
                        pool));
            }
            List<Answer> answers = calls.stream().map(CompletableFuture::join).toList();
            // the first wave: the bound, plus at most the requests already in flight when the first refusal was counted
            long checked = answers.stream().filter(a -> a.status() == 401).count();
            assertThat(checked).as("guesses actually checked").isBetween(10L, 10L + 16);
            List<Answer> limited =
                    answers.stream().filter(a -> a.status() == 429).toList();
            assertThat(limited).hasSize(1000 - (int) checked);
            for (Answer a : limited) {
                assertThat(a.headers().get("retry-after")).isEqualTo("6");
                assertThat(a.body()).contains("TOO_MANY_REQUESTS");
            }
        } finally {
            pool.shutdown();
        }
        // while throttled even a right credential from this address is not looked at
        assertThat(ts.get("/octo/products", key).status()).isEqualTo(429);
        assertThat(ts.get("/health", null).status())
                .as("health checks are not throttled")
                .isEqualTo(200);

        // another address guesses and works as if nothing happened
        assertThat(status(other, "/octo/products", "Bearer " + key)).isEqualTo(200);
        assertThat(status(other, "/admin/v1/channels", "Bearer wrong")).isEqualTo(401);
        assertThat(status(other, "/admin/v1/channels", "Bearer " + TestServer.ADMIN))
                .isEqualTo(200);

        // the clock earns one more guess per 6 s, however many guessers try it at once
        for (int round = 0; round < 3; round++) {
            ts.clock.advance(Duration.ofSeconds(6));
            assertThat(concurrentGuesses(16))
                    .as("round %d", round)
                    .containsExactlyInAnyOrder(
                            401, 429, 429, 429, 429, 429, 429, 429, 429, 429, 429, 429, 429, 429, 429, 429);
        }
        ts.clock.advance(Duration.ofSeconds(60));
        assertThat(ts.get("/octo/products", key).status())
                .as("a full window later")
                .isEqualTo(200);
    }

    private static List<Integer> concurrentGuesses(int n) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String guess = "concurrent-" + i;
                calls.add(CompletableFuture.supplyAsync(
                        () -> ts.get("/octo/products", guess).status(), pool));
            }
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static int status(OkHttpClient client, String path, String authorization) throws IOException {
        try (Response r = client.newCall(new Request.Builder()
                        .url(ts.url(path))
                        .header("Authorization", authorization)
                        .build())
                .execute()) {
            return r.code();
        }
    }
}
