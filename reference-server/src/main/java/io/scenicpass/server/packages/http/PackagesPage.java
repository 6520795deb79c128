package io.scenicpass.server.packages.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.packages.Packages;
import io.scenicpass.server.packages.Partners;
import io.scenicpass.server.packages.store.PackageStore.Allotment;
import io.scenicpass.server.packages.store.PackageStore.Partner;
import io.scenicpass.server.packages.store.PackageStore.Resource;
import io.scenicpass.server.web.Pages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/packages}: the partners with their resources and a day's allotments, the package products (VIEW);
 * {@code POST /console/packages/allotments} loads an allotment for days (CATALOGUE_WRITE, audited) — a refusal (a
 * total below what is taken, a bad day) is shown on the page with its code.
 */
public final class PackagesPage {
    static final String TEXTS = "packages";

    public record ResourceRow(Resource resource, Allotment allotment) {}

    public record PartnerRow(Partner partner, List<ResourceRow> resources) {}

    public record Model(
            String date,
            List<PartnerRow> partners,
            List<Packages.View> packages,
            boolean loaded,
            String errorCode,
            String error) {}

    private final ConsolePages pages;
    private final Partners partners;
    private final Packages packages;
    private final Clock clock;
    private final ZoneId zone;

    public PackagesPage(ConsolePages pages, Partners partners, Packages packages, Clock clock, ZoneId zone) {
        this.pages = pages;
        this.partners = partners;
        this.packages = packages;
        this.clock = clock;
        this.zone = zone;
        pages.addNav("/console/packages", "nav.packages", Right.VIEW);
    }

    public void register(RoutesConfig r) {
        r.get("/console/packages", this::show);
        r.post("/console/packages/allotments", this::load);
    }

    private void show(Context ctx) {
        pages.requireRight(ctx, Right.VIEW);
        render(ctx, 200, day(ctx.queryParam("date")), ctx.queryParam("loaded") != null, null, null);
    }

    private void load(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.CATALOGUE_WRITE);
        String resourceId = ctx.formParam("resourceId");
        String from = ctx.formParam("from");
        String to = ctx.formParam("to");
        String total = ctx.formParam("total");
        try {
            if (total == null || !total.trim().matches("[0-9]{1,7}")) {
                throw new ServiceException(Problem.BAD_REQUEST, "the total must be a whole number of places");
            }
            Resource r = partners.resourceById(resourceId);
            partners.setAllotments(
                    r.partnerId(),
                    r.id(),
                    new Partners.AllotmentInput(
                            from, to == null || to.isBlank() ? null : to, Integer.parseInt(total.trim())));
            pages.audited(
                    p, "console: partner allotment", "resourceId=" + r.id(), from + ".." + to + " total=" + total);
            ctx.redirect("/console/packages?date=" + Partners.day("from", from) + "&loaded=1", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            int status = e.problem() == Problem.CONFLICT ? 409 : e.problem() == Problem.NOT_FOUND ? 404 : 400;
            render(ctx, status, today(), false, e.problem().name(), e.getMessage());
        }
    }

    private void render(Context ctx, int status, LocalDate day, boolean loaded, String code, String error) {
        List<PartnerRow> rows = new ArrayList<>();
        for (Partner partner : partners.partners()) {
            List<ResourceRow> resources = new ArrayList<>();
            for (Resource r : partners.resources(partner.id())) {
                List<Allotment> a = partners.allotments(partner.id(), r.id(), day.toString(), null);
                resources.add(new ResourceRow(r, a.isEmpty() ? null : a.get(0)));
            }
            rows.add(new PartnerRow(partner, resources));
        }
        Pages.render(
                ctx,
                status,
                "packages/console.jte",
                pages.frame(
                        ctx, "packages.title", TEXTS, "console-pages"), // console-pages: the other pages' nav labels
                new Model(day.toString(), rows, packages.all(), loaded, code, error));
    }

    private LocalDate day(String s) {
        return s == null || s.isBlank() ? today() : Partners.day("date", s.trim());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
