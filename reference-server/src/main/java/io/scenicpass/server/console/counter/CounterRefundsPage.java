package io.scenicpass.server.console.counter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.counter.CounterSales;
import io.scenicpass.server.counter.Sale;
import io.scenicpass.server.counter.boxoffice.CashRefundsDue;
import io.scenicpass.server.counter.boxoffice.CounterRefunds;
import io.scenicpass.server.counter.boxoffice.store.RefundStore.RefundRow;
import io.scenicpass.server.reports.Export;
import io.scenicpass.server.web.Pages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /console/counter-refunds}: the cash refunds due (made here, not paid out at a box office yet) and, for one
 * counter sale ({@code ?sale=} or {@code ?booking=}), its passes and refunds with the refund form: all or some passes,
 * with a reason, also after the cutoff. BOOKINGS_REFUND (finance, administrator) and audited; refusals typed
 * (SALE_NOT_PAID, ALREADY_REFUNDED, PASS_USED).
 */
public final class CounterRefundsPage {
    /** A refund as the page shows it; {@code state} DUE, PAID_OUT, PAID (cash at the counter) or the payment's. */
    public record Line(String id, String saleId, String method, String amount, int passes, String state, String at) {}

    /** The sale shown, or null when none is asked for. */
    public record SaleView(
            String saleId,
            String bookingUuid,
            String bookingCode,
            String productId,
            String state,
            String method,
            String amount,
            List<String> validPasses,
            List<Line> refunds) {}

    public record Model(
            String ref, SaleView sale, List<Line> due, String dueTotal, String done, String errorCode, String error) {}

    private final ConsolePages pages;
    private final CounterRefunds refunds;
    private final CashRefundsDue due;
    private final CounterSales sales;

    CounterRefundsPage(ConsolePages pages, CounterRefunds refunds, CashRefundsDue due, CounterSales sales) {
        this.pages = pages;
        this.refunds = refunds;
        this.due = due;
        this.sales = sales;
    }

    void register(RoutesConfig r) {
        r.get("/console/counter-refunds", ctx -> {
            pages.requireRight(ctx, Right.BOOKINGS_REFUND);
            String sale = value(ctx.queryParam("sale"));
            String booking = value(ctx.queryParam("booking"));
            if (sale.isEmpty() && !booking.isEmpty()) {
                sale = refunds.saleOf(booking).orElse("");
                if (sale.isEmpty()) {
                    show(ctx, 404, booking, "", "", "NOT_FOUND", "booking " + booking + " is no counter sale");
                    return;
                }
            }
            show(ctx, 200, sale, sale, value(ctx.queryParam("done")), null, null);
        });
        r.post("/console/counter-refunds", this::refund);
    }

    private void refund(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.BOOKINGS_REFUND);
        String sale = value(ctx.formParam("sale"));
        try {
            CounterRefunds.Refunded done =
                    refunds.refundByOperator(sale, ctx.formParams("passId"), ctx.formParam("reason"), p.actor());
            RefundRow r = done.refund();
            pages.audited(
                    p,
                    "console: refund counter sale",
                    "saleId=" + sale + ", refund=" + r.id(),
                    "passes=" + r.passIds().size() + ", amount=" + Export.yuan(r.amountFen()) + ", method=" + r.method()
                            + ", state=" + state(r));
            ctx.redirect(
                    "/console/counter-refunds?sale=" + URLEncoder.encode(sale, StandardCharsets.UTF_8) + "&done="
                            + (r.due() ? "due" : "refund"),
                    HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            int status = e.problem() == Problem.BAD_REQUEST ? 400 : e.problem() == Problem.NOT_FOUND ? 404 : 409;
            show(ctx, status, sale, sale, "", e.problem().name(), e.getMessage());
        }
    }

    private void show(Context ctx, int status, String ref, String saleId, String done, String code, String error) {
        SaleView view = null;
        if (!saleId.isEmpty()) {
            try {
                view = view(sales.view(saleId));
            } catch (ServiceException e) {
                status = status == 200 ? 404 : status;
                code = code != null ? code : e.problem().name();
                error = error != null ? error : e.getMessage();
            }
        }
        CashRefundsDue.Total t = due.total();
        Model m = new Model(
                ref,
                view,
                due.due(null, null).stream().map(CounterRefundsPage::line).toList(),
                t.count() + " · " + Export.yuan(t.fen()).toPlainString(),
                done,
                code,
                error);
        Pages.render(
                ctx,
                status,
                "console/counter/refunds.jte",
                pages.frame(ctx, "counterRefunds.title", CounterRefundsModule.TEXTS),
                m);
    }

    private SaleView view(Sale s) {
        return new SaleView(
                s.saleId(),
                s.bookingId(),
                s.bookingCode(),
                s.productId(),
                s.state(),
                s.payment() == null ? "" : s.payment().method(),
                Export.yuan(s.amountFen()).toPlainString(),
                s.tickets().stream().map(Sale.Ticket::passId).toList(),
                refunds.of(s.saleId()).stream().map(CounterRefundsPage::line).toList());
    }

    private static Line line(RefundRow r) {
        return new Line(
                r.id(),
                r.saleId(),
                r.method(),
                Export.yuan(r.amountFen()).toPlainString(),
                r.passIds().size(),
                state(r),
                r.createdAt().toString());
    }

    /** DUE or PAID_OUT for the console's cash, PAID for the counter's, else the electronic refund's state. */
    static String state(RefundRow r) {
        if (r.due()) {
            return "DUE";
        }
        if (r.paymentRefundState() != null) {
            return r.paymentRefundState();
        }
        return r.operator() != null && r.paidOutAt() != null ? "PAID_OUT" : "PAID";
    }

    private static String value(String s) {
        return s == null ? "" : s.trim();
    }
}
