package io.scenicpass.server.counter.boxoffice.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.counter.boxoffice.CashRefundsDue;
import io.scenicpass.server.counter.boxoffice.CashUp.DeviceTally;
import io.scenicpass.server.counter.boxoffice.Cashiers;
import io.scenicpass.server.counter.boxoffice.CounterRefunds;
import io.scenicpass.server.counter.boxoffice.Shifts;
import io.scenicpass.server.counter.http.CounterAuth;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.time.Instant;
import java.util.List;

/**
 * The box office's routes: shifts at a BOX_OFFICE device ({@code /terminal/v1/counter/shifts…}, device token plus
 * the cashier's PIN to open), refunds ({@code /terminal/v1/counter/sales/{saleId}/refund}), the payout of cash refunds
 * due ({@code /terminal/v1/counter/refunds-due…}), and the operator's cashiers, shift reports and refunds due
 * ({@code /admin/v1/cashiers}, {@code /admin/v1/counter/shifts}, {@code /admin/v1/counter/refunds-due}).
 */
public final class BoxOfficeApi {
    record OpenBody(String cashierId, String pin, Long openingFloatFen) {}

    record CloseBody(Long countedCashFen, DeviceTally deviceTally) {}

    record CashierBody(String id, String name, String role, String pin, Boolean active) {}

    record RefundBody(String shiftId, String reason, List<String> passIds, String supervisorId, String supervisorPin) {}

    record PayOutBody(String shiftId) {}

    /** Terminal bodies: the wire model's format, types strict, unknown fields ignored (a newer device may send more). */
    private static final RequestBodies BODIES =
            RequestBodies.of(WireJson.mapper()).ignoringUnknownFields().refusingNullForPrimitives();

    private final CounterAuth auth;
    private final AdminService admin;
    private final Cashiers cashiers;
    private final Shifts shifts;
    private final CounterRefunds refunds;
    private final CashRefundsDue due;

    public BoxOfficeApi(
            CounterAuth auth,
            AdminService admin,
            Cashiers cashiers,
            Shifts shifts,
            CounterRefunds refunds,
            CashRefundsDue due) {
        this.auth = auth;
        this.admin = admin;
        this.cashiers = cashiers;
        this.shifts = shifts;
        this.refunds = refunds;
        this.due = due;
    }

    public void register(RoutesConfig r) {
        String p = "/terminal/v1/counter/shifts";
        r.post(p, ctx -> {
            DeviceRow d = auth.boxOffice(ctx, "shifts");
            OpenBody b = body(ctx, OpenBody.class);
            ctx.status(201).json(shifts.open(d.id(), b.cashierId(), b.pin(), b.openingFloatFen()));
        });
        r.get(
                p + "/current",
                ctx -> ctx.json(shifts.current(auth.boxOffice(ctx, "shifts").id())));
        r.post(p + "/{shiftId}/close", ctx -> {
            DeviceRow d = auth.boxOffice(ctx, "shifts");
            CloseBody b = body(ctx, CloseBody.class);
            ctx.json(shifts.close(d.id(), ctx.pathParam("shiftId"), b.countedCashFen(), b.deviceTally()));
        });
        r.post("/terminal/v1/counter/sales/{saleId}/refund", ctx -> {
            DeviceRow d = auth.boxOffice(ctx, "refunds");
            RefundBody b = body(ctx, RefundBody.class);
            ctx.json(refunds.refund(
                    d.id(),
                    ctx.pathParam("saleId"),
                    new CounterRefunds.Request(
                            b.shiftId(), b.reason(), b.passIds(), b.supervisorId(), b.supervisorPin())));
        });
        // cash refunds an operator made on the console: listed by sale or receipt, paid out once in this shift
        r.get("/terminal/v1/counter/refunds-due", ctx -> {
            auth.boxOffice(ctx, "refunds");
            ctx.json(due.due(ctx.queryParam("saleId"), ctx.queryParam("bookingCode")));
        });
        r.post("/terminal/v1/counter/refunds-due/{refundId}/pay-out", ctx -> {
            DeviceRow d = auth.boxOffice(ctx, "refunds");
            ctx.json(due.payOut(
                    d.id(),
                    ctx.pathParam("refundId"),
                    body(ctx, PayOutBody.class).shiftId()));
        });

        String a = "/admin/v1";
        r.post(a + "/cashiers", auth(ctx -> {
            CashierBody b = RequestBodies.ADMIN.read(ctx, CashierBody.class);
            ctx.status(201).json(cashiers.create(b.id(), b.name(), b.role(), b.pin()));
        }));
        r.get(a + "/cashiers", auth(ctx -> ctx.json(cashiers.list())));
        r.get(a + "/cashiers/{id}", auth(ctx -> ctx.json(cashiers.get(ctx.pathParam("id")))));
        r.patch(a + "/cashiers/{id}", auth(ctx -> {
            CashierBody b = RequestBodies.ADMIN.readPatch(ctx, CashierBody.class);
            if (b.id() != null && !b.id().equals(ctx.pathParam("id"))) {
                throw new ServiceException(Problem.BAD_REQUEST, "id cannot be changed");
            }
            ctx.json(cashiers.change(ctx.pathParam("id"), b.name(), b.role(), b.pin(), b.active()));
        }));
        r.get(
                a + "/counter/shifts",
                auth(ctx -> ctx.json(shifts.list(
                        instant(ctx, "from", Instant.EPOCH),
                        instant(ctx, "to", Instant.parse("9999-01-01T00:00:00Z")),
                        ctx.queryParam("deviceId"),
                        limit(ctx)))));
        r.get(a + "/counter/shifts/{id}", auth(ctx -> ctx.json(shifts.report(ctx.pathParam("id")))));
        r.get(
                a + "/counter/refunds-due",
                auth(ctx -> ctx.json(due.due(ctx.queryParam("saleId"), ctx.queryParam("bookingCode")))));
    }

    private static <T> T body(Context ctx, Class<T> type) throws java.io.IOException {
        T b = BODIES.read(ctx, type);
        if (b == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "a JSON body is required");
        }
        return b;
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }

    private static Instant instant(Context ctx, String name, Instant dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Instant.parse(v.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, name + " must be an ISO-8601 instant (2026-06-01T00:00:00Z)");
        }
    }

    private static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return 100;
        }
        if (!v.matches("[0-9]{1,3}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 500) {
            throw new ServiceException(Problem.BAD_REQUEST, "limit must be 1-500");
        }
        return Integer.parseInt(v);
    }
}
