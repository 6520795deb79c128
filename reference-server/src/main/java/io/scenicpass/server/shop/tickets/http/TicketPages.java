package io.scenicpass.server.shop.tickets.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.IssuanceService;
import io.scenicpass.server.shop.ShopPages;
import io.scenicpass.server.shop.account.ShopVisitor;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.store.ShopOrderStore;
import io.scenicpass.server.shop.tickets.CalendarFile;
import io.scenicpass.server.shop.tickets.OrderViews.OrderView;
import io.scenicpass.server.shop.tickets.OrderViews.PassView;
import io.scenicpass.server.shop.tickets.TicketRefusal;
import io.scenicpass.server.shop.tickets.TicketRefusal.Code;
import io.scenicpass.server.shop.tickets.TicketsModule;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.Pages;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * "My tickets": {@code /shop/tickets} (the signed-in visitor's orders) and {@code /shop/orders/{ref}} (one order: QR
 * codes, calendar, refund and date change forms). An order that is not the visitor's is a 404 like one that does not
 * exist; refusals are typed pages in the visitor's language; forms post with the session's CSRF token (web's guard).
 */
public final class TicketPages {
    /** QR images: 480 px with a 4-module quiet zone, enough for a phone screen under a gate's reader. */
    static final int QR_PX = 480;

    private static final Pattern REF = Pattern.compile("[0-9A-Z]{26}");
    private static final String BUNDLE = "shop-tickets";

    private final ShopPages shop;
    private final ShopOrderStore orders;
    private final Database db;
    private final TicketsModule tickets;
    private final Supplier<String> publicUrl;
    private final Clock clock;

    public TicketPages(
            ShopPages shop,
            ShopOrderStore orders,
            Database db,
            TicketsModule tickets,
            Supplier<String> publicUrl,
            Clock clock) {
        this.shop = shop;
        this.orders = orders;
        this.db = db;
        this.tickets = tickets;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public void register(RoutesConfig r) {
        r.get("/shop/tickets", this::list);
        r.get("/shop/orders/{ref}", this::order);
        r.get("/shop/orders/{ref}/passes/{passId}/qr.png", this::qr);
        r.get("/shop/orders/{ref}/calendar.ics", this::calendar);
        r.get("/shop/orders/{ref}/refund", ctx -> refundForm(ctx, null));
        r.post("/shop/orders/{ref}/refund", this::refund);
        r.get("/shop/orders/{ref}/change", ctx -> changeForm(ctx, null));
        r.post("/shop/orders/{ref}/change", this::change);
    }

    private void list(Context ctx) {
        Optional<ShopVisitor> v = shop.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        String lang = shop.lang(ctx);
        List<OrderView> all =
                tickets.views.list(db.read(c -> orders.ofVisitor(c, v.get().id())), lang);
        PageFrame f = shop.frame(ctx, "title.tickets", BUNDLE);
        Pages.render(ctx, 200, "shop/tickets/list.jte", f, TicketModels.list(f.t(), all, clock.instant()));
    }

    private void order(Context ctx) {
        guarded(ctx, "title.tickets", uuid -> {
            String done = ctx.queryParam("done");
            OrderView o = tickets.views.of(uuid, shop.lang(ctx));
            PageFrame f = shop.frame(ctx, "title.tickets", BUNDLE);
            Pages.render(
                    ctx,
                    200,
                    "shop/tickets/order.jte",
                    f,
                    TicketModels.order(
                            f.t(), o, ref(ctx), done, clock.instant(), tickets.annual(uuid, shop.lang(ctx))));
        });
    }

    private void qr(Context ctx) {
        guarded(ctx, "title.tickets", uuid -> {
            String passId = ctx.pathParam("passId");
            PassView p = tickets.views.of(uuid, shop.lang(ctx)).passes().stream()
                    .filter(x -> x.passId().equals(passId))
                    .findFirst()
                    .orElseThrow(() -> new TicketRefusal(Code.ORDER_NOT_FOUND, "no valid pass " + passId));
            ctx.header("Cache-Control", "private, no-cache")
                    .contentType("image/png")
                    .result(IssuanceService.qrPng(p.qrText(), QR_PX));
        });
    }

    private void calendar(Context ctx) {
        guarded(ctx, "title.tickets", uuid -> {
            OrderView o = tickets.views.of(uuid, shop.lang(ctx));
            String url = publicUrl.get() + "/shop/orders/" + ref(ctx);
            String ics = CalendarFile.of(
                    new CalendarFile.Visit(
                            uuid + "@scenicpass",
                            o.start(),
                            o.end(),
                            o.zone(),
                            o.productTitle() + " ×" + o.passes().size(),
                            o.reference() + "\n" + url,
                            url),
                    clock.instant());
            ctx.header("Content-Disposition", "attachment; filename=\"" + ref(ctx) + ".ics\"")
                    .header("Cache-Control", "private, no-cache")
                    .contentType("text/calendar; charset=utf-8")
                    .result(ics.getBytes(StandardCharsets.UTF_8));
        });
    }

    private void refundForm(Context ctx, TicketRefusal given) {
        guarded(ctx, "title.refund", uuid -> {
            OrderView o = tickets.views.of(uuid, shop.lang(ctx));
            TicketRefusal refused = given != null ? given : whyNot(uuid);
            PageFrame f = shop.frame(ctx, "title.refund", BUNDLE);
            Pages.render(
                    ctx,
                    refused == null ? 200 : status(refused),
                    "shop/tickets/refund.jte",
                    f,
                    TicketModels.form(f.t(), o, ref(ctx), refused, List.of(), null));
        });
    }

    private void refund(Context ctx) {
        guarded(ctx, "title.refund", uuid -> {
            List<String> passIds = ctx.formParams("passId");
            try {
                tickets.refunds.refund(uuid, passIds.contains("all") ? List.of() : passIds);
            } catch (TicketRefusal e) {
                refundForm(ctx, e);
                return;
            }
            ctx.redirect("/shop/orders/" + ref(ctx) + "?done=refund", HttpStatus.SEE_OTHER);
        });
    }

    private void changeForm(Context ctx, TicketRefusal given) {
        guarded(ctx, "title.change", uuid -> {
            var order = tickets.rules.order(uuid);
            OrderView o = tickets.views.of(uuid, shop.lang(ctx));
            TicketRefusal refused = given != null ? given : whyNot(uuid);
            LocalDate day = day(ctx.queryParam("date"), o.date());
            PageFrame f = shop.frame(ctx, "title.change", BUNDLE);
            Pages.render(
                    ctx,
                    refused == null ? 200 : status(refused),
                    "shop/tickets/change.jte",
                    f,
                    TicketModels.form(f.t(), o, ref(ctx), refused, tickets.changes.choices(order, day), day));
        });
    }

    private void change(Context ctx) {
        guarded(ctx, "title.change", uuid -> {
            try {
                tickets.changes.change(uuid, ctx.formParam("availabilityId"));
            } catch (TicketRefusal e) {
                changeForm(ctx, e);
                return;
            }
            ctx.redirect("/shop/orders/" + ref(ctx) + "?done=change", HttpStatus.SEE_OTHER);
        });
    }

    /** Runs {@code page} for the signed-in visitor's own order (its booking uuid); refusals as typed pages. */
    private void guarded(Context ctx, String titleKey, Page page) {
        Optional<ShopVisitor> v = shop.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        try {
            String ref = ref(ctx);
            String uuid = REF.matcher(ref).matches() ? ShopCheckout.bookingUuid(ref) : null;
            Optional<Long> owner = uuid == null ? Optional.empty() : db.read(c -> orders.owner(c, uuid));
            if (owner.isEmpty() || owner.get() != v.get().id()) {
                throw new TicketRefusal(Code.ORDER_NOT_FOUND, "not an order of this visitor");
            }
            page.show(uuid);
        } catch (TicketRefusal e) {
            PageFrame f = shop.frame(ctx, titleKey, BUNDLE);
            Pages.error(ctx, f, status(e), e.code().name(), f.t().get(e.code().name(), e.getMessage()));
        }
    }

    /** Why the order can no longer be refunded or changed (shown before the visitor fills the form), or null. */
    private TicketRefusal whyNot(String uuid) {
        try {
            tickets.rules.requireChangeable(tickets.rules.order(uuid), List.of(), clock.instant());
            return null;
        } catch (TicketRefusal e) {
            return e;
        }
    }

    private interface Page {
        void show(String bookingUuid);
    }

    private static String ref(Context ctx) {
        return ctx.pathParam("ref");
    }

    private static int status(TicketRefusal e) {
        return e.code() == Code.ORDER_NOT_FOUND ? 404 : 422;
    }

    private static LocalDate day(String s, LocalDate fallback) {
        try {
            return s == null || s.isBlank() ? fallback : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
