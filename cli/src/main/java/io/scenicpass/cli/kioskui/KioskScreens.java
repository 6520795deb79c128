package io.scenicpass.cli.kioskui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.cli.kioskui.KioskBackend.Catalogue;
import io.scenicpass.cli.kioskui.KioskBackend.DocumentReader;
import io.scenicpass.cli.kioskui.KioskBackend.PayMethod;
import io.scenicpass.cli.kioskui.KioskBackend.Product;
import io.scenicpass.cli.kioskui.KioskBackend.SaleView;
import io.scenicpass.cli.kioskui.KioskBackend.Slot;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The screens, in the visitor's order: home → products → day and slot → units and quantities → documents (real-name
 * products) → pay (QR of the payment link, or the visitor's payment code) → printing → done. Each POST answers with a
 * redirect to the next screen, so a reload never repeats an action. Pick-up's screens are {@link PickUpScreens}.
 */
final class KioskScreens {
    /** Days ahead the visitor can choose, today included. */
    static final int DAYS = 7;

    private final KioskBackend backend;
    private final KioskUi ui;
    private final long pollMillis;
    private final Set<String> printed = ConcurrentHashMap.newKeySet();

    KioskScreens(KioskBackend backend, KioskUi ui, Duration pollEvery) {
        this.backend = backend;
        this.ui = ui;
        this.pollMillis = pollEvery.toMillis();
    }

    void register(RoutesConfig r) {
        r.get("/", ctx -> render(ctx, "home", Map.of()));
        r.get("/buy", this::products);
        r.get("/buy/{product}", this::slots);
        r.get("/buy/{product}/{slot}", this::units);
        r.post("/buy/{product}/{slot}", this::order);
        r.post("/documents", this::documents);
        r.get("/sales/{sale}", this::sale);
        r.get("/sales/{sale}/state", this::state);
        r.post("/sales/{sale}/pay", this::pay);
        r.post("/sales/{sale}/cancel", ctx -> {
            backend.cancel(ctx.pathParam("sale"));
            ctx.redirect("/");
        });
        r.get("/sales/{sale}/printing", this::printing);
        r.post("/sales/{sale}/print", this::print);
        r.get("/sales/{sale}/done", this::done);
        new PickUpScreens(backend, this).register(r);
        new ActivationScreens(backend, this).register(r);
    }

    /** The error screen: the visitor's words for the code, the code itself (for staff), ways back. */
    void error(Context ctx, String code, String detail) {
        render(ctx, "error", Map.of("code", code, "detail", detail == null ? "" : detail));
    }

    private void products(Context ctx) {
        LocalDate day = day(ctx);
        render(ctx, "products", Map.of("catalogue", backend.catalogue(day), "days", days()));
    }

    private void slots(Context ctx) {
        LocalDate day = day(ctx);
        Catalogue c = backend.catalogue(day);
        Product p = product(c, ctx.pathParam("product"));
        render(ctx, "slots", Map.of("catalogue", c, "product", p, "days", days()));
    }

    private void units(Context ctx) {
        LocalDate day = day(ctx);
        Product p = product(backend.catalogue(day), ctx.pathParam("product"));
        Slot s = slot(p, ctx.pathParam("slot"));
        // the sale id is chosen here, once: submitting the same screen twice books one sale
        render(
                ctx,
                "units",
                Map.of(
                        "date",
                        day,
                        "product",
                        p,
                        "slot",
                        s,
                        "saleId",
                        UUID.randomUUID().toString(),
                        "max",
                        OrderForm.MAX_TICKETS));
    }

    private void order(Context ctx) {
        LocalDate day = OrderForm.day(ctx.formParam("date"));
        Product p = product(backend.catalogue(day), ctx.pathParam("product"));
        Slot s = slot(p, ctx.pathParam("slot"));
        OrderForm form = OrderForm.fromQuantities(required(ctx, "saleId"), day, p, s.id(), ctx.formParamMap());
        if (p.realName()) {
            renderDocuments(ctx, form, p, null);
        } else {
            sell(ctx, form, p);
        }
    }

    /** The documents screen's buttons: read:INDEX:READER fills one ticket from a reader; sell books the order. */
    private void documents(Context ctx) {
        OrderForm form = OrderForm.fromDocuments(ctx.formParamMap());
        Product p = product(backend.catalogue(form.date()), form.productId());
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("sell");
        if (action.startsWith("read:")) {
            String[] a = action.split(":");
            int index = Integer.parseInt(a[1]);
            if (index < 0 || index >= form.entries().size()) {
                throw new KioskError("BAD_FORM", "no ticket " + index);
            }
            Optional<KioskBackend.Identity> read = backend.readDocument(DocumentReader.valueOf(a[2]));
            if (read.isEmpty()) {
                renderDocuments(ctx, form, p, "NO_DOCUMENT");
            } else {
                renderDocuments(ctx, form.with(index, read.get()), p, null);
            }
            return;
        }
        try {
            sell(ctx, form, p);
        } catch (KioskError e) {
            // a document refused (missing, too young, over its limit …): the same screen, the visitor's entries kept
            renderDocuments(ctx, form, p, e.code());
        }
    }

    private void renderDocuments(Context ctx, OrderForm form, Product p, String problem) {
        render(ctx, "documents", Map.of("form", form, "product", p, "problem", problem == null ? "" : problem));
    }

    private void sell(Context ctx, OrderForm form, Product p) {
        SaleView sale = backend.sell(form.saleId(), p.id(), form.slotId(), form.items());
        ctx.redirect("/sales/" + sale.saleId());
    }

    /** Where the sale is decides the screen: choose how to pay, the QR, the code, printing, or its end. */
    private void sale(Context ctx) {
        SaleView sale = backend.sale(ctx.pathParam("sale"));
        switch (sale.state()) {
            case "PAID" ->
                ctx.redirect("/sales/" + sale.saleId() + (printed.contains(sale.saleId()) ? "/done" : "/printing"));
            case "AWAITING_PAYMENT", "DECLINED" -> {
                String method = ctx.queryParam("method");
                boolean paying = sale.payment() != null && sale.is("AWAITING_PAYMENT");
                String screen = paying && "NATIVE".equals(sale.payment().method())
                        ? "pay-qr"
                        : "CODE".equals(method) && !paying ? "pay-code" : paying ? "pay-wait" : "pay";
                String qr = screen.equals("pay-qr") && sale.payment().codeUrl() != null
                        ? QrSvg.svg(sale.payment().codeUrl())
                        : "";
                render(ctx, screen, Map.of("sale", sale, "qr", qr, "pollMillis", pollMillis));
            }
            default -> render(ctx, "over", Map.of("sale", sale));
        }
    }

    /** The pay screens' poll: the sale's state only. */
    private void state(Context ctx) {
        SaleView sale = backend.sale(ctx.pathParam("sale"));
        ctx.json(Map.of("state", sale.state()));
    }

    private void pay(Context ctx) {
        String saleId = ctx.pathParam("sale");
        PayMethod method = "CODE".equals(ctx.formParam("method")) ? PayMethod.CODE : PayMethod.NATIVE;
        String code =
                Optional.ofNullable(ctx.formParam("paymentCode")).orElse("").trim();
        if (method == PayMethod.CODE && code.isEmpty()) {
            throw new KioskError("PAYMENT_CODE_MISSING", "scan the payment code first");
        }
        backend.pay(saleId, method, method == PayMethod.CODE ? code : null);
        ctx.redirect("/sales/" + saleId);
    }

    private void printing(Context ctx) {
        SaleView sale = backend.sale(ctx.pathParam("sale"));
        if (!sale.is("PAID")) {
            ctx.redirect("/sales/" + sale.saleId());
            return;
        }
        render(ctx, "printing", Map.of("sale", sale));
    }

    /** Prints once per sale on this kiosk (reprints are the staff's, audited). */
    private void print(Context ctx) {
        String saleId = ctx.pathParam("sale");
        SaleView sale = backend.sale(saleId);
        if (!sale.is("PAID")) {
            throw new KioskError("NOT_PAID", "the sale is " + sale.state());
        }
        if (printed.add(saleId)) {
            try {
                backend.print(saleId);
            } catch (RuntimeException e) {
                printed.remove(saleId);
                throw e;
            }
        }
        ctx.redirect("/sales/" + saleId + "/done");
    }

    private void done(Context ctx) {
        SaleView sale = backend.sale(ctx.pathParam("sale"));
        // real-name tickets open the gate with the ID card too: say so (the product of the sale's day)
        boolean realName = sale.tickets().stream()
                .map(KioskBackend.Ticket::slotStart)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(t -> LocalDate.ofInstant(t, backend.zone()))
                .flatMap(d -> backend.catalogue(d).product(sale.productId()))
                .map(Product::realName)
                .orElse(false);
        render(ctx, "done", Map.of("sale", sale, "realName", realName));
    }

    private LocalDate day(Context ctx) {
        String d = ctx.queryParam("date");
        LocalDate day = d == null || d.isBlank() ? backend.today() : OrderForm.day(d);
        if (day.isBefore(backend.today()) || day.isAfter(backend.today().plusDays(DAYS - 1))) {
            throw new KioskError("DAY_NOT_ON_SALE", "the kiosk sells today and the next " + (DAYS - 1) + " days");
        }
        return day;
    }

    private List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            days.add(backend.today().plusDays(i));
        }
        return days;
    }

    private static Product product(Catalogue c, String id) {
        return c.product(id).orElseThrow(() -> new KioskError("NO_SUCH_PRODUCT", "not on sale that day: " + id));
    }

    private static Slot slot(Product p, String id) {
        return p.slot(id).orElseThrow(() -> new KioskError("NO_SUCH_SLOT", "no such slot that day: " + id));
    }

    static String required(Context ctx, String key) {
        String v = ctx.formParam(key);
        if (v == null || v.isBlank()) {
            throw new KioskError("BAD_FORM", "missing " + key);
        }
        return v;
    }

    void render(Context ctx, String screen, Map<String, Object> params) {
        ui.render(ctx, screen, new Page(KioskUi.messages(ctx), backend.zone(), pathOf(ctx)), params);
    }

    private static String pathOf(Context ctx) {
        // after a POST the language switch goes home: a form's screen cannot be fetched again with GET
        if (!"GET".equals(ctx.method().name())) {
            return "/";
        }
        String q = ctx.queryString();
        return ctx.path() + (q == null ? "" : "?" + q);
    }
}
