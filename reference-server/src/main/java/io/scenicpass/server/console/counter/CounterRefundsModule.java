package io.scenicpass.server.console.counter;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.counter.CounterSales;
import io.scenicpass.server.counter.boxoffice.BoxOfficeModule;

/** The console's refunds of counter sales: the page ({@code /console/counter-refunds}) and its admin route. */
public final class CounterRefundsModule {
    /** The texts bundle of the page. */
    static final String TEXTS = "console-refunds";

    private final CounterRefundsPage page;
    private final CounterRefundsAdminApi api;

    public CounterRefundsModule(ConsolePages pages, BoxOfficeModule box, CounterSales sales, AdminService admin) {
        page = new CounterRefundsPage(pages, box.refunds, box.due, sales);
        api = new CounterRefundsAdminApi(admin, box.refunds);
        pages.addNav("/console/counter-refunds", "nav.counterRefunds", Right.BOOKINGS_REFUND, TEXTS);
    }

    public void register(RoutesConfig r) {
        page.register(r);
        api.register(r);
    }
}
