package io.scenicpass.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.scenicpass.server.http.ApiError;
import io.scenicpass.server.http.HttpGuards;
import java.util.List;
import java.util.Map;

/**
 * Renders pages (JTE templates compiled at build time, under {@code src/main/jte}) and their typed error pages. A page
 * template declares {@code @param PageFrame f} and {@code @param <its model> m}; the error page shows
 * {@code <p class="error" role="alert" data-code="CODE">} in the page's language, never a stack trace.
 */
public final class Pages {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {}

    /** True for the paths of people's pages ({@code /shop…}, {@code /console…}): their errors are pages too. */
    public static boolean isPagePath(String path) {
        return realmOf(path) != null;
    }

    /** {@code shop} or {@code console} for a page path, else null. */
    public static String realmOf(String path) {
        for (String realm : List.of(WebSessions.SHOP, WebSessions.CONSOLE)) {
            if (path.equals("/" + realm) || path.startsWith("/" + realm + "/")) {
                return realm;
            }
        }
        return null;
    }

    /** Answers {@code template} rendered with the frame and the page's model. */
    public static void render(Context ctx, int status, String template, PageFrame f, Object m) {
        StringOutput out = new StringOutput();
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        params.put("f", f);
        params.put("m", m);
        TEMPLATES.render(template, params, out);
        html(ctx, status, out.toString());
    }

    /** The error page: the frame's layout with the code and its message (the code's text when none is given). */
    public static void error(Context ctx, PageFrame f, int status, String code, String message) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(
                "web/error.jte",
                Map.of("f", f, "code", code, "message", message != null ? message : f.t().get(code)),
                out);
        html(ctx, status, out.toString());
    }

    /**
     * The page answer for any exception on a page path (from the server's one exception handler): a
     * {@link PageRefusal} with its code, a service's refusal with its problem's code, anything else a 500
     * {@code UNAVAILABLE} page without details (the server logged it).
     */
    public static void failure(Context ctx, Exception e) {
        String realm = realmOf(ctx.path());
        String lang = Lang.parse(ctx.queryParam("lang"));
        Texts t = Texts.of(lang != null ? lang : Lang.fromAcceptLanguage(ctx.header("Accept-Language")));
        PageFrame f = new PageFrame(ctx, null, realm, t, t.get("error.title"), null, List.of());
        if (e instanceof PageRefusal r) {
            error(ctx, f, r.status(), r.code(), null);
            return;
        }
        ApiError.Classified c = ApiError.classify(e, HttpGuards.method(ctx).name(), ctx.path());
        if (c.internal() || c.status() >= 500) {
            error(ctx, f, c.status() >= 500 ? c.status() : 500, "UNAVAILABLE", null);
        } else {
            String code = c.problem().name();
            error(ctx, f, c.status(), code, t.has(code) ? t.get(code) : c.message());
        }
    }

    private static void html(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.header("Content-Security-Policy", HttpGuards.PAGE_POLICY);
        if (ctx.res().getHeader("Cache-Control") == null) {
            ctx.header("Cache-Control", "no-store");
        }
        ctx.contentType("text/html; charset=utf-8").result(body.stripLeading()); // templates start with their params
    }
}
