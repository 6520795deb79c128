package io.scenicpass.server.console.desk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.web.Pages;
import io.scenicpass.server.web.WebSessions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * {@code /console/operators} (administrators: OPERATORS_WRITE, page and changes alike): the operators with their role,
 * second factor, lock and state; create one with a role, change a role, disable or enable, reset the password (a new
 * one generated and shown once; their sessions end) and remove the second factor. No change may leave the park
 * without an active administrator (409 LAST_ADMINISTRATOR, the reason shown). Every change audited, never a password.
 */
public final class OperatorsPage {
    /** The page: the operators, the roles, a password shown once (with whose), what was done, or the refusal. */
    public record Model(
            List<Operators.Operator> operators,
            List<Role> roles,
            String passwordFor,
            String newPassword,
            String done,
            String errorCode,
            String error) {}

    private final ConsolePages pages;
    private final Operators operators;
    private final WebSessions sessions;
    private final SecureRandom random = new SecureRandom();

    OperatorsPage(ConsolePages pages, Operators operators, WebSessions sessions) {
        this.pages = pages;
        this.operators = operators;
        this.sessions = sessions;
    }

    void register(RoutesConfig r) {
        r.get("/console/operators", ctx -> {
            pages.requireRight(ctx, Right.OPERATORS_WRITE);
            render(ctx, 200, null, null, ctx.queryParam("done"), null);
        });
        r.post("/console/operators/create", this::create);
        r.post("/console/operators/role", ctx -> change(ctx, "role"));
        r.post("/console/operators/active", ctx -> change(ctx, "active"));
        r.post("/console/operators/password", this::password);
        r.post("/console/operators/totp", ctx -> change(ctx, "totp"));
    }

    private void create(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.OPERATORS_WRITE);
        try {
            Role role = role(ctx);
            String password = newPassword();
            Operators.Operator o = operators.create(Forms.text(ctx, "login"), ctx.formParam("name"), role, password);
            pages.audited(
                    p, "console: create operator", "operatorId=" + o.id(), "login=" + o.login() + " role=" + role);
            render(ctx, 201, o.login(), password, "created", null);
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), null, null, null, e);
        }
    }

    /** A role change, disabling or enabling, or the second factor removed. */
    private void change(Context ctx, String what) {
        Principal p = pages.requireRight(ctx, Right.OPERATORS_WRITE);
        try {
            String id = Forms.text(ctx, "operatorId");
            Operators.Operator o;
            String summary;
            switch (what) {
                case "role" -> {
                    Role role = role(ctx);
                    o = operators.change(id, null, role, null, null);
                    summary = "role=" + role;
                }
                case "active" -> {
                    boolean active = Boolean.parseBoolean(Forms.text(ctx, "active"));
                    o = operators.change(id, null, null, active, null);
                    if (!active) {
                        sessions.endAll(WebSessions.CONSOLE, id);
                    }
                    summary = "active=" + active;
                }
                default -> {
                    o = operators.removeTotp(id);
                    summary = "second factor removed";
                }
            }
            pages.audited(p, "console: operator " + what, "operatorId=" + id, "login=" + o.login() + " " + summary);
            ctx.redirect("/console/operators?done=" + what, HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), null, null, null, e);
        }
    }

    /** A new password, generated, shown once; the operator's sessions end and a lockout is lifted. */
    private void password(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.OPERATORS_WRITE);
        try {
            String id = Forms.text(ctx, "operatorId");
            String password = newPassword();
            Operators.Operator o = operators.change(id, null, null, null, password);
            sessions.endAll(WebSessions.CONSOLE, id);
            pages.audited(p, "console: operator password reset", "operatorId=" + id, "login=" + o.login());
            render(ctx, 200, o.login(), password, "password", null);
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), null, null, null, e);
        }
    }

    private static Role role(Context ctx) {
        Role role = Role.parse(ctx.formParam("role"));
        if (role == null) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "role must be one of " + java.util.Arrays.toString(Role.values()));
        }
        return role;
    }

    private String newPassword() {
        byte[] raw = new byte[12];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private void render(Context ctx, int status, String passwordFor, String password, String done, ServiceException e) {
        Pages.render(
                ctx,
                status,
                "console/desk/operators.jte",
                pages.frame(ctx, "operators.title", DeskModule.TEXTS),
                new Model(
                        operators.list(),
                        List.of(Role.values()),
                        passwordFor,
                        password,
                        done,
                        e == null ? null : e.problem().name(),
                        e == null ? null : e.getMessage()));
    }
}
