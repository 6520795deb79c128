package io.scenicpass.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * Prometheus metrics at {@code /metrics} (Micrometer): {@code http_server_requests_seconds} per method, route
 * template and status (rate and latency histogram), plus gauges registered by the wiring (entries ingested,
 * sync lag, outbox depth, active alerts, …). Register it first so its before/after handlers see every request.
 */
public final class MetricsApi {
    private static final String START = "metrics.start";
    /** Latency histogram buckets (few, so /metrics stays small). */
    private static final java.time.Duration[] BUCKETS = java.util.stream.LongStream.of(
                    5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
            .mapToObj(java.time.Duration::ofMillis)
            .toArray(java.time.Duration[]::new);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public MeterRegistry registry() {
        return registry;
    }

    /** A gauge read at scrape time (e.g. a COUNT query); a failing supplier reads as NaN. */
    public MetricsApi gauge(String name, String help, Supplier<Number> value) {
        Gauge.builder(name, () -> {
                    try {
                        Number n = value.get();
                        return n == null ? Double.NaN : n.doubleValue();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description(help)
                .register(registry);
        return this;
    }

    public void register(RoutesConfig r) {
        r.before(ctx -> ctx.attribute(START, System.nanoTime()));
        r.after(this::record);
        r.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(registry.scrape()));
    }

    private void record(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        String route = "unmatched";
        try {
            Endpoint e = ctx.endpoints().lastHttpEndpoint();
            if (e != null) {
                route = e.path;
            }
        } catch (RuntimeException ignored) {
            // no endpoint matched (404)
        }
        if (ctx.statusCode() == 404 && "unmatched".equals(route)) {
            route = "NOT_FOUND";
        }
        Timer.builder("http.server.requests")
                .description("HTTP requests by route")
                .tag("method", HttpGuards.method(ctx).name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
