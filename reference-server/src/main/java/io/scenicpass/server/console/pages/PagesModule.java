package io.scenicpass.server.console.pages;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.reports.Reports;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.terminal.DeviceService;
import io.scenicpass.server.terminal.EntryService;

/** The console's pages of this package, on the operators' sign-in; adds them to the console's navigation. */
public final class PagesModule {
    /** The texts bundle of these pages. */
    static final String TEXTS = "console-pages";

    private final CataloguePage catalogue;
    private final DevicesPage devices;
    private final ReportsPage reports;
    private final BookingsPage bookings;

    public PagesModule(
            ConsolePages pages,
            SalesModule sales,
            DeviceService deviceService,
            EntryService entries,
            Reports reportService,
            io.scenicpass.server.admin.AdminService admin,
            java.time.Clock clock,
            io.scenicpass.server.db.Database db,
            io.scenicpass.server.channels.ChannelService channels) {
        catalogue = new CataloguePage(pages, sales.catalogue, sales.inventory, sales.capacity, clock);
        devices = new DevicesPage(pages, deviceService, entries, admin);
        reports = new ReportsPage(pages, reportService);
        bookings = new BookingsPage(pages, db, channels, sales.passCancellation, clock);
        pages.addNav("/console/catalogue", "nav.catalogue", Right.VIEW, TEXTS)
                .addNav("/console/devices", "nav.devices", Right.VIEW, TEXTS)
                .addNav("/console/bookings", "nav.bookings", Right.VIEW, TEXTS)
                .addNav("/console/reports", "nav.reports", Right.REPORTS_READ, TEXTS);
    }

    public void register(RoutesConfig r) {
        catalogue.register(r);
        devices.register(r);
        reports.register(r);
        bookings.register(r);
    }
}
