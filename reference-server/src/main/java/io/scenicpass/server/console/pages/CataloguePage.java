package io.scenicpass.server.console.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.sales.CapacityChanges;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.web.Pages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/catalogue}: the products with their options, units and default prices, and the slots of a day with
 * capacity, sold, held and free places (VIEW); {@code POST /console/catalogue/capacity} changes a slot's capacity live
 * (CATALOGUE_WRITE, audited) — refused below what is sold or held, the reason shown on the page.
 */
public final class CataloguePage {
    /** One option of a product with its units ("Adult 100.00") and its slots of the day. */
    public record OptionRow(
            String productId,
            String productName,
            String optionId,
            String optionName,
            List<String> units,
            List<SlotRow> slots) {}

    public record SlotRow(String slotId, String start, int capacity, int sold, int held, int free, boolean closed) {}

    /** The page: the day, the options, the slot just changed, or the refusal with its reason. */
    public record Model(
            String date, List<OptionRow> options, String changed, String errorCode, String error, String errorSlot) {}

    private final ConsolePages pages;
    private final CatalogueService catalogue;
    private final InventoryService inventory;
    private final CapacityChanges capacity;
    private final java.time.Clock clock;

    CataloguePage(
            ConsolePages pages,
            CatalogueService catalogue,
            InventoryService inventory,
            CapacityChanges capacity,
            java.time.Clock clock) {
        this.clock = clock;
        this.pages = pages;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.capacity = capacity;
    }

    void register(RoutesConfig r) {
        r.get("/console/catalogue", this::show);
        r.post("/console/catalogue/capacity", this::changeCapacity);
    }

    private void show(Context ctx) {
        pages.requireRight(ctx, Right.VIEW);
        String changed = ctx.queryParam("changed");
        render(ctx, 200, date(ctx.queryParam("date")), changed, null, null, null);
    }

    private void changeCapacity(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.CATALOGUE_WRITE);
        LocalDate date = date(ctx.formParam("date"));
        String slotId = ctx.formParam("slotId");
        String given = ctx.formParam("capacity");
        try {
            if (slotId == null || given == null || !given.trim().matches("[0-9]{1,7}")) {
                throw new ServiceException(Problem.BAD_REQUEST, "capacity must be a whole number of places", slotId);
            }
            Slot s = capacity.changeCapacity(slotId, Integer.parseInt(given.trim()));
            pages.audited(p, "console: slot capacity", "slotId=" + slotId, "capacity=" + s.capacity());
            ctx.redirect(
                    "/console/catalogue?date=" + date + "&changed="
                            + java.net.URLEncoder.encode(slotId, java.nio.charset.StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            int status = e.problem() == Problem.CONFLICT ? 409 : e.problem() == Problem.NOT_FOUND ? 404 : 400;
            render(ctx, status, date, null, e.problem().name(), e.getMessage(), slotId);
        }
    }

    private void render(
            Context ctx, int status, LocalDate date, String changed, String code, String error, String errorSlot) {
        List<OptionRow> rows = new ArrayList<>();
        for (CatalogueService.ProductView pv : catalogue.products(null)) {
            for (CatalogueService.OptionView ov : pv.options()) {
                List<String> units = new ArrayList<>();
                ov.units().forEach(u -> {
                    var price = ov.price(u.id());
                    units.add(u.internalName()
                            + (price == null ? "" : " " + io.scenicpass.server.reports.Export.yuan(price.retail())));
                });
                List<SlotRow> slots = new ArrayList<>();
                for (InventoryService.SlotView v :
                        inventory.availability(pv.product(), ov.option(), date, date, null)) {
                    Slot s = v.slot();
                    slots.add(new SlotRow(
                            s.id(),
                            s.startAt()
                                    .atZone(ZoneId.of(pv.product().timeZone()))
                                    .toLocalTime()
                                    .toString(),
                            s.capacity(),
                            s.sold(),
                            s.held(),
                            v.vacancies(),
                            s.closed()));
                }
                rows.add(new OptionRow(
                        pv.product().id(),
                        pv.product().internalName(),
                        ov.option().id(),
                        ov.option().internalName(),
                        units,
                        slots));
            }
        }
        Pages.render(
                ctx,
                status,
                "console/pages/catalogue.jte",
                pages.frame(ctx, "catalogue.title", PagesModule.TEXTS),
                new Model(date.toString(), rows, changed, code, error, errorSlot));
    }

    /** The day asked (YYYY-MM-DD), today in the park's zone when none; a bad one is a typed 400. */
    private LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            List<CatalogueService.ProductView> all = catalogue.products(null);
            ZoneId zone = all.isEmpty()
                    ? ZoneId.of("Asia/Shanghai")
                    : ZoneId.of(all.get(0).product().timeZone());
            return LocalDate.now(clock.withZone(zone));
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "the date must be YYYY-MM-DD");
        }
    }
}
