package io.scenicpass.server.console.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.console.AuditLog;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.console.store.AuditStore;
import io.scenicpass.server.http.RequestBodies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operators and the audit log on the admin API: {@code /admin/v1/operators} (accounts, roles, unlock, second factor
 * removed), {@code /admin/v1/operators/me} (who this token is), {@code GET /admin/v1/audit} (filters: actor, action,
 * from, to, before, limit).
 */
public final class OperatorsApi {
    record OperatorBody(String login, String name, String role, String password, Boolean active) {}

    private final AdminService admin;
    private final Operators operators;
    private final AuditLog audit;

    public OperatorsApi(AdminService admin, Operators operators, AuditLog audit) {
        this.admin = admin;
        this.operators = operators;
        this.audit = audit;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/operators";
        r.get(p, AdminApi.authenticated(admin, ctx -> ctx.json(Map.of("operators", operators.list()))));
        r.post(p, AdminApi.authenticated(admin, ctx -> {
            OperatorBody b = RequestBodies.ADMIN.read(ctx, OperatorBody.class);
            ctx.status(201)
                    .json(operators.create(
                            RequestBodies.required(b.login(), "login"),
                            b.name(),
                            role(RequestBodies.required(b.role(), "role")),
                            RequestBodies.required(b.password(), "password")));
        }));
        r.get(p + "/me", AdminApi.authenticated(admin, ctx -> ctx.json(me(ctx.attribute(AdminGuard.PRINCIPAL)))));
        r.patch(p + "/{id}", AdminApi.authenticated(admin, ctx -> {
            OperatorBody b = RequestBodies.ADMIN.readPatch(ctx, OperatorBody.class);
            if (b.login() != null) {
                throw new ServiceException(Problem.BAD_REQUEST, "login cannot be changed");
            }
            ctx.json(operators.change(
                    ctx.pathParam("id"), b.name(), b.role() == null ? null : role(b.role()), b.active(), b.password()));
        }));
        r.post(
                p + "/{id}/unlock",
                AdminApi.authenticated(admin, ctx -> ctx.json(operators.unlock(ctx.pathParam("id")))));
        r.delete(
                p + "/{id}/totp",
                AdminApi.authenticated(admin, ctx -> ctx.json(operators.removeTotp(ctx.pathParam("id")))));
        r.get(
                "/admin/v1/audit",
                AdminApi.authenticated(admin, ctx -> ctx.json(Map.of("entries", audit.read(filter(ctx))))));
    }

    static Map<String, Object> me(Principal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actor", p.actor());
        m.put("role", p.role());
        m.put("rights", p.role().rights());
        return m;
    }

    /** The audit filters of a request (API or console page); bad values are 400 with the field named. */
    public static AuditStore.Filter filter(Context ctx) {
        return new AuditStore.Filter(
                blank(ctx.queryParam("actor")),
                blank(ctx.queryParam("action")),
                instant(ctx, "from"),
                instant(ctx, "to"),
                number(ctx, "before"),
                ctx.queryParam("limit") == null ? 100 : number(ctx, "limit").intValue());
    }

    private static Role role(String s) {
        Role r = Role.parse(s);
        if (r == null) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "role must be one of " + java.util.Arrays.toString(Role.values()));
        }
        return r;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Instant instant(Context ctx, String name) {
        String v = blank(ctx.queryParam(name));
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10
                    ? java.time.LocalDate.parse(v)
                            .atStartOfDay(java.time.ZoneOffset.UTC)
                            .toInstant()
                    : Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be YYYY-MM-DD or an ISO instant");
        }
    }

    private static Long number(Context ctx, String name) {
        String v = blank(ctx.queryParam(name));
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be a number");
        }
    }
}
