package io.scenicpass.server.flow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.sse.SseHandler;
import io.javalin.json.JavalinJackson;
import io.scenicpass.server.demo.DemoSeeder;
import io.scenicpass.server.flow.http.DashboardApi;
import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.http.MetricsApi;
import io.scenicpass.server.terminal.PushHub;
import io.scenicpass.server.terminal.store.RevocationFeedStore;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The flow side wired around a {@link TestServer} with the demo catalogue and {@code days} of synthetic
 * history, on its own real HTTP port (dashboard, flow JSON, /metrics, and a test SSE stream on the real
 * {@link PushHub}) — the wiring ScenicPassServer will do once the flow module is registered in the main app.
 */
public final class FlowHarness implements AutoCloseable {
    /** Monday 2026-06-01 11:00 in Asia/Shanghai. */
    public static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");

    public final TestServer ts;
    public final FlowModule flow;
    public final PushHub push;
    public final MetricsApi metrics;
    public final DashboardApi dashboard;
    public final Javalin app;
    public final int seededBookings;

    public FlowHarness(Path dir, int days, FlowConfig config) {
        this(dir, null, days, config);
    }

    /** On the given database ({@code dbUrl} null = H2 file in {@code dir}). */
    public FlowHarness(Path dir, String dbUrl, int days, FlowConfig config) {
        long tStart = System.nanoTime();
        ts = new TestServer(dir, dbUrl, new MutableClock(NOW), Map.of("flow.demoHistoryDays", "0"));
        long t0 = System.nanoTime();
        new DemoSeeder(ts.server).seed();
        long t1 = System.nanoTime();
        seededBookings = days < 0
                ? 0
                : new DemoHistory(ts.server.database(), ts.server.catalogue(), ts.clock, config.zone())
                        .seed(days, 42L, 1000);
        System.err.printf(
                "harness: server start %d ms, demo seed %d ms, history %d ms%n",
                (t0 - tStart) / 1_000_000, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        push = new PushHub(ts.server.database(), new RevocationFeedStore(), ts.clock);
        // the notifier of AlertServiceTest listens on 127.0.0.1: private targets allowed
        flow = new FlowModule(
                        ts.server.database(), ts.clock, config, new io.scenicpass.server.channels.WebhookTargets(true))
                .pushTo(push);
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        metrics = new MetricsApi();
        metrics.gauge(
                "scenicpass.entries.ingested",
                "entry events received",
                () -> ts.server.database().read(c -> new FlowStore().entriesIngested(c)));
        metrics.gauge(
                "scenicpass.sync.lag.seconds",
                "largest time since a live device last synced",
                () -> ts.server.database().read(c -> new FlowStore().maxSyncLagMillis(c, ts.clock.instant())) / 1000.0);
        metrics.gauge(
                "scenicpass.outbox.depth",
                "webhook deliveries pending",
                () -> ts.server.webhooks().pending());
        metrics.gauge("scenicpass.alerts.active", "capacity alerts active", () -> flow.alerts.activeCount());
        metrics.gauge("scenicpass.push.streams", "open terminal SSE streams", push::connected);
        dashboard = new DashboardApi(ts.server.admin(), flow);
        app = Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.startup.showOldJavalinVersionWarning = false;
                    cfg.jsonMapper(new JavalinJackson(mapper, false));
                    metrics.register(cfg.routes);
                    dashboard.register(cfg.routes);
                    cfg.routes.get(
                            "/test/events", new SseHandler(client -> push.open("test-device", "gate-north", client)));
                    cfg.routes.exception(Exception.class, (e, ctx) -> {
                        io.scenicpass.server.ServiceException se =
                                e instanceof io.scenicpass.server.ServiceException s ? s : null;
                        int status = se == null
                                ? 500
                                : switch (se.problem()) {
                                    case UNAUTHORIZED -> 401;
                                    case NOT_FOUND -> 404;
                                    case CONFLICT -> 409;
                                    case UNPROCESSABLE_ENTITY -> 422;
                                    default -> 400;
                                };
                        if (se == null) {
                            org.slf4j.LoggerFactory.getLogger(FlowHarness.class).error("unexpected", e);
                        }
                        ctx.status(status)
                                .json(Map.of(
                                        "code",
                                        se == null
                                                ? "INTERNAL_ERROR"
                                                : se.problem().name(),
                                        "message",
                                        String.valueOf(e.getMessage())));
                    });
                })
                .start("127.0.0.1", 0);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public TestServer.Answer get(String path) {
        return send("GET", path, TestServer.ADMIN, null);
    }

    public TestServer.Answer send(String method, String path, String token, String json) {
        okhttp3.Request.Builder rb = new okhttp3.Request.Builder().url(url(path));
        if (token != null) {
            rb.header("Authorization", "Bearer " + token);
        }
        rb.method(
                method,
                json == null
                        ? (method.equals("GET") ? null : okhttp3.RequestBody.create(new byte[0]))
                        : okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json")));
        try (okhttp3.Response r = ts.http.newCall(rb.build()).execute()) {
            return new TestServer.Answer(r.code(), r.body().string(), Map.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public JsonNode json(String path) {
        TestServer.Answer a = get(path);
        if (a.status() != 200) {
            throw new AssertionError(path + " -> " + a.status() + " " + a.body());
        }
        return a.json();
    }

    @Override
    public void close() {
        push.close();
        app.stop();
        ts.close();
    }
}
