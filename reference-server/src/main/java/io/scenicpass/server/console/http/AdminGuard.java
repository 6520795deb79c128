package io.scenicpass.server.console.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.console.AuditLog;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.console.RouteRights;
import io.scenicpass.server.http.HttpGuards;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Guards every {@code /admin/v1} route: before it, finds who calls (the machine token: every right; an operator's
 * personal token: their role's) and answers 403 FORBIDDEN when the route's right ({@link RouteRights}) is not theirs;
 * after it, appends each successful change (POST, PUT, PATCH, DELETE) to the audit log. A missing or wrong token is
 * left to the route's own check (401).
 */
public final class AdminGuard {
    /** The request attribute holding the authenticated {@link Principal} (for routes that record who acted). */
    public static final String PRINCIPAL = "scenicpass.console.principal";

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Body fields whose text is shown in the audit summary (ids and kinds); any other text is shown as "…". */
    private static final Set<String> SHOWN = Set.of(
            "id",
            "unitId",
            "channelId",
            "productId",
            "optionId",
            "slotId",
            "poolId",
            "gateId",
            "zoneId",
            "deviceId",
            "cashierId",
            "bookingId",
            "passId",
            "kind",
            "role",
            "state",
            "status",
            "type",
            "mode",
            "locale",
            "currency",
            "date",
            "from",
            "to",
            "label",
            "limitScope",
            "realName",
            "severity",
            "reason",
            "login",
            "active",
            "closed");
    /** Fields never shown even as numbers (documents, contacts, credentials). */
    private static final java.util.regex.Pattern HIDDEN = java.util.regex.Pattern.compile(
            "(?i).*(secret|password|pin|token|apikey|document|number|phone|mobile|email|binding|card|biometric).*");

    private final AdminService admin;
    private final Operators operators;
    private final AuditLog audit;
    private final ObjectMapper json;

    public AdminGuard(AdminService admin, Operators operators, AuditLog audit, ObjectMapper json) {
        this.admin = admin;
        this.operators = operators;
        this.audit = audit;
        this.json = json;
        admin.acceptAlso(t -> operators.byToken(t).isPresent());
    }

    public void register(RoutesConfig r) {
        r.beforeMatched("/admin/v1/*", this::before);
        r.afterMatched("/admin/v1/*", this::after);
    }

    /** Who makes this admin request (the guard found them before the route ran). */
    public static Principal caller(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        return p != null ? p : Principal.machine();
    }

    private void before(Context ctx) {
        String bearer = bearer(ctx);
        Principal p = admin.isAdminToken(bearer)
                ? Principal.machine()
                : operators.byToken(bearer).orElse(null);
        if (p == null) {
            return; // the route's own check answers 401
        }
        ctx.attribute(PRINCIPAL, p);
        String route = route(ctx);
        Right need = RouteRights.of(route);
        if (need == null ? !p.isMachine() : !p.has(need)) {
            throw new ServiceException(
                    Problem.FORBIDDEN,
                    "the role " + p.role() + " lacks the right " + (need == null ? "(unmapped route)" : need) + " for "
                            + route);
        }
    }

    private void after(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        String method = HttpGuards.method(ctx).name();
        if (p == null || !CHANGES.contains(method) || ctx.statusCode() >= 400) {
            return;
        }
        audit.record(p, Principal.API, route(ctx), target(ctx.pathParamMap()), summary(ctx), ctx.statusCode());
    }

    /** {@code METHOD /path/{param}}: the matched route's template, as {@link RouteRights} keys it. */
    static String route(Context ctx) {
        Endpoint e = ctx.endpoints().matchedHttpEndpoint();
        return HttpGuards.method(ctx).name() + " " + (e == null ? ctx.path() : e.path);
    }

    private static String target(Map<String, String> params) {
        StringJoiner j = new StringJoiner(", ");
        new TreeMap<>(params)
                .forEach((k, v) -> j.add(k + "=" + (HIDDEN.matcher(k).matches() ? "…" : v)));
        return j.length() == 0 ? null : j.toString();
    }

    /** The body's top-level fields and the query's parameters, values only where {@link #SHOWN} and not hidden. */
    private String summary(Context ctx) {
        StringJoiner j = new StringJoiner(", ");
        new TreeMap<>(ctx.queryParamMap()).forEach((k, v) -> j.add(k + "=" + shown(k, String.join("|", v), true)));
        byte[] body = ctx.bodyAsBytes();
        if (body.length > 0) {
            try {
                JsonNode n = json.readTree(body);
                if (n != null && n.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        JsonNode v = f.getValue();
                        String shown = v.isNumber() || v.isBoolean() || v.isNull()
                                ? shown(f.getKey(), v.asText(), false)
                                : v.isTextual()
                                        ? shown(f.getKey(), v.asText(), true)
                                        : v.isArray() ? "[" + v.size() + "]" : "{…}";
                        j.add(f.getKey() + "=" + shown);
                    }
                } else {
                    j.add("body=" + body.length + " bytes");
                }
            } catch (java.io.IOException e) {
                j.add("body=" + body.length + " bytes");
            }
        }
        return j.length() == 0 ? null : j.toString();
    }

    private static String shown(String key, String value, boolean text) {
        if (HIDDEN.matcher(key).matches() || (text && !SHOWN.contains(key))) {
            return "…";
        }
        return value.length() > 80 ? value.substring(0, 79) + "…" : value;
    }

    static String bearer(Context ctx) {
        String auth = ctx.header("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? auth.substring(7).trim()
                : null;
    }
}
