package io.scenicpass.server.console.passes;

import static io.scenicpass.server.console.passes.PassesPage.value;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.reports.Export;
import io.scenicpass.server.shop.tickets.TicketRefunds;
import io.scenicpass.server.shop.tickets.TicketRefusal;
import io.scenicpass.server.shop.tickets.TicketRules;
import io.scenicpass.server.shop.tickets.store.ShopRefundStore.RefundRow;
import io.scenicpass.server.web.Pages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/bookings/refund?uuid=}: a shop order paid through the park's own payments, its passes and refunds;
 * the operator refunds all or some passes, also after the cutoff, with a reason (the provider pays back, the passes are
 * revoked; a double click answers the first refund) and resends the tickets to the visitor's own address. All
 * BOOKINGS_REFUND and audited. Another channel's booking is refused (NOT_OWN_PAYMENT): its money is the OTA's.
 */
public final class RefundsPage {
    public record PassRow(String passId, boolean revoked) {}

    public record Model(
            String uuid,
            String reference,
            String status,
            String productId,
            String date,
            String paid,
            String refunded,
            List<PassRow> passes,
            List<RefundRow> refunds,
            String done,
            String errorCode,
            String error) {}

    private final ConsolePages pages;
    private final TicketRules rules;
    private final TicketRefunds refunds;
    private final VisitorMessages messages;

    RefundsPage(ConsolePages pages, TicketRules rules, TicketRefunds refunds, VisitorMessages messages) {
        this.pages = pages;
        this.rules = rules;
        this.refunds = refunds;
        this.messages = messages;
    }

    void register(RoutesConfig r) {
        r.get("/console/bookings/refund", ctx -> {
            pages.requireRight(ctx, Right.BOOKINGS_REFUND);
            show(ctx, 200, value(ctx.queryParam("uuid")), value(ctx.queryParam("done")), null, null);
        });
        r.post("/console/bookings/refund", this::refund);
        r.post("/console/bookings/resend", this::resend);
    }

    private void refund(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.BOOKINGS_REFUND);
        String uuid = value(ctx.formParam("uuid"));
        List<String> chosen = ctx.formParams("passId");
        try {
            RefundRow r = refunds.refundByOperator(uuid, chosen, ctx.formParam("reason"));
            pages.audited(
                    p,
                    "console: refund shop order",
                    "bookingId=" + uuid + ", refund=" + r.id(),
                    "passes=" + r.passIds().size() + ", amount=" + Export.yuan(r.amountFen()) + ", state=" + r.state());
            ctx.redirect(back(uuid) + "&done=refund", HttpStatus.SEE_OTHER);
        } catch (TicketRefusal e) {
            refused(ctx, uuid, e);
        } catch (ServiceException e) {
            show(
                    ctx,
                    e.problem() == Problem.BAD_REQUEST ? 400 : 409,
                    uuid,
                    "",
                    e.problem().name(),
                    e.getMessage());
        }
    }

    private void resend(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.BOOKINGS_REFUND);
        String uuid = value(ctx.formParam("uuid"));
        if (!messages.resendTickets(uuid)) {
            show(ctx, 409, uuid, "", "NOT_A_SHOP_ORDER", "no shop visitor owns booking " + uuid);
            return;
        }
        pages.audited(p, "console: resend tickets", "bookingId=" + uuid, null);
        ctx.redirect(back(uuid) + "&done=resend", HttpStatus.SEE_OTHER);
    }

    private void refused(Context ctx, String uuid, TicketRefusal e) {
        if (e.code() == TicketRefusal.Code.ORDER_NOT_FOUND) {
            show(ctx, 409, uuid, "", "NOT_OWN_PAYMENT", "booking " + uuid + " was not paid through the park");
        } else {
            show(ctx, 409, uuid, "", e.code().name(), e.detail());
        }
    }

    private void show(Context ctx, int status, String uuid, String done, String code, String error) {
        Model m;
        try {
            TicketRules.Order o = rules.order(uuid);
            var b = o.booking();
            List<PassRow> passes = new ArrayList<>();
            // every pass the order ever had: those refunded are no longer the unit items'
            List<String> ids = new ArrayList<>(o.passIds());
            List<RefundRow> made = refunds.of(uuid);
            made.forEach(r -> r.passIds().stream().filter(x -> !ids.contains(x)).forEach(ids::add));
            for (String id : ids) {
                passes.add(
                        new PassRow(id, !o.passIds().contains(id) || !b.status().isSold()));
            }
            var pay = refunds.payment(uuid);
            m = new Model(
                    uuid,
                    b.supplierReference(),
                    b.status().name(),
                    b.productId(),
                    b.localDate().toString(),
                    pay.map(x -> Export.yuan(x.amount().fen()).toPlainString()).orElse("0"),
                    pay.map(x -> Export.yuan(x.refundedFen()).toPlainString()).orElse("0"),
                    passes,
                    made,
                    done,
                    code,
                    error);
        } catch (TicketRefusal e) {
            status = status == 200 ? 409 : status;
            m = new Model(
                    uuid,
                    "",
                    "",
                    "",
                    "",
                    "0",
                    "0",
                    List.of(),
                    List.of(),
                    "",
                    code != null ? code : "NOT_OWN_PAYMENT",
                    error != null ? error : "booking " + uuid + " was not paid through the park");
        }
        Pages.render(
                ctx, status, "console/passes/refund.jte", pages.frame(ctx, "refund.title", PassesPagesModule.TEXTS), m);
    }

    private static String back(String uuid) {
        return "/console/bookings/refund?uuid=" + URLEncoder.encode(uuid, StandardCharsets.UTF_8);
    }
}
