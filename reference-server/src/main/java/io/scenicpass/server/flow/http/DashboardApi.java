package io.scenicpass.server.flow.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.flow.FlowModule;
import io.scenicpass.server.flow.FlowService;
import io.scenicpass.server.http.HttpGuards;
import io.scenicpass.server.http.RequestBodies;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator dashboard: static HTML/JS/CSS from the classpath (no build step), the page shown at
 * {@code /console/dashboard} to signed-in operators ({@code /dashboard} sends there), and its JSON under
 * {@code /admin/v1/flow} (admin bearer token, errors {@code {code, message}}).
 */
public final class DashboardApi {
    record MoveBody(String fromSlotId, String toSlotId, Integer places) {}

    record NotifierBody(String url) {}

    private final AdminService admin;
    private final FlowModule flow;
    /** Sections other features add to the summary (e.g. the counter's sales today), by key. */
    private final Map<String, java.util.function.Supplier<Object>> sections = new LinkedHashMap<>();

    public DashboardApi(AdminService admin, FlowModule flow) {
        this.admin = admin;
        this.flow = flow;
    }

    /** Adds a section of another feature to the summary (its JSON under {@code key}). */
    public DashboardApi with(String key, java.util.function.Supplier<Object> section) {
        sections.put(key, section);
        return this;
    }

    public void register(RoutesConfig r) {
        // the page is the console's, behind sign-in (console/http/SignInPages); its script and style carry no data
        r.get("/dashboard", ctx -> ctx.redirect("/console/dashboard", io.javalin.http.HttpStatus.SEE_OTHER));
        r.get("/dashboard/", ctx -> ctx.redirect("/console/dashboard", io.javalin.http.HttpStatus.SEE_OTHER));
        r.get("/dashboard/app.js", ctx -> asset(ctx, "app.js", "text/javascript; charset=utf-8"));
        r.get("/dashboard/style.css", ctx -> asset(ctx, "style.css", "text/css; charset=utf-8"));
        String p = "/admin/v1/flow";
        r.get(p + "/summary", auth(ctx -> ctx.json(summary())));
        r.get(p + "/occupancy", auth(ctx -> ctx.json(flow.flow.occupancy())));
        r.get(p + "/slots", auth(ctx -> ctx.json(flow.flow.slots(date(ctx)))));
        r.get(p + "/channels", auth(ctx -> ctx.json(flow.flow.channels(date(ctx)))));
        r.get(p + "/heatmap", auth(ctx -> ctx.json(flow.flow.heatmap(date(ctx)))));
        r.get(p + "/gates", auth(ctx -> ctx.json(flow.flow.gates())));
        r.get(p + "/arrivals", auth(ctx -> {
            LocalDate d = date(ctx);
            Instant from = flow.flow.dayStart(d);
            FlowService.Series[] s = flow.flow.arrivals(from, from.plus(Duration.ofDays(1)));
            ctx.json(Map.of("gates", s[0], "slots", s[1]));
        }));
        r.get(p + "/forecast", auth(ctx -> ctx.json(flow.forecast.view())));
        r.get(
                p + "/forecast/accuracy",
                auth(ctx -> ctx.json(
                        flow.forecast.backtest(intParam(ctx, "trainDays", 21), intParam(ctx, "testDays", 7)))));
        r.get(p + "/alerts", auth(ctx -> ctx.json(flow.alerts.alerts(100))));
        r.get(p + "/alerts/levels", auth(ctx -> ctx.json(flow.alerts.levels())));
        r.post(p + "/alerts/evaluate", auth(ctx -> ctx.json(Map.of("changed", flow.alerts.evaluate()))));
        r.post(p + "/alerts/{key}/acknowledge", auth(ctx -> {
            // the actor the admin guard authenticated (an operator's token or the machine token)
            io.scenicpass.server.console.Principal who =
                    ctx.attribute(io.scenicpass.server.console.http.AdminGuard.PRINCIPAL);
            flow.alerts.acknowledge(ctx.pathParam("key"), who == null ? "machine-token" : who.actor());
            ctx.status(204);
        }));
        r.put(p + "/notifier", auth(ctx -> {
            // required; "" removes the notifier
            flow.alerts.setNotifierUrl(
                    RequestBodies.required(body(ctx, NotifierBody.class).url(), "url"));
            ctx.status(204);
        }));
        r.get(p + "/quotas/suggestions", auth(ctx -> ctx.json(flow.quotas.suggestions())));
        r.post(p + "/quotas/move", auth(ctx -> {
            MoveBody b = body(ctx, MoveBody.class);
            ctx.json(flow.quotas.move(
                    RequestBodies.required(b.fromSlotId(), "fromSlotId"),
                    RequestBodies.required(b.toSlotId(), "toSlotId"),
                    RequestBodies.required(b.places(), "places")));
        }));
    }

    /** Everything the page shows, in one answer (so the page's numbers come from one consistent read). */
    public Map<String, Object> summary() {
        LocalDate d = flow.flow.today();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", d.toString());
        m.put("occupancy", flow.flow.occupancy());
        m.put("slots", flow.flow.slots(d));
        m.put("alerts", flow.alerts.alerts(20));
        m.put("gates", flow.flow.gates());
        m.put("heatmap", flow.flow.heatmap(d));
        m.put("channels", flow.flow.channels(d));
        m.put("forecast", flow.forecast.view());
        sections.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** Answers the dashboard's file {@code name} from the classpath (the HTML with {@link HttpGuards#PAGE_POLICY}). */
    public static void asset(Context ctx, String name, String type) throws IOException {
        try (InputStream in = DashboardApi.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                throw new ServiceException(Problem.NOT_FOUND, "no such dashboard file", name);
            }
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
            if (type.startsWith("text/html")) {
                ctx.header("Content-Security-Policy", HttpGuards.PAGE_POLICY);
            }
        }
    }

    private Handler auth(Handler h) {
        return ctx -> {
            String auth = ctx.header("Authorization");
            admin.checkAdmin(
                    auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                            ? auth.substring(7).trim()
                            : null);
            h.handle(ctx);
        };
    }

    private LocalDate date(Context ctx) {
        String s = ctx.queryParam("date");
        if (s == null || s.isBlank()) {
            return flow.flow.today();
        }
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "date must be YYYY-MM-DD");
        }
    }

    private static int intParam(Context ctx, String name, int dflt) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 366) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be a number of days between 1 and 366");
        }
    }

    private static <T> T body(Context ctx, Class<T> type) throws IOException {
        return RequestBodies.ADMIN.read(ctx, type);
    }
}
