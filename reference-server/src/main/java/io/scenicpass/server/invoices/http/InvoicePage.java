package io.scenicpass.server.invoices.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.http.HttpGuards;
import io.scenicpass.server.invoices.Invoice;
import io.scenicpass.server.invoices.InvoiceInput;
import io.scenicpass.server.invoices.InvoiceLinks;
import io.scenicpass.server.invoices.InvoiceService;
import io.scenicpass.server.invoices.internal.DemoInvoiceProvider;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The visitor's invoice page behind the receipt's QR: {@code GET /invoice/{token}} shows the order and the form (or
 * the issued invoice), {@code POST} asks for the invoice and redirects back to it, {@code GET .../pdf} downloads it.
 * Chinese or English ({@link PageTexts}); refusals are typed ({@code data-code}) and told in the page's language.
 */
public final class InvoicePage {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private final InvoiceService invoices;
    private final InvoiceLinks links;
    private final Database db;
    private final BookingStore bookings;

    public InvoicePage(InvoiceService invoices, InvoiceLinks links, Database db, BookingStore bookings) {
        this.invoices = invoices;
        this.links = links;
        this.db = db;
        this.bookings = bookings;
    }

    public void register(RoutesConfig r) {
        r.get("/invoice.css", this::css);
        r.get("/invoice/{token}", this::show);
        r.post("/invoice/{token}", this::submit);
        r.get("/invoice/{token}/pdf", this::download);
    }

    private void show(Context ctx) {
        PageTexts t = PageTexts.of(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        Optional<Booking> b = booking(ctx, t);
        if (b.isEmpty()) {
            return;
        }
        Optional<Invoice> inv = invoices.forBooking(b.get().uuid());
        if (inv.isPresent() && inv.get().state() == Invoice.State.ISSUED) {
            render(ctx, 200, done(ctx, t, b.get(), inv.get()));
        } else if (!paid(b.get())) {
            render(ctx, 422, error(ctx, t, "NOT_PAID", null, summary(b.get())));
        } else {
            render(ctx, 200, form(ctx, t, b.get(), new PageModel.Form("", "", "", null), null, null));
        }
    }

    private void submit(Context ctx) {
        Map<String, List<String>> form = form(ctx);
        PageTexts t = PageTexts.of(field(form, "lang"), ctx.header("Accept-Language"));
        Optional<Booking> b = booking(ctx, t);
        if (b.isEmpty()) {
            return;
        }
        InvoiceInput in = new InvoiceInput(field(form, "buyerTitle"), field(form, "taxNumber"), field(form, "email"));
        PageModel.Form given = new PageModel.Form(nz(in.buyerTitle()), nz(in.taxNumber()), nz(in.email()), null);
        try {
            invoices.request(b.get().uuid(), in, Invoice.Source.VISITOR);
        } catch (InvoiceInput.Refused e) {
            String field = e.field.name();
            PageModel.Form bad = new PageModel.Form(given.buyerTitle(), given.taxNumber(), given.email(), field);
            render(ctx, 400, form(ctx, t, b.get(), bad, field, t.get(field)));
            return;
        } catch (ServiceException e) {
            boolean busy = e.problem() == Problem.SERVICE_UNAVAILABLE;
            String code = busy ? "UNAVAILABLE" : "NOT_PAID";
            render(ctx, busy ? 503 : 422, form(ctx, t, b.get(), given, code, t.get(code)));
            return;
        }
        ctx.redirect("/invoice/" + ctx.pathParam("token") + "?lang=" + t.lang, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void download(Context ctx) {
        PageTexts t = PageTexts.of(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        Optional<Booking> b = booking(ctx, t);
        if (b.isEmpty()) {
            return;
        }
        Optional<Invoice> inv = invoices.forBooking(b.get().uuid());
        if (inv.isEmpty() || inv.get().state() != Invoice.State.ISSUED) {
            render(ctx, 404, form(ctx, t, b.get(), new PageModel.Form("", "", "", null), null, null));
        } else if (inv.get().erasedAt() != null) {
            render(ctx, 410, error(ctx, t, "ERASED", null, summary(b.get())));
        } else {
            pdf(ctx, inv.get(), invoices);
        }
    }

    /** Answers an issued invoice's PDF (inline, not cached: it holds the buyer's data). */
    static void pdf(Context ctx, Invoice inv, InvoiceService invoices) {
        byte[] pdf = invoices.pdf(inv.id());
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "inline; filename=\"" + inv.number() + ".pdf\"");
        ctx.contentType("application/pdf").result(pdf);
    }

    /** The token's booking, or (having answered the error page) empty. */
    private Optional<Booking> booking(Context ctx, PageTexts t) {
        String uuid;
        try {
            uuid = links.bookingOf(ctx.pathParam("token"));
        } catch (InvoiceLinks.Refused e) {
            String code = e.expired ? "LINK_EXPIRED" : "LINK_INVALID";
            String day = e.expired ? e.getMessage().substring(e.getMessage().lastIndexOf(' ') + 1) : null;
            render(ctx, e.expired ? 410 : 404, error(ctx, t, code, day, null));
            return Optional.empty();
        }
        Optional<Booking> b = db.read(c -> bookings.find(c, uuid));
        if (b.isEmpty()) {
            render(ctx, 404, error(ctx, t, "LINK_INVALID", null, null));
        }
        return b;
    }

    private static boolean paid(Booking b) {
        return b.status() == BookingState.CONFIRMED || b.status() == BookingState.REDEEMED;
    }

    private static PageModel.Summary summary(Booking b) {
        return new PageModel.Summary(
                b.supplierReference(),
                b.localDate().toString(),
                b.currency() + " " + DemoInvoiceProvider.money(b.totalRetail()));
    }

    private static PageModel form(Context ctx, PageTexts t, Booking b, PageModel.Form f, String code, String text) {
        return new PageModel(t, ctx.pathParam("token"), code, text, summary(b), f, null);
    }

    private static PageModel done(Context ctx, PageTexts t, Booking b, Invoice inv) {
        String mail = t.get("mail." + inv.mail().name(), inv.email());
        String pdf = "/invoice/" + ctx.pathParam("token") + "/pdf";
        return new PageModel(
                t, ctx.pathParam("token"), null, null, summary(b), null, new PageModel.Done(inv.number(), mail, pdf));
    }

    private static PageModel error(Context ctx, PageTexts t, String code, String arg, PageModel.Summary s) {
        return new PageModel(t, ctx.pathParam("token"), code, t.get(code, arg), s, null, null);
    }

    private static void render(Context ctx, int status, PageModel m) {
        StringOutput out = new StringOutput();
        TEMPLATES.render("invoices/page.jte", m, out);
        ctx.header("Content-Security-Policy", HttpGuards.PAGE_POLICY);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).html(out.toString());
    }

    private void css(Context ctx) throws IOException {
        try (InputStream in = InvoicePage.class.getResourceAsStream("/invoices/invoice.css")) {
            if (in == null) {
                throw new ServiceException(Problem.NOT_FOUND, "no such file");
            }
            ctx.contentType("text/css; charset=utf-8").result(in.readAllBytes());
        }
    }

    /** The posted form; a body that is no form (a broken multipart, JSON) counts as empty: its fields are refused. */
    private static Map<String, List<String>> form(Context ctx) {
        try {
            return ctx.formParamMap();
        } catch (Exception e) { // Jetty's BadMessageException, wrapped by the servlet layer
            return Map.of();
        }
    }

    private static String field(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
