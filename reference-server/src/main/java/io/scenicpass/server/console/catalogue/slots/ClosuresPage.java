package io.scenicpass.server.console.catalogue.slots;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.SlotClosures;
import io.scenicpass.server.web.Pages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/catalogue/closures?product=}: close a date range of one option or the whole product with a reason.
 * The first post only previews (the confirmed bookings and visitors per day, each day linked to the bookings page);
 * the operator then confirms. Lifting reopens the days. Reading needs VIEW, closing and lifting CATALOGUE_WRITE.
 */
public final class ClosuresPage {
    public record Choice(String id, String label) {}

    /** The form's values (kept on a refusal or a preview). */
    public record Form(String optionId, String firstDay, String lastDay, String reason) {}

    public record Model(
            List<Choice> products,
            String productId,
            List<Choice> options,
            Form form,
            SlotClosures.Closed preview,
            List<SlotClosures.Closed> closures,
            String done,
            String errorCode,
            String error) {}

    private final ConsolePages pages;
    private final CatalogueService catalogue;
    private final SlotClosures closures;

    ClosuresPage(ConsolePages pages, CatalogueService catalogue, SlotClosures closures) {
        this.pages = pages;
        this.catalogue = catalogue;
        this.closures = closures;
    }

    void register(RoutesConfig r) {
        r.get("/console/catalogue/closures", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(ctx, 200, ctx.queryParam("product"), null, null, ctx.queryParam("done"), null);
        });
        r.post("/console/catalogue/closures/preview", ctx -> {
            pages.requireRight(ctx, Right.CATALOGUE_WRITE);
            Form f = form(ctx);
            String product = ctx.formParam("product");
            try {
                SlotClosures.Closed preview = closures.preview(
                        product,
                        f.optionId(),
                        SlotInputs.date("firstDay", f.firstDay()),
                        SlotInputs.date("lastDay", f.lastDay()),
                        f.reason());
                render(ctx, 200, product, f, preview, null, null);
            } catch (ServiceException e) {
                render(ctx, SlotsPage.status(e), product, f, null, null, e);
            }
        });
        r.post("/console/catalogue/closures", ctx -> {
            Principal p = pages.requireRight(ctx, Right.CATALOGUE_WRITE);
            Form f = form(ctx);
            String product = ctx.formParam("product");
            try {
                SlotClosures.Closed done = closures.close(
                        product,
                        f.optionId(),
                        SlotInputs.date("firstDay", f.firstDay()),
                        SlotInputs.date("lastDay", f.lastDay()),
                        f.reason(),
                        p.actor());
                pages.audited(
                        p,
                        "console: closure",
                        "productId=" + product + (f.optionId() == null ? "" : ", optionId=" + f.optionId()),
                        done.closure().firstDay() + ".." + done.closure().lastDay() + ", bookings=" + done.bookings()
                                + ", visitors=" + done.visitors() + ", reason="
                                + done.closure().reason());
                redirect(ctx, product, "closed");
            } catch (ServiceException e) {
                render(ctx, SlotsPage.status(e), product, f, null, null, e);
            }
        });
        r.post("/console/catalogue/closures/lift", ctx -> {
            Principal p = pages.requireRight(ctx, Right.CATALOGUE_WRITE);
            String product = ctx.formParam("product");
            String id = ctx.formParam("id");
            try {
                closures.lift(SlotInputs.number("id", id));
                pages.audited(p, "console: closure lifted", "closureId=" + id, "productId=" + product);
                redirect(ctx, product, "lifted");
            } catch (ServiceException e) {
                render(ctx, SlotsPage.status(e), product, null, null, null, e);
            }
        });
    }

    private static Form form(Context ctx) {
        String option = ctx.formParam("option");
        return new Form(
                option == null || option.isBlank() ? null : option,
                ctx.formParam("firstDay"),
                ctx.formParam("lastDay"),
                ctx.formParam("reason"));
    }

    private static void redirect(Context ctx, String product, String done) {
        ctx.redirect(
                "/console/catalogue/closures?product=" + URLEncoder.encode(product, StandardCharsets.UTF_8) + "&done="
                        + done,
                HttpStatus.SEE_OTHER);
    }

    private void render(
            Context ctx,
            int status,
            String productId,
            Form form,
            SlotClosures.Closed preview,
            String done,
            ServiceException error) {
        List<Choice> products = new ArrayList<>();
        List<Choice> options = new ArrayList<>();
        List<CatalogueService.ProductView> all = catalogue.products(null);
        if ((productId == null || productId.isBlank()) && !all.isEmpty()) {
            productId = all.get(0).product().id();
        }
        for (CatalogueService.ProductView pv : all) {
            products.add(new Choice(pv.product().id(), pv.product().internalName()));
            if (pv.product().id().equals(productId)) {
                pv.options()
                        .forEach(o -> options.add(
                                new Choice(o.option().id(), o.option().internalName())));
            }
        }
        if (productId == null || options.isEmpty()) {
            throw new ServiceException(Problem.NOT_FOUND, "no such product", productId);
        }
        Pages.render(
                ctx,
                status,
                "console/catalogue/slots/closures.jte",
                pages.frame(ctx, "closures.title", SlotsModule.TEXTS),
                new Model(
                        products,
                        productId,
                        options,
                        form == null ? new Form(null, "", "", "") : form,
                        preview,
                        closures.list(productId),
                        error == null ? done : null,
                        error == null ? null : error.problem().name(),
                        error == null ? null : error.getMessage()));
    }
}
