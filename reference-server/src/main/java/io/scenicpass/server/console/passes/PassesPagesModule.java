package io.scenicpass.server.console.passes;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.shop.tickets.TicketsModule;
import io.scenicpass.server.terminal.EntryService;
import java.time.Clock;

/**
 * The console's second half: the blacklist and passes pages, the refund and resend of shop orders, and their admin
 * API; adds the pages to the console's navigation.
 */
public final class PassesPagesModule {
    /** The texts bundle of these pages. */
    static final String TEXTS = "console-passes";

    private final BlacklistPage blacklist;
    private final PassesPage passes;
    private final RefundsPage refunds;
    private final PassesAdminApi api;

    public PassesPagesModule(
            ConsolePages pages,
            SalesModule sales,
            EntryService entries,
            AdminService admin,
            Database db,
            Clock clock,
            TicketsModule tickets,
            VisitorMessages messages) {
        PassLookup lookup = new PassLookup(db, sales.identity.identities, entries, sales.passActions, clock);
        blacklist = new BlacklistPage(pages, sales.identity.blacklist);
        passes = new PassesPage(pages, lookup, sales.passActions);
        refunds = new RefundsPage(pages, tickets.rules, tickets.refunds, messages);
        api = new PassesAdminApi(admin, lookup, sales.passActions, tickets.refunds, messages);
        pages.addNav("/console/passes", "nav.passes", Right.VIEW, TEXTS)
                .addNav("/console/blacklist", "nav.blacklist", Right.VIEW, TEXTS);
    }

    public void register(RoutesConfig r) {
        blacklist.register(r);
        passes.register(r);
        refunds.register(r);
        api.register(r);
    }
}
