package io.scenicpass.server.shop;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.Platform;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.shop.account.CodeSender;
import io.scenicpass.server.shop.account.SignInCodes;
import io.scenicpass.server.shop.account.http.SignInPage;
import io.scenicpass.server.shop.store.ShopOrderStore;
import io.scenicpass.server.web.WebModule;
import java.time.Duration;

/**
 * The visitors' shop: accounts and sign-in, the pages' common frame ({@link ShopPages}), the shop's orders. The shop's
 * other parts (catalogue and checkout, tickets, waiting list, the park, messages) are composed beside it.
 */
public final class ShopModule {
    public final SignInCodes accounts;
    public final ShopPages pages;
    public final ShopOrderStore orders = new ShopOrderStore();

    /** {@code codes} delivers the sign-in codes (the messages module's email and SMS). */
    public ShopModule(Platform p, WebModule web, IdentityKeys keys, CodeSender codes) {
        this.accounts = new SignInCodes(
                p.db(),
                keys,
                p.clock(),
                p.random(),
                codes,
                Integer.parseInt(p.config().web.getOrDefault("shop.codesPerIpHour", "" + SignInCodes.PER_IP_HOUR)));
        this.pages = new ShopPages(web.sessions, accounts);
    }

    public void register(RoutesConfig r) {
        new SignInPage(pages, accounts).register(r);
    }

    public void jobs(Jobs jobs) {
        jobs.singleton(
                "shop-code-purge", "purges sign-in codes older than a day", Duration.ofHours(1), accounts::purge);
    }
}
