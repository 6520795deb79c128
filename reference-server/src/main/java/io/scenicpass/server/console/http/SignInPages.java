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
import io.scenicpass.server.web.WebSession;
import io.scenicpass.server.web.WebSessions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Operators sign in at {@code /console/sign-in} in two steps: login and password, then, for an operator who enrolled
 * an authenticator, its code on a page of its own ({@code /console/sign-in/code}). Between the two the session only
 * remembers whose password was right, for {@link #CODE_STEP} ({@code pending}); it is not signed in, so no console
 * page opens. Sign-out at {@code /console/sign-out}; {@code /console} opens the live dashboard
 * ({@code /console/dashboard}, its data from {@code /console/dashboard/summary} with the session's cookie: no token in
 * any URL). The old {@code /dashboard} sends here.
 */
public final class SignInPages {
    /** How long the code step waits after the password step. */
    static final Duration CODE_STEP = Duration.ofMinutes(5);

    private static final String PENDING = "totp|";
    /** The texts of the code step (console, second half A). */
    static final String TEXTS = "console-channels";

    /** The sign-in forms' model: where to go after, the login typed, the error (code) to show. */
    public record Form(String next, String login, String errorCode) {}

    private final ConsolePages pages;
    private final Operators operators;
    private final DashboardApi dashboard;
    private final Clock clock;

    public SignInPages(ConsolePages pages, Operators operators, DashboardApi dashboard, Clock clock) {
        this.pages = pages;
        this.operators = operators;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    public void register(RoutesConfig r) {
        r.get("/console/sign-in", this::form);
        r.post("/console/sign-in", this::signIn);
        r.get("/console/sign-in/code", this::codeForm);
        r.post("/console/sign-in/code", this::code);
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

    /** Step one: login and password; an operator with an authenticator goes on to the code step. */
    private void signIn(Context ctx) {
        String next = ConsolePages.safeNext(ctx.formParam("next"));
        String login = ctx.formParam("login");
        Operators.SignIn in = operators.signIn(login, ctx.formParam("password"), null);
        if (in.outcome() == Operators.SignIn.Outcome.TOTP_REQUIRED) {
            WebSession s = pages.sessions().open(ctx, WebSessions.CONSOLE);
            pages.sessions()
                    .pending(
                            ctx,
                            s,
                            PENDING + in.principal().operatorId() + "|"
                                    + clock.instant().plus(CODE_STEP).toEpochMilli());
            ctx.redirect(
                    "/console/sign-in/code?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
            return;
        }
        if (in.outcome() != Operators.SignIn.Outcome.OK) {
            refuse(ctx, "console/sign-in.jte", in.outcome(), new Form(next, login == null ? "" : login, null));
            return;
        }
        signedIn(ctx, in, next);
    }

    private void codeForm(Context ctx) {
        String next = ConsolePages.safeNext(ctx.queryParam("next"));
        if (pendingOperator(ctx) == null) {
            ctx.redirect(
                    "/console/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        Pages.render(
                ctx,
                200,
                "console/sign-in-code.jte",
                pages.frame(ctx, "signIn.title", TEXTS),
                new Form(next, "", null));
    }

    /** Step two: the authenticator's code of the operator whose password was right (wrong codes count too). */
    private void code(Context ctx) {
        String next = ConsolePages.safeNext(ctx.formParam("next"));
        String id = pendingOperator(ctx);
        if (id == null) {
            ctx.redirect(
                    "/console/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        Operators.SignIn in = operators.signInCode(id, ctx.formParam("code"));
        if (in.outcome() != Operators.SignIn.Outcome.OK) {
            refuse(ctx, "console/sign-in-code.jte", in.outcome(), new Form(next, "", null));
            return;
        }
        signedIn(ctx, in, next);
    }

    private void refuse(Context ctx, String template, Operators.SignIn.Outcome outcome, Form form) {
        int status = outcome == Operators.SignIn.Outcome.LOCKED ? 429 : 401;
        Pages.render(
                ctx,
                status,
                template,
                pages.frame(ctx, "signIn.title", TEXTS),
                new Form(form.next(), form.login(), "SIGN_IN_" + outcome.name()));
    }

    /** A new session signed in as the operator (the half-signed-in one is replaced), audited. */
    private void signedIn(Context ctx, Operators.SignIn in, String next) {
        pages.sessions().signIn(ctx, WebSessions.CONSOLE, in.principal().operatorId());
        Principal p = new Principal(
                in.principal().operatorId(),
                in.principal().login(),
                in.principal().role(),
                Principal.CONSOLE);
        pages.audited(p, "sign-in", null, null);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    /** The operator whose password this session gave in the last {@link #CODE_STEP}, or null. */
    private String pendingOperator(Context ctx) {
        String pending = pages.sessions()
                .current(ctx, WebSessions.CONSOLE)
                .map(WebSession::pending)
                .orElse(null);
        if (pending == null || !pending.startsWith(PENDING)) {
            return null;
        }
        String[] parts = pending.split("\\|");
        if (parts.length != 3 || Long.parseLong(parts[2]) < clock.millis()) {
            return null;
        }
        return parts[1];
    }

    private void signOut(Context ctx) {
        pages.sessions().signOut(ctx, WebSessions.CONSOLE);
        ctx.redirect("/console/sign-in", HttpStatus.SEE_OTHER);
    }
}
