package io.scenicpass.server.console.catalogue.slots;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.console.http.AdminGuard;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.sales.SlotClosures;
import io.scenicpass.server.sales.SlotSchedule;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.SlotRuleStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/v1/slot-rules/{optionId}} (GET: the rule at creation and its changes; PUT: a rule from a date on) and
 * {@code /admin/v1/closures} (GET by product, POST a closure or its dry run, DELETE lifts one). Audited by the admin
 * guard; rights in RouteRights (VIEW to read, CATALOGUE_WRITE to change).
 */
final class SlotsAdminApi {
    record RuleBody(
            String from,
            String openTime,
            String closeTime,
            Integer intervalMinutes,
            Integer slotCapacity,
            List<String> closedWeekdays) {}

    record ClosureBody(
            String productId, String optionId, String firstDay, String lastDay, String reason, Boolean dryRun) {}

    private final AdminService admin;
    private final SlotSchedule schedule;
    private final SlotClosures closures;

    SlotsAdminApi(AdminService admin, SlotSchedule schedule, SlotClosures closures) {
        this.admin = admin;
        this.schedule = schedule;
        this.closures = closures;
    }

    void register(RoutesConfig r) {
        r.get("/admin/v1/slot-rules/{optionId}", auth(ctx -> {
            String option = ctx.pathParam("optionId");
            ctx.json(Map.of(
                    "optionId",
                    option,
                    "rules",
                    schedule.rules(option).stream().map(SlotsAdminApi::rule).toList()));
        }));
        r.put("/admin/v1/slot-rules/{optionId}", auth(this::changeRule));
        r.get("/admin/v1/closures", auth(ctx -> {
            String product = ctx.queryParam("productId");
            if (product == null || product.isBlank()) {
                throw new ServiceException(Problem.BAD_REQUEST, "productId is required");
            }
            ctx.json(Map.of(
                    "closures",
                    closures.list(product).stream().map(SlotsAdminApi::closed).toList()));
        }));
        r.post("/admin/v1/closures", auth(this::close));
        r.delete("/admin/v1/closures/{id}", auth(ctx -> {
            long id;
            try {
                id = Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                throw new ServiceException(Problem.NOT_FOUND, "no closure " + ctx.pathParam("id"));
            }
            ctx.json(closure(closures.lift(id)));
        }));
    }

    private void changeRule(Context ctx) throws java.io.IOException {
        RuleBody b = RequestBodies.required(RequestBodies.ADMIN.read(ctx, RuleBody.class), "body");
        SlotSchedule.RuleSpec spec = SlotInputs.rule(
                b.from(),
                b.openTime(),
                b.closeTime(),
                String.valueOf(RequestBodies.required(b.intervalMinutes(), "intervalMinutes")),
                String.valueOf(RequestBodies.required(b.slotCapacity(), "slotCapacity")),
                b.closedWeekdays());
        SlotSchedule.RuleChange done = schedule.changeRule(
                ctx.pathParam("optionId"), spec, AdminGuard.caller(ctx).actor());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("optionId", done.optionId());
        out.put("from", done.from().toString());
        out.put("regeneratedDays", done.regeneratedDays());
        out.put(
                "keptDays",
                done.keptDays().stream()
                        .map(k -> Map.of(
                                "date",
                                k.date().toString(),
                                "slots",
                                k.slots().stream().map(SlotsAdminApi::slot).toList()))
                        .toList());
        ctx.json(out);
    }

    private void close(Context ctx) throws java.io.IOException {
        ClosureBody b = RequestBodies.required(RequestBodies.ADMIN.read(ctx, ClosureBody.class), "body");
        var first = SlotInputs.date("firstDay", b.firstDay());
        var last = SlotInputs.date("lastDay", b.lastDay());
        if (Boolean.TRUE.equals(b.dryRun())) {
            ctx.json(closed(closures.preview(b.productId(), b.optionId(), first, last, b.reason())));
            return;
        }
        ctx.status(201)
                .json(closed(closures.close(
                        b.productId(),
                        b.optionId(),
                        first,
                        last,
                        b.reason(),
                        AdminGuard.caller(ctx).actor())));
    }

    static Map<String, Object> rule(SlotRuleStore.SlotRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("validFrom", r.validFrom() == null ? null : r.validFrom().toString());
        m.put("openTime", r.openTime().toString());
        m.put("closeTime", r.closeTime().toString());
        m.put("intervalMinutes", r.intervalMinutes());
        m.put("slotCapacity", r.slotCapacity());
        m.put(
                "closedWeekdays",
                r.closedWeekdays().stream().map(Enum::name).sorted().toList());
        return m;
    }

    private static Map<String, Object> slot(Slot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slotId", s.id());
        m.put("localStart", s.localStart());
        m.put("capacity", s.capacity());
        m.put("sold", s.sold());
        m.put("held", s.held());
        return m;
    }

    private static Map<String, Object> closure(SlotRuleStore.Closure k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id() == 0 ? null : k.id());
        m.put("productId", k.productId());
        m.put("optionId", k.optionId());
        m.put("firstDay", k.firstDay().toString());
        m.put("lastDay", k.lastDay().toString());
        m.put("reason", k.reason());
        m.put("createdBy", k.createdBy());
        m.put("lifted", k.lifted());
        return m;
    }

    private static Map<String, Object> closed(SlotClosures.Closed c) {
        Map<String, Object> m = closure(c.closure());
        m.put("bookings", c.bookings());
        m.put("visitors", c.visitors());
        m.put(
                "affected",
                c.affected().stream()
                        .map(a ->
                                Map.of("date", a.date().toString(), "bookings", a.bookings(), "visitors", a.visitors()))
                        .toList());
        return m;
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
