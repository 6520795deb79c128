package io.scenicpass.server.shop.checkout.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentProvider;
import io.scenicpass.server.payments.PaymentsModule;
import io.scenicpass.server.payments.internal.SimulatedProvider;
import io.scenicpass.server.shop.ShopPages;
import io.scenicpass.server.shop.account.ShopVisitor;
import io.scenicpass.server.shop.catalogue.ShopCatalogue;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.checkout.store.CheckoutStore.CheckoutRow;
import io.scenicpass.server.shop.travellers.Travellers;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.PageRefusal;
import io.scenicpass.server.web.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checkout pages: {@code GET /shop/checkout} (from the product page: a saved traveller for each real-name
 * ticket), {@code POST /shop/checkout} (hold, idempotent by the form's order reference) → {@code
 * /shop/orders/{ref}/pay} (the live payment: the simulated cashier's button in the demo, WeChat Pay's H5 cashier in
 * production; "pay again"; cancel) → paid: {@code /shop/checkout/{ref}} (the order's state, a link to its tickets).
 */
public final class CheckoutPages {
    private final ShopPages pages;
    private final ShopCatalogue catalogue;
    private final ShopCheckout checkout;
    private final Travellers travellers;
    private final PaymentsModule payments;
    private final boolean simulatedCashier;

    public CheckoutPages(
            ShopPages pages,
            ShopCatalogue catalogue,
            ShopCheckout checkout,
            Travellers travellers,
            PaymentsModule payments,
            boolean simulatedCashier) {
        this.pages = pages;
        this.catalogue = catalogue;
        this.checkout = checkout;
        this.travellers = travellers;
        this.payments = payments;
        this.simulatedCashier = simulatedCashier;
    }

    /** Where a paid order lands: its state and its tickets' link. */
    public static String donePath(String ref) {
        return "/shop/checkout/" + ref;
    }

    public void register(RoutesConfig r) {
        r.get("/shop/checkout", this::form);
        r.post("/shop/checkout", this::hold);
        r.get("/shop/checkout/{ref}", this::done);
        r.get("/shop/orders/{ref}/pay", this::payPage);
        r.post("/shop/orders/{ref}/pay", this::payAgain);
        r.post("/shop/orders/{ref}/pay/simulated", this::simulatedPays);
        r.post("/shop/orders/{ref}/cancel", this::cancel);
    }

    private void form(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        String product = ctx.queryParam("product");
        String slot = ctx.queryParam("slot");
        if (product == null || slot == null) {
            throw new PageRefusal(400, "BAD_REQUEST");
        }
        List<String> units = new ArrayList<>();
        PageFrame f = pages.frame(ctx, "checkout.title", "shop-book", "offers");
        ShopCatalogue.ProductPage p = page(product, slot, f.lang());
        for (ShopCatalogue.UnitPrice u : p.units()) {
            int n = count(ctx.queryParam("n-" + u.id()));
            for (int i = 0; i < n; i++) {
                units.add(u.id());
            }
        }
        if (units.isEmpty()) {
            ctx.redirect("/shop/products/" + product + "?day=" + p.day(), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, f, 200, v.get(), p, slot, checkout.newRef(), units, List.of(), null, null);
    }

    private void hold(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        String ref = ctx.formParam("ref");
        String product = ctx.formParam("product");
        String slot = ctx.formParam("slot");
        String typed = ctx.formParam("offer");
        String offer = typed == null || typed.isBlank() ? null : typed.strip();
        if (offer != null && offer.length() > 32) {
            offer = offer.substring(0, 32); // no code is longer: refused as unknown
        }
        List<String> units = new ArrayList<>();
        List<String> who = new ArrayList<>();
        for (int i = 0; i < 50 && ctx.formParam("u" + i) != null; i++) {
            units.add(ctx.formParam("u" + i));
            String t = ctx.formParam("t" + i);
            who.add(t == null || t.isBlank() ? null : t);
        }
        List<ShopCheckout.Line> lines = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            lines.add(new ShopCheckout.Line(units.get(i), who.get(i)));
        }
        try {
            checkout.hold(v.get().id(), new ShopCheckout.Order(ref, product, slot, lines, offer));
        } catch (ServiceException e) {
            PageFrame f = pages.frame(ctx, "checkout.title", "shop-book", "offers");
            ShopErrors err = ShopErrors.of(e);
            ShopCatalogue.ProductPage p = page(product, slot, f.lang());
            render(ctx, f, err.status(), v.get(), p, slot, checkout.newRef(), units, who, offer, err);
            return;
        }
        ctx.redirect("/shop/orders/" + ref + "/pay", HttpStatus.SEE_OTHER);
    }

    private void payPage(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        String ref = ctx.pathParam("ref");
        CheckoutRow row = checkout.get(v.get().id(), ref);
        if (!row.state().payable()) {
            ctx.redirect(donePath(ref), HttpStatus.SEE_OTHER);
            return;
        }
        Payment p = checkout.pay(v.get().id(), ref, payer(ctx), false);
        if (p == null) {
            ctx.redirect(donePath(ref), HttpStatus.SEE_OTHER);
            return;
        }
        PageFrame f = pages.frame(ctx, "pay.title", "shop-book", "offers");
        Pages.render(
                ctx,
                200,
                "shop/pay.jte",
                f,
                PayModel.of(
                        checkout.get(v.get().id(), ref),
                        p,
                        checkout,
                        catalogue.zone(row.productId()),
                        simulatedCashier));
    }

    private void payAgain(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isPresent()) {
            checkout.pay(v.get().id(), ctx.pathParam("ref"), payer(ctx), true);
            ctx.redirect("/shop/orders/" + ctx.pathParam("ref") + "/pay", HttpStatus.SEE_OTHER);
        }
    }

    /** The demo's cashier: the visitor pays the simulated payment (and its notifications arrive, as a provider's would). */
    private void simulatedPays(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        String ref = ctx.pathParam("ref");
        CheckoutRow row = checkout.get(v.get().id(), ref);
        Payment p = row.paymentId() == null ? null : payments.payments.get(row.paymentId());
        if (!simulatedCashier || p == null || !SimulatedProvider.NAME.equals(p.provider())) {
            throw new PageRefusal(404, "NOT_FOUND");
        }
        payments.simulated.visitorPays(p.id());
        for (SimulatedProvider.Delivery d : payments.simulated.takeNotifications()) {
            payments.payments.notification(SimulatedProvider.NAME, d.headers(), d.body());
        }
        ctx.redirect("/shop/orders/" + ref + "/pay", HttpStatus.SEE_OTHER);
    }

    private void cancel(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isPresent()) {
            checkout.cancel(v.get().id(), ctx.pathParam("ref"));
            ctx.redirect(donePath(ctx.pathParam("ref")), HttpStatus.SEE_OTHER);
        }
    }

    private void done(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        CheckoutRow row = checkout.get(v.get().id(), ctx.pathParam("ref"));
        if (row.state().payable()) {
            ctx.redirect("/shop/orders/" + row.ref() + "/pay", HttpStatus.SEE_OTHER);
            return;
        }
        long passes = row.state() == SaleState.PAID
                ? checkout.booking(row).unitItems().stream()
                        .map(i -> i.passId())
                        .filter(x -> x != null)
                        .distinct()
                        .count()
                : 0;
        PageFrame f = pages.frame(ctx, "order.title", "shop-book");
        Pages.render(
                ctx,
                200,
                "shop/checkout-done.jte",
                f,
                new PayModel.Done(row.ref(), row.state().wire(), passes));
    }

    private ShopCatalogue.ProductPage page(String product, String slot, String lang) {
        int bar = slot == null ? -1 : slot.lastIndexOf('|');
        java.time.LocalDate day = null;
        if (bar > 0 && slot.length() >= bar + 11) {
            try {
                day = java.time.LocalDate.parse(slot.substring(bar + 1, bar + 11));
            } catch (java.time.format.DateTimeParseException e) {
                throw new PageRefusal(400, "BAD_REQUEST");
            }
        }
        if (product == null || day == null) {
            throw new PageRefusal(400, "BAD_REQUEST");
        }
        return catalogue.product(product, day, lang);
    }

    private void render(
            Context ctx,
            PageFrame f,
            int status,
            ShopVisitor v,
            ShopCatalogue.ProductPage p,
            String slot,
            String ref,
            List<String> units,
            List<String> who,
            String offer,
            ShopErrors err) {
        List<CheckoutForm.Line> lines = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < units.size(); i++) {
            String id = units.get(i);
            ShopCatalogue.UnitPrice u = p.units().stream()
                    .filter(x -> x.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new PageRefusal(400, "BAD_REQUEST"));
            total += u.priceFen();
            lines.add(new CheckoutForm.Line(
                    i,
                    u.id(),
                    u.name(),
                    u.priceFen(),
                    catalogue.needsTraveller(p.id(), i, u.id()),
                    i < who.size() ? who.get(i) : null));
        }
        ShopCatalogue.SlotChoice chosen =
                p.slots().stream().filter(s -> s.id().equals(slot)).findFirst().orElse(null);
        String slotLabel = p.day() + (chosen == null ? "" : " " + chosen.start() + "–" + chosen.end());
        String errorText = err == null
                ? null
                : f.t().get(
                                err.code(),
                                err.args().isEmpty()
                                        ? new Object[0]
                                        : err.args().toArray());
        Pages.render(
                ctx,
                status,
                "shop/checkout.jte",
                f,
                new CheckoutForm(
                        ref,
                        p.id(),
                        p.title(),
                        slot,
                        slotLabel,
                        lines,
                        travellers.list(v.id()),
                        total,
                        p.currency(),
                        offer,
                        err == null ? null : err.code(),
                        errorText));
    }

    private static PaymentProvider.Payer payer(Context ctx) {
        return new PaymentProvider.Payer(ctx.ip(), null); // JSAPI needs the visitor's openid: not collected yet
    }

    private static int count(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n < 0 || n > 20) {
                throw new PageRefusal(400, "BAD_REQUEST");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new PageRefusal(400, "BAD_REQUEST");
        }
    }
}
