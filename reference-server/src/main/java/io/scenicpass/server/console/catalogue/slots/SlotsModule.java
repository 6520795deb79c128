package io.scenicpass.server.console.catalogue.slots;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.sales.SalesModule;

/** The slots part of the console catalogue: its two pages and its admin routes (linked from the catalogue page). */
public final class SlotsModule {
    /** The texts bundle of these pages. */
    static final String TEXTS = "console-slots";

    private final SlotsPage slots;
    private final ClosuresPage closures;
    private final SlotsAdminApi api;

    public SlotsModule(ConsolePages pages, SalesModule sales, AdminService admin) {
        slots = new SlotsPage(pages, sales.catalogue, sales.slotSchedule, sales.capacity);
        closures = new ClosuresPage(pages, sales.catalogue, sales.closures);
        api = new SlotsAdminApi(admin, sales.slotSchedule, sales.closures);
    }

    public void register(RoutesConfig r) {
        slots.register(r);
        closures.register(r);
        api.register(r);
    }
}
