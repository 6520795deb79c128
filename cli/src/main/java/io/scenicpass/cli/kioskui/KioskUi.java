package io.scenicpass.cli.kioskui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.scenicpass.design.Design;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's touch UI: a local web server (Javalin, JTE templates precompiled at build time) that the kiosk's
 * browser shows full-screen. It only renders and forwards taps: every decision is the server's, through the
 * {@link KioskBackend}. Binds to the loopback address unless told otherwise (the screen is on the same machine).
 */
public final class KioskUi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KioskUi.class);
    static final String LANG_COOKIE = "sp_lang";

    private final Javalin app;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final KioskBackend backend;

    private KioskUi(KioskBackend backend, Duration pollEvery) {
        this.backend = backend;
        KioskScreens screens = new KioskScreens(backend, this, pollEvery);
        byte[] css = Design.stylesheet();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get(
                    "/design/scenicpass.css",
                    ctx -> ctx.contentType("text/css; charset=utf-8")
                            .header("Cache-Control", "max-age=3600")
                            .result(css));
            config.routes.get("/lang/{lang}", KioskUi::switchLanguage);
            config.routes.get("/favicon.ico", ctx -> ctx.status(204));
            screens.register(config.routes);
            config.routes.exception(KioskError.class, (e, ctx) -> {
                ctx.status(e.code().equals("UNAVAILABLE") ? 503 : 409);
                screens.error(ctx, e.code(), e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("kiosk screen {} failed", ctx.path(), e);
                ctx.status(500);
                screens.error(ctx, "KIOSK_FAULT", String.valueOf(e.getMessage()));
            });
            config.routes.error(404, ctx -> screens.error(ctx, "NOT_FOUND", ctx.path()));
        });
    }

    /**
     * Starts the UI.
     *
     * @param backend the kiosk (counter client, readers, printer)
     * @param host the address to listen on (127.0.0.1: only the kiosk's own browser)
     * @param port the port (0: any free one, see {@link #port()})
     * @return the running UI
     */
    public static KioskUi start(KioskBackend backend, String host, int port) {
        return start(backend, host, port, Duration.ofSeconds(1));
    }

    /** As above, the pay screen asking the payment's state every {@code pollEvery}. */
    public static KioskUi start(KioskBackend backend, String host, int port, Duration pollEvery) {
        KioskUi ui = new KioskUi(backend, pollEvery);
        ui.app.start(host, port);
        log.info("kiosk screen on http://{}:{}/", host, ui.port());
        return ui;
    }

    /** @return the port it listens on */
    public int port() {
        return app.port();
    }

    /** @return the backend the screens use */
    public KioskBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        app.stop();
    }

    /** The visitor's language: the cookie set by the switch, else zh-CN. */
    static Messages messages(Context ctx) {
        return Messages.of(ctx.cookie(LANG_COOKIE));
    }

    /** Renders templates/kiosk/{name}.jte with the page and the given parameters. */
    void render(Context ctx, String name, Page page, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        StringOutput out = new StringOutput();
        templates.render("kiosk/" + name + ".jte", all, out);
        ctx.header("Cache-Control", "no-store").html(out.toString());
    }

    /** /lang/en?back=/buy: remembers the language, back to the same screen (a local path only). */
    private static void switchLanguage(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (lang != null && Messages.LANGUAGES.contains(lang)) {
            ctx.cookie(LANG_COOKIE, lang, 365 * 24 * 3600);
        }
        String back = ctx.queryParam("back");
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        ctx.redirect(local ? back : "/");
    }
}
