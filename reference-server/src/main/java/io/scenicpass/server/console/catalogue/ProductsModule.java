package io.scenicpass.server.console.catalogue;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityPolicies;
import io.scenicpass.server.passes.PassProducts;
import io.scenicpass.server.sales.SalesModule;

/** The catalogue editing pages of the console; adds the products' list to the console's navigation. */
public final class ProductsModule {
    /** The texts bundle of these pages. */
    static final String TEXTS = "console-products";

    private final ProductsPage list;
    private final ProductPage product;

    public ProductsModule(
            ConsolePages pages, SalesModule sales, PassProducts passTerms, ChannelService channels, Database db) {
        list = new ProductsPage(pages, sales.catalogue);
        product = new ProductPage(
                pages,
                sales.catalogue,
                new IdentityPolicies(db, sales.catalogue),
                sales.onlineClaims,
                passTerms,
                channels);
        pages.addNav("/console/catalogue/products", "nav.products", Right.VIEW, TEXTS);
    }

    public void register(RoutesConfig r) {
        list.register(r);
        product.register(r);
    }
}
