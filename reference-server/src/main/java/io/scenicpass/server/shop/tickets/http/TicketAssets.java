package io.scenicpass.server.shop.tickets.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The files that keep "My tickets" offline: the service worker {@code /shop/sw.js} (scope /shop/), the page script
 * {@code /shop/tickets.js} that registers it, the web manifest and its icon. Read once from the class path.
 */
public final class TicketAssets {
    /** The worker's own policy: it may fetch from this server (to keep and refresh the tickets), nothing else. */
    static final String WORKER_POLICY = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

    private static final byte[] SW = read("sw.js");
    private static final byte[] SCRIPT = read("tickets.js");
    private static final byte[] MANIFEST = read("manifest.webmanifest");
    private static final byte[] ICON = read("icon.svg");

    public void register(RoutesConfig r) {
        r.get("/shop/sw.js", ctx -> {
            ctx.header("Service-Worker-Allowed", "/shop/");
            ctx.header("Content-Security-Policy", WORKER_POLICY);
            send(ctx, "text/javascript; charset=utf-8", SW, "no-cache");
        });
        r.get("/shop/tickets.js", ctx -> send(ctx, "text/javascript; charset=utf-8", SCRIPT, "no-cache"));
        r.get("/shop/manifest.webmanifest", ctx -> send(ctx, "application/manifest+json", MANIFEST, "max-age=3600"));
        r.get("/shop/icon.svg", ctx -> send(ctx, "image/svg+xml", ICON, "max-age=86400"));
    }

    private static void send(Context ctx, String type, byte[] body, String cache) {
        ctx.header("Cache-Control", cache).contentType(type).result(body);
    }

    private static byte[] read(String name) {
        try (InputStream in = TicketAssets.class.getResourceAsStream("/io/scenicpass/server/shop/tickets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
