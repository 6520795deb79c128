package io.scenicpass.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.admin.http.AdminErrors;
import io.scenicpass.server.sales.http.OctoApi;
import io.scenicpass.server.sales.http.OctoErrors;
import io.scenicpass.server.terminal.http.TerminalApi;
import io.scenicpass.server.terminal.http.TerminalErrors;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Builds the Javalin app: all APIs, one exception entry point dispatching to each API's error mapper. */
public final class HttpServer {
    /** A client's request id, echoed in the answer: 1–64 characters of letters, digits, '.', '_', '-'. */
    static final String REQUEST_ID = "X-Request-Id";

    private static final java.util.regex.Pattern REQUEST_ID_FORMAT =
            java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private HttpServer() {}

    /**
     * Creates (does not start) the app; {@code extra} registers more APIs (flow dashboard, metrics, …) on the same
     * routes.
     */
    public static Javalin create(
            ObjectMapper mapper,
            long maxBodyBytes,
            OctoApi octo,
            AdminApi admin,
            BooleanSupplier ready,
            java.util.List<java.util.function.Consumer<io.javalin.config.RoutesConfig>> extra) {
        return create(null, 0, null, null, mapper, maxBodyBytes, octo, admin, ready, extra);
    }

    /**
     * As above, on the given Jetty thread pool (null: Javalin's default; see {@link JettyThreads}), with a listen
     * backlog of {@code acceptQueueSize} connections (0: the JDK's default of 50, too few when thousands of clients
     * connect at once; the kernel caps it at {@code net.core.somaxconn}), a bound on the requests worked on at once
     * (null: none) and a throttle of refused credentials per client address (null: none).
     */
    public static Javalin create(
            org.eclipse.jetty.util.thread.ThreadPool threads,
            int acceptQueueSize,
            InFlightLimit inFlight,
            AuthThrottle throttle,
            ObjectMapper mapper,
            long maxBodyBytes,
            OctoApi octo,
            AdminApi admin,
            BooleanSupplier ready,
            java.util.List<java.util.function.Consumer<io.javalin.config.RoutesConfig>> extra) {
        return Javalin.create(config -> {
            if (threads != null) {
                config.jetty.threadPool = threads;
            }
            if (inFlight != null) {
                inFlight.install(config);
            }
            // no per-connection header cache (~25 KB each: out of heap at 10,000 connections); see docs/operations.md
            // § "Why the server does what it does"
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
            // our own connector (Javalin then adds none; host and port are read at start), its buffers NOT pooled: a
            // pooled
            // buffer reached a second connection (operations.md § "Why the server does what it does")
            config.jetty.modifyHttpConfiguration(http -> {
                http.setUseInputDirectByteBuffers(false);
                http.setUseOutputDirectByteBuffers(false);
            });
            config.jetty.addConnector((server, httpConfig) -> {
                org.eclipse.jetty.server.ServerConnector c = new org.eclipse.jetty.server.ServerConnector(
                        server,
                        null,
                        null,
                        org.eclipse.jetty.io.ByteBufferPool.NON_POOLING,
                        -1,
                        -1,
                        new org.eclipse.jetty.server.HttpConnectionFactory(httpConfig));
                c.setHost(config.jetty.host);
                c.setPort(config.jetty.port);
                if (acceptQueueSize > 0) {
                    c.setAcceptQueueSize(acceptQueueSize);
                }
                return c;
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyJsonErrors()));
            // credentials are case-sensitive: so is the header cache, should it be turned back on
            // (security/AdminAuthTest)
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = maxBodyBytes;
            HttpGuards.limitBodies(config, maxBodyBytes);
            HttpGuards.securityHeaders(config);
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.router.javaLangErrorHandler((res, err) -> {
                org.slf4j.LoggerFactory.getLogger(HttpServer.class).error("fatal error while serving a request", err);
                try {
                    res.setStatus(500);
                    res.setContentType("application/json");
                    res.getWriter()
                            .write(
                                    "{\"error\":\"INTERNAL_SERVER_ERROR\",\"errorMessage\":\"internal error, retry later\","
                                            + "\"code\":\"INTERNAL_ERROR\",\"message\":\"internal error, retry later\"}");
                } catch (java.io.IOException | IllegalStateException e) {
                    // the connection is gone; nothing more to do
                }
            });
            config.routes.before(ctx -> {
                if (throttle != null && !ctx.path().equals("/health")) {
                    throttle.admit(ctx, ctx.path().equals(TerminalApi.EVENTS));
                }
                HttpGuards.refuseMethodOverride(ctx);
                String requestId = ctx.header(REQUEST_ID);
                if (requestId != null && REQUEST_ID_FORMAT.matcher(requestId).matches()) {
                    ctx.header(REQUEST_ID, requestId); // echoed, so a client can match an answer to its request
                }
            });
            config.routes.get("/health", ctx -> {
                if (ready.getAsBoolean()) {
                    ctx.json(Map.of("status", "UP"));
                } else {
                    ctx.status(503).json(Map.of("status", "STARTING"));
                }
            });
            octo.register(config.routes);
            admin.register(config.routes);
            for (java.util.function.Consumer<io.javalin.config.RoutesConfig> e : extra) {
                e.accept(config.routes);
            }
            config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> render(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> render(ctx, e));
            if (throttle != null) {
                config.routes.after(throttle::done); // a refused credential costs its address a try
            }
            config.routes.error(404, ctx -> {
                String res =
                        ctx.result() == null ? null : ctx.result().stripLeading(); // JTE pages start with a newline
                // a handler's own 404 (JSON, or a page such as the visitor's invoice page) stays as it is
                if (res == null || !(res.startsWith("{") || res.startsWith("<!DOCTYPE html>"))) {
                    render(
                            ctx,
                            new io.scenicpass.server.ServiceException(
                                    io.scenicpass.server.Problem.NOT_FOUND,
                                    "no such endpoint: " + HttpGuards.method(ctx) + " " + ctx.path()));
                }
            });
            config.routes.error(
                    405,
                    ctx -> render(
                            ctx,
                            new io.scenicpass.server.ServiceException(
                                    io.scenicpass.server.Problem.NOT_FOUND,
                                    "no such endpoint: " + HttpGuards.method(ctx) + " " + ctx.path())));
        });
    }

    /** The one place exceptions become responses: classify, then render with the API's own mapper. */
    static void render(Context ctx, Exception e) {
        HttpGuards.SECURITY_HEADERS.forEach(ctx::header); // again: a streaming answer may have reset its headers
        if (io.scenicpass.server.web.Pages.isPagePath(ctx.path())) {
            io.scenicpass.server.web.Pages.failure(ctx, e); // people's pages: a page in their language
            return;
        }
        ApiError.Classified c = ApiError.classify(e, HttpGuards.method(ctx).name(), ctx.path());
        if (c.problem() == io.scenicpass.server.Problem.SERVICE_UNAVAILABLE) {
            ctx.header("Retry-After", ApiError.RETRY_AFTER_SECONDS);
        }
        if (ctx.path().startsWith("/octo")) {
            OctoErrors.write(ctx, c);
        } else if (ctx.path().startsWith("/terminal/")) {
            TerminalErrors.write(ctx, c, null);
        } else {
            AdminErrors.write(ctx, c);
        }
    }
}
