package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.scenicpass.server.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-flight bound on a real Jetty: requests above it wait (no thread held) and run in turn. */
class InFlightLimitTest {
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final AtomicInteger streams = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    Javalin app;
    final OkHttpClient http = new OkHttpClient.Builder()
            .dispatcher(dispatcher())
            .connectionPool(new ConnectionPool(20, 1, TimeUnit.MINUTES))
            .readTimeout(Duration.ofSeconds(30))
            .build();

    static Dispatcher dispatcher() {
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(20);
        d.setMaxRequestsPerHost(20);
        return d;
    }

    InFlightLimit start(int max, Duration maxWait) {
        InFlightLimit limit = new InFlightLimit(max, maxWait, "/stream");
        app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.jetty.modifyServer(server -> server.setErrorHandler(new JettyJsonErrors()));
                    limit.install(config);
                    config.routes.get("/slow", ctx -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } finally {
                            inside.decrementAndGet();
                        }
                        ctx.result("ok");
                    });
                    config.routes.get(
                            "/stream",
                            ctx -> { // stands for the gates' SSE stream: open as long as the gate is online
                                streams.incrementAndGet();
                                release.await(30, TimeUnit.SECONDS);
                                ctx.result("bye");
                            });
                })
                .start("127.0.0.1", 0);
        return limit;
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (app != null) {
            app.stop();
        }
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void requestsAboveTheBoundWaitAndAllAreAnswered() throws Exception {
        InFlightLimit limit = start(2, Duration.ofSeconds(30));
        List<CompletableFuture<Integer>> answers = fire(10);
        // two run, the other eight wait in Jetty (suspended: no thread, no handler entered)
        Await.until("2 running and 8 waiting", () -> inside.get() == 2 && limit.waiting() == 8);
        release.countDown();
        for (CompletableFuture<Integer> a : answers) {
            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(limit.expired()).isZero();
    }

    @Test
    void eventStreamsAreNotCounted() throws Exception {
        InFlightLimit limit = start(2, Duration.ofSeconds(30));
        List<CompletableFuture<Integer>> busy = fire("/slow", 2);
        Await.until("both places taken", () -> inside.get() == 2);
        List<CompletableFuture<Integer>> open = fire("/stream", 3);
        Await.until("3 streams open beside 2 requests", () -> streams.get() == 3);
        assertThat(limit.waiting()).isZero();
        release.countDown();
        for (CompletableFuture<Integer> a : busy) {
            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
        for (CompletableFuture<Integer> a : open) {
            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
    }

    @Test
    void aRequestThatWaitsTooLongIsAnswered503() throws Exception {
        InFlightLimit limit = start(1, Duration.ofMillis(200));
        List<CompletableFuture<Integer>> first = fire(1);
        Await.until("the first running", () -> inside.get() == 1);
        // the first still holds the only place: the second waits 200 ms, then gets a JSON 503 with Retry-After
        try (Response busy = http.newCall(new Request.Builder()
                        .url("http://127.0.0.1:" + app.port() + "/slow")
                        .build())
                .execute()) {
            assertThat(busy.code()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("1");
            assertThat(busy.body().string())
                    .contains("\"code\":\"SERVICE_UNAVAILABLE\"")
                    .contains("\"error\":\"TOO_MANY_REQUESTS\"")
                    .contains("busy, retry later");
        }
        assertThat(limit.expired()).isEqualTo(1);
        release.countDown();
        assertThat(first.get(0).get(30, TimeUnit.SECONDS)).isEqualTo(200);
    }

    @Test
    void theBoundIsAtLeastOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InFlightLimit(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http.maxInFlight");
    }

    private List<CompletableFuture<Integer>> fire(int n) {
        return fire("/slow", n);
    }

    private List<CompletableFuture<Integer>> fire(String path, int n) {
        List<CompletableFuture<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            http.newCall(new Request.Builder()
                            .url("http://127.0.0.1:" + app.port() + path)
                            .build())
                    .enqueue(new Callback() {
                        @Override
                        public void onResponse(Call call, Response response) {
                            try (response) {
                                f.complete(response.code());
                            }
                        }

                        @Override
                        public void onFailure(Call call, IOException e) {
                            f.completeExceptionally(e);
                        }
                    });
            out.add(f);
        }
        return out;
    }
}
