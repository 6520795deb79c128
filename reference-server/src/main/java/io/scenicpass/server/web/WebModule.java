package io.scenicpass.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.design.Design;
import io.scenicpass.server.Platform;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.http.HttpGuards;
import java.time.Duration;

/**
 * The web platform: sessions, the CSRF guard of every form post under {@code /shop} and {@code /console}, and the
 * shared stylesheet at {@code /design.css}.
 */
public final class WebModule {
    public final WebSessions sessions;

    public WebModule(Platform p) {
        this.sessions = new WebSessions(p.db(), p.clock(), p.random(), p.config().publicUrl);
    }

    public void register(RoutesConfig r) {
        byte[] css = Design.stylesheet();
        r.get(
                "/design.css",
                ctx -> ctx.header("Cache-Control", "public, max-age=3600")
                        .contentType("text/css; charset=utf-8")
                        .result(css));
        r.before(this::guard);
    }

    /** Refuses a state-changing request to a page without its session's CSRF token (403, code CSRF). */
    private void guard(Context ctx) {
        String realm = Pages.realmOf(ctx.path());
        if (realm == null) {
            return;
        }
        String method = HttpGuards.method(ctx).name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        // a JSON helper endpoint of a page script still carries the token, in X-CSRF-Token
        if (!sessions.csrfMatches(ctx, realm)) {
            throw new PageRefusal(403, "CSRF");
        }
    }

    /** Purges expired sessions every hour. */
    public void jobs(Jobs jobs) {
        jobs.singleton("web-session-purge", "purges expired page sessions", Duration.ofHours(1), sessions::purge);
    }
}
