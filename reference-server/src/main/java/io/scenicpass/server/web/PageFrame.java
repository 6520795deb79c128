package io.scenicpass.server.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * What a page's layout needs: its realm, texts and language, the title, the signed-in person's (masked) label, the
 * navigation, and the CSRF token of its forms — the session is opened (cookie set) only when a form asks for it.
 */
public final class PageFrame {
    /** A navigation link: its path and its text's key; {@code current} marks the page shown. */
    public record Nav(String href, String label, boolean current) {}

    private final Context ctx;
    private final WebSessions sessions;
    private final String realm;
    private final Texts t;
    private final String title;
    private final String user;
    private final List<Nav> nav;
    private String csrf;

    public PageFrame(
            Context ctx, WebSessions sessions, String realm, Texts t, String title, String user, List<Nav> nav) {
        this.ctx = ctx;
        this.sessions = sessions;
        this.realm = realm;
        this.t = t;
        this.title = title;
        this.user = user;
        this.nav = nav;
    }

    public String realm() {
        return realm;
    }

    public Texts t() {
        return t;
    }

    public String lang() {
        return t.lang();
    }

    public String title() {
        return title;
    }

    /** The signed-in visitor's or operator's label (masked contact or name), or null. */
    public String user() {
        return user;
    }

    public List<Nav> nav() {
        return nav;
    }

    /** The path of this page with the other language asked ({@code ?lang=en}), for the language switch. */
    public String switchHref() {
        return ctx == null ? "?lang=" + t.other() : ctx.path() + "?lang=" + t.other();
    }

    /** The CSRF token for a form's hidden {@code _csrf} field (opens the session on first use). */
    public String csrf() {
        if (csrf == null) {
            csrf = sessions == null ? "" : sessions.open(ctx, realm).csrf();
        }
        return csrf;
    }
}
