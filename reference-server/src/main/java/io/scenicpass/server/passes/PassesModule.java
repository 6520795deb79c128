package io.scenicpass.server.passes;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.passes.http.PassesAdminApi;
import io.scenicpass.server.passes.store.AnnualPassStore;
import io.scenicpass.server.passes.store.PassTermsStore;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.PassStore;

/**
 * Pass products and annual passes (issue #23), wired from the platform and sales: {@link #compose} also makes the
 * issuance shape every pass by its product's terms, and OCTO's products show them.
 */
public final class PassesModule {
    public final PassProducts products;
    public final AnnualPasses annual;

    private PassesModule(Platform p, SalesModule sales) {
        AnnualPassStore annualStore = new AnnualPassStore();
        products = new PassProducts(p.db(), new PassTermsStore(), annualStore, sales.catalogue, p.clock());
        annual = new AnnualPasses(
                p.db(),
                annualStore,
                products,
                sales.catalogue,
                sales.issuance,
                sales.identity.identities,
                new PassStore(p.db().dialect()),
                new BookingStore(p.db().dialect()),
                p.clock());
    }

    /** The module, with sales' issuance shaped by the products' pass terms from now on. */
    public static PassesModule compose(Platform p, SalesModule sales) {
        PassesModule m = new PassesModule(p, sales);
        sales.issuance.terms(m.products);
        sales.api.passTerms(m.products::octo); // OCTO products show their pass terms
        return m;
    }

    /** The console page {@code /console/annual-passes} (adds its link to the console's navigation). */
    public io.scenicpass.server.passes.http.AnnualPassesPage page(io.scenicpass.server.console.ConsolePages pages) {
        return new io.scenicpass.server.passes.http.AnnualPassesPage(pages, annual);
    }

    /** The admin API: products' pass terms and the annual passes' lifecycle. */
    public PassesAdminApi adminApi(AdminService admin) {
        return new PassesAdminApi(admin, products, annual);
    }
}
