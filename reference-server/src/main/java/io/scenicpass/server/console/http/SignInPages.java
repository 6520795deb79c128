package io.scenicpass.server.console.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.flow.http.DashboardApi;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.Pages;
import io.scenicpass.server.web.WebSessions;

/**
 * Operators sign in at {@code /console/sign-in} (login, password and, once enrolled, the authenticator's code) and out
 * at {@code /console/sign-out}; {@code /console} opens the live dashboard ({@code /console/dashboard}, its data from
 * {@code /console/dashboard/summary} with the session's cookie: no token in any URL). The old {@code /dashboard}
 * sends here.
 */
public final class SignInPages {
    /** The sign-in form's model: where to go after, the login typed, the error (code) to show. */
    public record Form(String next, String login, String errorCode) {}

    private final ConsolePages pages;
    private final Operators operators;
    private final DashboardApi dashboard;

    public SignInPages(ConsolePages pages, Operators operators, DashboardApi dashboard) {
        this.pages = pages;
        this.operators = operators;
        this.dashboard = dashboard;
    }

    public void register(RoutesConfig r) {
        r.get("/console/sign-in", this::form);
        r.post("/console/sign-in", this::signIn);
        r.post("/console/sign-out", this::signOut);
        r.get("/console", ctx -> ctx.redirect("/console/dashboard", HttpStatus.SEE_OTHER));
        r.get("/console/dashboard", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            DashboardApi.asset(ctx, "index.html", "text/html; charset=utf-8");
        });
        r.get("/console/dashboard/summary", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            ctx.header("Cache-Control", "no-store").json(dashboard.summary());
        });
    }

    private void form(Context ctx) {
        if (pages.current(ctx).isPresent()) {
            ctx.redirect(ConsolePages.safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        PageFrame f = pages.frame(ctx, "signIn.title");
        Pages.render(
                ctx, 200, "console/sign-in.jte", f, new Form(ConsolePages.safeNext(ctx.queryParam("next")), "", null));
    }

    private void signIn(Context ctx) {
        String next = ConsolePages.safeNext(ctx.formParam("next"));
        String login = ctx.formParam("login");
        Operators.SignIn in = operators.signIn(login, ctx.formParam("password"), ctx.formParam("code"));
        if (in.outcome() != Operators.SignIn.Outcome.OK) {
            String code = "SIGN_IN_" + in.outcome().name();
            int status = in.outcome() == Operators.SignIn.Outcome.LOCKED ? 429 : 401;
            PageFrame f = pages.frame(ctx, "signIn.title");
            Pages.render(ctx, status, "console/sign-in.jte", f, new Form(next, login == null ? "" : login, code));
            return;
        }
        pages.sessions().signIn(ctx, WebSessions.CONSOLE, in.principal().operatorId());
        Principal p = new Principal(
                in.principal().operatorId(),
                in.principal().login(),
                in.principal().role(),
                Principal.CONSOLE);
        pages.audited(p, "sign-in", null, null);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        pages.sessions().signOut(ctx, WebSessions.CONSOLE);
        ctx.redirect("/console/sign-in", HttpStatus.SEE_OTHER);
    }
}
