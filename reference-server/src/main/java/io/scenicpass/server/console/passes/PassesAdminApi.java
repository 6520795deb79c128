package io.scenicpass.server.console.passes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.console.http.AdminGuard;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.sales.PassActions;
import io.scenicpass.server.shop.tickets.TicketRefunds;
import io.scenicpass.server.shop.tickets.TicketRefusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/v1/passes/{passId}}: a pass with its booking, state, entries and the operators' actions (VIEW);
 * {@code …/void} and {@code …/reissue} with a reason (BOOKINGS_REFUND; audited by the admin guard, which also names
 * who did it in the pass's actions). {@code POST /admin/v1/bookings/{uuid}/refund} (a shop order, also after the
 * cutoff, with a reason) and {@code …/resend} (its tickets to the visitor again), BOOKINGS_REFUND: as the console's.
 */
final class PassesAdminApi {
    record ReasonBody(String reason) {}

    record RefundBody(String reason, List<String> passIds) {}

    private final AdminService admin;
    private final PassLookup lookup;
    private final PassActions actions;
    private final TicketRefunds refunds;
    private final VisitorMessages messages;

    PassesAdminApi(
            AdminService admin,
            PassLookup lookup,
            PassActions actions,
            TicketRefunds refunds,
            VisitorMessages messages) {
        this.admin = admin;
        this.lookup = lookup;
        this.actions = actions;
        this.refunds = refunds;
        this.messages = messages;
    }

    void register(RoutesConfig r) {
        String p = "/admin/v1/passes/{passId}";
        r.get(p, auth(ctx -> {
            List<PassLookup.Found> found = lookup.byPass(ctx.pathParam("passId"));
            if (found.isEmpty()) {
                throw new ServiceException(Problem.NOT_FOUND, "no pass " + ctx.pathParam("passId"));
            }
            ctx.json(found.get(0));
        }));
        r.post(
                p + "/void",
                auth(ctx -> ctx.json(done(actions.voidPass(
                        ctx.pathParam("passId"),
                        reason(ctx),
                        AdminGuard.caller(ctx).actor())))));
        r.post("/admin/v1/bookings/{uuid}/refund", auth(this::refund));
        r.post("/admin/v1/bookings/{uuid}/resend", auth(ctx -> {
            if (!messages.resendTickets(ctx.pathParam("uuid"))) {
                throw new ServiceException(Problem.NOT_FOUND, "no shop visitor owns booking " + ctx.pathParam("uuid"));
            }
            ctx.json(Map.of("sent", true));
        }));
        r.post(
                p + "/reissue",
                auth(ctx -> ctx.json(done(actions.reissue(
                        ctx.pathParam("passId"),
                        reason(ctx),
                        AdminGuard.caller(ctx).actor())))));
    }

    /** The operator's refund of a shop order; the shop's refusals as typed errors (never a 500). */
    private void refund(Context ctx) throws java.io.IOException {
        String uuid = ctx.pathParam("uuid");
        RefundBody b = RequestBodies.ADMIN.read(ctx, RefundBody.class);
        try {
            ctx.json(refunds.refundByOperator(
                    uuid, b == null || b.passIds() == null ? List.of() : b.passIds(), b == null ? null : b.reason()));
        } catch (TicketRefusal e) {
            if (e.code() == TicketRefusal.Code.ORDER_NOT_FOUND) {
                throw new ServiceException(
                        Problem.NOT_FOUND, "booking " + uuid + " is not a shop order paid through the park", uuid);
            }
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, e.getMessage(), uuid);
        }
    }

    private static Map<String, Object> done(PassActions.Done d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passId", d.action().passId());
        out.put("bookingUuid", d.action().bookingUuid());
        out.put("action", d.action().action());
        out.put("reason", d.action().reason());
        out.put("actor", d.action().actor());
        out.put("at", d.action().createdAt());
        if (d.newPass() != null) {
            out.put("newPassId", d.newPass().passId());
            out.put("newPassText", d.newPass().passText());
        }
        return out;
    }

    private static String reason(Context ctx) throws java.io.IOException {
        ReasonBody b = RequestBodies.ADMIN.read(ctx, ReasonBody.class);
        return b == null ? null : b.reason();
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
