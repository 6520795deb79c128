package io.scenicpass.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Protections every request goes through before any API sees it. */
public final class HttpGuards {
    /** Headers some frameworks (Javalin's {@code Context.method()} among them) take as the request's real method. */
    static final List<String> OVERRIDE_HEADERS =
            List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    /**
     * On every answer: no MIME sniffing, no framing (clickjacking), no Referer leaving with a URL (the dashboard may
     * carry {@code ?token=}), and a policy that lets a JSON answer load nothing. HTML pages set their own policy.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

    /**
     * The pages' policy (dashboard, shop, console): their own script, style, API, web manifest and service worker
     * only; no inline script, no framing.
     */
    public static final String PAGE_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self';"
                    + " base-uri 'none'; frame-ancestors 'none'";

    private HttpGuards() {}

    /**
     * Puts {@link #SECURITY_HEADERS} on every answer before the app runs (Jetty's own errors get them from
     * {@link JettyJsonErrors}, answers whose headers were reset from {@link HttpServer#render}).
     */
    static void securityHeaders(io.javalin.config.JavalinConfig config) {
        config.jetty.modifyServletContextHandler(context -> context.insertHandler(new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
                return super.handle(request, response, callback);
            }
        }));
    }

    /**
     * Refuses a request that names another method than its request line's (a header above or {@code _method}):
     * honoured, a GET could cancel or revoke past the method rules of proxies and firewalls, and access logs would lie.
     */
    static void refuseMethodOverride(Context ctx) {
        for (String h : OVERRIDE_HEADERS) {
            if (ctx.header(h) != null) {
                throw new ServiceException(
                        Problem.METHOD_OVERRIDE_REFUSED, h + " is refused: send the request with its real method");
            }
        }
        if (ctx.queryParam("_method") != null) {
            throw new ServiceException(
                    Problem.METHOD_OVERRIDE_REFUSED, "_method is refused: send the request with its real method");
        }
    }

    /**
     * One limit for every request body however it is framed: Jetty's {@code SizeLimitHandler} in front of the servlet
     * refuses a Content-Length over it at once and fails the read of a chunked body as soon as more than {@code max}
     * bytes came in (Javalin's own limit checks Content-Length only; the terminal API reads the raw stream). The one
     * exception: a holder's photo ({@link #isPhotoUpload}) may reach {@link #PHOTO_UPLOAD_BYTES}. Multipart files stay
     * in memory (a photo never touches the disk) up to that size.
     */
    static void limitBodies(io.javalin.config.JavalinConfig config, long max) {
        long photos = Math.max(max, PHOTO_UPLOAD_BYTES);
        config.jetty.modifyServletContextHandler(context -> context.insertHandler(new BodyLimits(max, photos)));
        config.jetty.multipartConfig.maxInMemoryFileSize((int) photos, io.javalin.config.SizeUnit.BYTES);
        config.jetty.multipartConfig.maxFileSize(photos, io.javalin.config.SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(photos, io.javalin.config.SizeUnit.BYTES);
    }

    /** The largest photo upload: a 5 MB photo (the shop's limit, checked by its page) and the form around it. */
    public static final long PHOTO_UPLOAD_BYTES = 5L * 1024 * 1024 + 64 * 1024;

    /** The shop's annual pass activation (a multipart form with the holder's photo). */
    static boolean isPhotoUpload(String path) {
        return path.startsWith("/shop/annual-passes/") && path.endsWith("/activate");
    }

    /** Jetty's size limit by path: photo uploads get theirs, every other body {@code max}. */
    private static final class BodyLimits extends Handler.Wrapper {
        private final org.eclipse.jetty.server.handler.SizeLimitHandler normal;
        private final org.eclipse.jetty.server.handler.SizeLimitHandler photos;

        BodyLimits(long max, long photoMax) {
            normal = new org.eclipse.jetty.server.handler.SizeLimitHandler(max, -1);
            photos = new org.eclipse.jetty.server.handler.SizeLimitHandler(photoMax, -1);
        }

        @Override
        public void setServer(org.eclipse.jetty.server.Server server) {
            super.setServer(server);
            normal.setServer(server);
            photos.setServer(server);
        }

        @Override
        public void setHandler(Handler next) {
            normal.setServer(getServer());
            photos.setServer(getServer());
            normal.setHandler(next);
            photos.setHandler(next);
            super.setHandler(next); // last: managed (started, stopped) by this wrapper only
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            boolean upload = isPhotoUpload(Request.getPathInContext(request));
            return (upload ? photos : normal).handle(request, response, callback);
        }
    }

    /** The request line's method (never an override header's, unlike {@code Context.method()}). */
    public static HandlerType method(Context ctx) {
        return HandlerType.findOrDefault(ctx.req().getMethod());
    }
}
